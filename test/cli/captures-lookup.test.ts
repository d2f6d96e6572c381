import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileStore } from '../../src/capture/file-store.js'
import { captures } from '../capture/helpers/io.js'
import { fakeRecord } from '../capture/helpers/records.js'

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'captures-lookup-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

const DAY_MS = 86_400_000

async function seed () {
  const store = await createFileStore({ dir, maxInMemory: 50 })
  const t = Date.now()
  const at = (ms: number) => new Date(t - ms).toISOString()
  // fakeRecord uses the id as the wxnontaxstr; ids share the "20261127-1402" part as real ones do.
  await store.append(fakeRecord({ id: '20261127-140201-a1b2c3', receivedAt: at(3000), orderId: 'ORD-7' }))
  await store.append(fakeRecord({ id: '20261127-140202-d4e5f6', receivedAt: at(2000), orderId: 'ORD-7', status: 4 }))
  await store.append(fakeRecord({ id: '20261127-140203-0a0b0c', receivedAt: at(1000), errcode: 300 }))
  await store.close()
}

const env = () => ({ CAPTURE_DIR: dir })

describe('capture lookup people can type', () => {
  it('finds a capture by any unique substring of its ID, including the random suffix', async () => {
    await seed()
    const res = await captures(['show', 'd4e5'], env())
    expect(res.code).toBe(0)
    expect(res.out).toContain('20261127-140202-d4e5f6')
    expect(res.out).not.toContain('20261127-140201-a1b2c3')
  })

  it('finds the newest capture with "last"', async () => {
    await seed()
    const res = await captures(['show', 'last', '--json'], env())
    expect(JSON.parse(res.out).id).toBe('20261127-140203-0a0b0c')
  })

  it('finds all captures of an order_id with show, and refuses to export more than one (exit 2, listing them)', async () => {
    await seed()
    const res = await captures(['show', 'ORD-7'], env())
    expect(res.code).toBe(0)
    expect(res.out).toContain('20261127-140201-a1b2c3')
    expect(res.out).toContain('20261127-140202-d4e5f6')
    const one = await captures(['export', 'ORD-7', '--curl'], env())
    expect(one.code).toBe(2)
    expect(one.err).toMatch(/"ORD-7" matches 2 captures; give more of the ID, or one of these:\n {2}20261127-140202-d4e5f6 .*order_id ORD-7/)
  })

  it('an ambiguous substring exits 2 and lists the candidates', async () => {
    await seed()
    const res = await captures(['show', '20261127-1402'], env())
    expect(res.code).toBe(2)
    expect(res.err).toContain('"20261127-1402" matches 3 captures')
    for (const id of ['20261127-140201-a1b2c3', '20261127-140202-d4e5f6', '20261127-140203-0a0b0c']) expect(res.err).toContain(id)
  })

  it('finds a capture by its wxnontaxstr when the nonce is not part of the ID', async () => {
    const store = await createFileStore({ dir, maxInMemory: 50 })
    const r = fakeRecord({ id: '20261127-150000-ffffff' })
    await store.append({ ...r, wxnontaxstr: '9f86d081884c7d65' })
    await store.close()
    const res = await captures(['show', '9f86d081884c7d65', '--json'], env())
    expect(JSON.parse(res.out).id).toBe('20261127-150000-ffffff')
  })

  it('"last" with no captures exits 2 and says so', async () => {
    const res = await captures(['show', 'last'], env())
    expect(res).toMatchObject({ code: 2, err: expect.stringContaining('no captures in') })
  })
})

describe('captures prune --dry-run', () => {
  it('lists what would go and removes nothing', async () => {
    const store = await createFileStore({ dir, maxInMemory: 50 })
    await store.append(fakeRecord({ id: 'old1', receivedAt: new Date(Date.now() - 10 * DAY_MS).toISOString() }))
    await store.append(fakeRecord({ id: 'new1' }))
    await store.close()
    const before = await readdir(dir)
    const res = await captures(['prune', '--older-than', '7d', '--dry-run'], env())
    expect(res.code).toBe(0)
    expect(res.out).toMatch(/dry run: would remove captures-\d{4}-\d\d-\d\d\.ndjson \(1 records\)/)
    expect(res.out).toMatch(/dry run: would prune 1 records in 1 day files older than .*nothing was removed/)
    expect(await readdir(dir)).toEqual(before)
  })
})
