import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileStore, type FileStoreOptions } from '../../src/capture/file-store.js'
import { fakeRecord } from './helpers/records.js'

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'captures-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

const DAY1 = '2024-05-01T10:00:00.000Z'
const DAY2 = '2024-05-02T10:00:00.000Z'
const NOW = Date.parse('2024-05-03T12:00:00.000Z')

function counted (extra: Partial<FileStoreOptions> = {}) {
  const syncs = { n: 0 }
  const open = () => createFileStore({ dir, maxInMemory: 100, now: () => NOW, sync: async fh => { syncs.n++; await fh.datasync() }, ...extra })
  return { syncs, open }
}

describe('file store: group commit', () => {
  it('commits 200 concurrent appends with far fewer fsyncs than appends, and every record is on disk', async () => {
    const { syncs, open } = counted()
    const store = await open()
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(fakeRecord({ id: `c${i}`, receivedAt: DAY2 }))))
    expect(syncs.n).toBeGreaterThanOrEqual(1)
    expect(syncs.n).toBeLessThanOrEqual(3)
    await store.close()
    const again = await open()
    expect(again.stats.records).toBe(200)
    await again.close()
  })

  it('syncs once per append when appends do not overlap (the counter counts)', async () => {
    const { syncs, open } = counted()
    const store = await open()
    for (let i = 0; i < 5; i++) await store.append(fakeRecord({ id: `s${i}`, receivedAt: DAY2 }))
    expect(syncs.n).toBe(5)
    await store.close()
  })

  it('resolves an append only after its sync, and batches appends made while a sync is in flight', async () => {
    let release!: () => void
    const gate = new Promise<void>(resolve => { release = resolve })
    let syncs = 0
    // Signals, not the clock: the rest are appended once the first sync has really started.
    let syncStarted!: () => void
    const firstSyncStarted = new Promise<void>(resolve => { syncStarted = resolve })
    const store = await createFileStore({ dir, maxInMemory: 100, sync: async () => { syncs++; if (syncs === 1) { syncStarted(); await gate } } })
    const settled: string[] = []
    const first = store.append(fakeRecord({ id: 'first' })).then(() => settled.push('first'))
    await firstSyncStarted
    const rest = Array.from({ length: 30 }, (_, i) => store.append(fakeRecord({ id: `r${i}` })).then(() => settled.push(`r${i}`)))
    // A few turns of the event loop: an append that did not wait for the gated sync would settle here.
    for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve))
    expect(settled).toEqual([])
    expect(syncs).toBe(1)
    release()
    await Promise.all([first, ...rest])
    expect(syncs).toBe(2)
    expect(settled[0]).toBe('first')
    await store.close()
  })

  it('rejects every append of a batch whose sync fails, then recovers on the next batch', async () => {
    let fail = true
    const store = await createFileStore({ dir, maxInMemory: 100, sync: async fh => { if (fail) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }); await fh.datasync() } })
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.append(fakeRecord({ id: `f${i}`, orderId: `o${i}` }))))
    expect(results.every(r => r.status === 'rejected')).toBe(true)
    expect(String((results[0] as PromiseRejectedResult).reason.message)).toMatch(/writing .*captures-\d{4}-\d{2}-\d{2}\.ndjson failed: EIO/)
    // A failed append must not leave a duplicate marker behind: the retry is not a duplicate.
    expect(store.findOrder('o1', '3')).toBeUndefined()
    fail = false
    await store.append(fakeRecord({ id: 'after', orderId: 'o1' }))
    expect(store.findOrder('o1', '3')).toBe('after')
    await store.close()
  })
})

describe('file store: crash recovery and restart', () => {
  it('skips a torn last line, counts it, and starts the next record on a new line', async () => {
    const file = join(dir, 'captures-2024-05-01.ndjson')
    const lines = ['a', 'b', 'c'].map(id => JSON.stringify(fakeRecord({ id, receivedAt: DAY1 })))
    const torn = JSON.stringify(fakeRecord({ id: 'torn', receivedAt: DAY1 })).slice(0, 57)
    await writeFile(file, lines.join('\n') + '\n' + torn)
    const warnings: string[] = []
    const store = await createFileStore({ dir, maxInMemory: 100, log: { warn: (_o, msg) => warnings.push(msg) } })
    expect(store.stats).toMatchObject({ records: 3, skippedPartial: 1, skipped: [{ file: 'captures-2024-05-01.ndjson', line: 4, why: 'unterminated' }] })
    expect(warnings.join('\n')).toMatch(/skipped 1 unreadable capture line/)
    // Same millisecond: newest (last written) first, as every store lists them.
    expect((await store.list()).map(r => r.id)).toEqual(['c', 'b', 'a'])
    await store.append(fakeRecord({ id: 'd', receivedAt: '2024-05-01T11:00:00.000Z' }))
    await store.close()

    const text = await readFile(file, 'utf8')
    expect(text.split('\n').at(-2)).toBe(JSON.stringify(fakeRecord({ id: 'd', receivedAt: '2024-05-01T11:00:00.000Z' })))
    const reopened = await createFileStore({ dir, maxInMemory: 100 })
    expect(reopened.stats).toMatchObject({ records: 4, skippedPartial: 1, skipped: [{ line: 4, why: 'unparseable' }] })
    expect((await reopened.get('d'))?.id).toBe('d')
    await reopened.close()
  })

  it('lists the history from before a restart, and still flags duplicates of it', async () => {
    const first = await createFileStore({ dir, maxInMemory: 100 })
    await first.append(fakeRecord({ id: 'old1', receivedAt: DAY1, orderId: 'ORD1', status: 3 }))
    await first.append(fakeRecord({ id: 'old2', receivedAt: DAY2, errcode: 300 }))
    await first.close()
    await expect(first.append(fakeRecord({ id: 'late' }))).rejects.toThrow(/closed/)

    const second = await createFileStore({ dir, maxInMemory: 100 })
    expect(second.stats).toMatchObject({ records: 2, skippedPartial: 0, files: 2 })
    expect((await second.list()).map(r => r.id)).toEqual(['old2', 'old1'])
    expect((await second.list({ errcode: 300 })).map(r => r.id)).toEqual(['old2'])
    expect(second.findOrder('ORD1', '3')).toBe('old1')
    expect(second.findOrder('ORD1', '5')).toBeUndefined()
    await second.close()
    expect((await readdir(dir)).sort()).toEqual(['captures-2024-05-01.ndjson', 'captures-2024-05-02.ndjson'])
  })

  it('keeps only maxInMemory records in memory and reads older ones back from the files', async () => {
    const store = await createFileStore({ dir, maxInMemory: 3 })
    for (let i = 0; i < 10; i++) await store.append(fakeRecord({ id: `m${i}`, receivedAt: new Date(Date.parse(DAY1) + i * 3_600_000 * 3).toISOString() }))
    expect((await store.get('m0'))?.id).toBe('m0')
    expect((await store.list()).map(r => r.id)).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0'])
    expect((await store.list({ limit: 5 })).map(r => r.id)).toEqual(['m9', 'm8', 'm7', 'm6', 'm5'])
    expect((await store.list({ sinceMs: Date.parse(DAY2) })).map(r => r.id)).toEqual(['m9', 'm8'])
    expect(await store.get('nope')).toBeUndefined()
    await store.close()
  })
})

describe('file store: prune', () => {
  it('removes whole day files older than the cutoff and reports them; today is kept', async () => {
    const store = await createFileStore({ dir, maxInMemory: 100, now: () => NOW })
    await store.append(fakeRecord({ id: 'p1', receivedAt: DAY1 }))
    await store.append(fakeRecord({ id: 'p2', receivedAt: DAY1 }))
    await store.append(fakeRecord({ id: 'p3', receivedAt: DAY2 }))
    await store.append(fakeRecord({ id: 'p4', receivedAt: new Date(NOW).toISOString() }))
    const res = await store.prune(24 * 3_600_000)
    expect(res.removed).toEqual([{ file: 'captures-2024-05-01.ndjson', records: 2 }])
    expect(res.records).toBe(2)
    expect((await store.list()).map(r => r.id)).toEqual(['p4', 'p3'])
    expect((await store.prune(0)).removed).toEqual([{ file: 'captures-2024-05-02.ndjson', records: 1 }])
    expect(await readdir(dir)).toEqual(['captures-2024-05-03.ndjson'])
    await store.close()
  })
})
