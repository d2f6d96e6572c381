import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createFileStore } from '../../src/capture/file-store.js'
import { captures } from './helpers/io.js'
import { fakeRecord } from './helpers/records.js'

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'captures-prune-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

const DAY_MS = 86_400_000

async function seed (ages: number[]) {
  const store = await createFileStore({ dir, maxInMemory: 50 })
  await Promise.all(ages.map((age, i) => store.append(fakeRecord({ id: `r${String(i).padStart(3, '0')}`, receivedAt: new Date(Date.now() - age).toISOString() }))))
  await store.close()
}

it('list shows the newest 100 by default and says how to see the rest', async () => {
  await seed(Array.from({ length: 120 }, (_, i) => i * 1000))
  const res = await captures(['list'], { CAPTURE_DIR: dir })
  expect(res.out.split('\n')).toHaveLength(100)
  expect(res.out.split('\n')[0]).toContain('r000')
  expect(res.err).toContain('showing the newest 100 of 120 captures; use --limit N or --since 2d for others')
  expect((await captures(['list', '--since', '1h'], { CAPTURE_DIR: dir })).out.split('\n')).toHaveLength(120)
})

it('prune --older-than 7d removes whole day files older than that and reports them', async () => {
  await seed([0, 10 * DAY_MS, 10 * DAY_MS, 20 * DAY_MS])
  expect(await readdir(dir)).toHaveLength(3)
  const res = await captures(['prune', '--older-than', '7d'], { CAPTURE_DIR: dir })
  expect(res.code).toBe(0)
  expect(res.out).toMatch(/removed captures-\d{4}-\d\d-\d\d\.ndjson \(2 records\)/)
  expect(res.out).toMatch(/pruned 3 records in 2 day files older than /)
  expect(await readdir(dir)).toHaveLength(1)
  expect((await captures(['list'], { CAPTURE_DIR: dir })).out.split('\n')).toEqual([expect.stringContaining('r000')])
  expect((await captures(['prune', '--older-than', '7d'], { CAPTURE_DIR: dir })).out).toMatch(/^nothing to prune/)
  expect(await captures(['prune', '--older-than', 'soon'], { CAPTURE_DIR: dir })).toMatchObject({ code: 2, err: expect.stringMatching(/--older-than must be a duration like 2h, 7d/) })
})

it('reports skipped partial records on stderr and reads a missing CAPTURE_DIR without creating it', async () => {
  const missing = join(dir, 'nope')
  const res = await captures(['list'], { CAPTURE_DIR: missing })
  expect(res).toMatchObject({ code: 0, out: '' })
  expect(res.err).toContain(`CAPTURE_DIR "${missing}" does not exist yet`)
  expect(await readdir(dir)).toEqual([])

  await seed([0, 0])
  const [file] = await readdir(dir)
  await appendFile(join(dir, file!), '{"id":"torn","receivedAt":"20')
  const torn = await captures(['list'], { CAPTURE_DIR: dir })
  expect(torn.out.split('\n')).toHaveLength(2)
  expect(torn.err).toMatch(/skipped 1 unreadable capture line\(s\) in .*every complete record was read/)
})
