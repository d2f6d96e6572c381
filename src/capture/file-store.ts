/**
 * Durable capture store: NDJSON, one file per UTC day (`captures-YYYY-MM-DD.ndjson`), one record a line.
 *
 * Why NDJSON rather than SQLite: a person debugging a callback at 14:02 wants `grep`, `jq` and
 * `tail -f`, not a client library; node:sqlite is still experimental on Node 20 and a native
 * driver would add a compile step to `npm install`. Appends are the only write, day files make
 * pruning an unlink, and a crash can only tear the last line, which the next open skips and
 * counts. The cost: lookups of old records scan files (fine at debugger volumes).
 *
 * Durability: `append` resolves after write + fdatasync, grouped (group-commit.ts) so a burst of
 * deliveries shares one sync. Memory holds the newest `maxInMemory` records and a bounded
 * order_id+status index; anything older is read back from the files.
 */
import { mkdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { createDayFileWriter, datasync, type SyncFn } from './day-file-writer.js'
import { createGroupCommitter } from './group-commit.js'
import { applyFilter } from './memory-store.js'
import { createOrderIndex, orderOf } from './order-index.js'
import { dayFileName, dayRange, listDayFiles, scanRecords, type SkippedLine } from './ndjson-files.js'
import type { CaptureRecord, CaptureStore, ListFilter } from './record.js'

export interface StoreLog { warn (obj: object, msg: string): void }

export interface FileStoreOptions {
  dir: string
  maxInMemory: number
  now?: () => number
  /** pino-compatible; told about skipped partial lines on open. */
  log?: StoreLog
  /** Replaces fdatasync (tests count calls or make it fail). */
  sync?: SyncFn
  /** For commands that only read: the directory is not created and append rejects. */
  readOnly?: boolean
}

export interface FileStoreStats {
  /** Complete records on disk: found on open plus appended since. */
  records: number
  /** Lines skipped on open: torn by a crash mid-write, or otherwise unparseable. */
  skippedPartial: number
  /** Where they are (the first 100). They are left in place, as evidence. */
  skipped: SkippedLine[]
  files: number
}

export interface PruneResult { cutoff: string; removed: Array<{ file: string; records: number }>; records: number }

export interface FileStore extends CaptureStore {
  readonly dir: string
  readonly stats: FileStoreStats
  /** Deletes whole day files that ended more than `olderThanMs` ago; today's file is never removed. */
  prune (olderThanMs: number): Promise<PruneResult>
}

const MAX_SKIPPED_LISTED = 100
/** The order index outlives the record window: duplicates matter for days of retries. */
const ORDER_INDEX_FACTOR = 4

interface Pending { file: string; line: Buffer }

export async function createFileStore (o: FileStoreOptions): Promise<FileStore> {
  const now = o.now ?? Date.now
  const dir = o.dir
  const max = Math.max(1, o.maxInMemory)
  try {
    if (!o.readOnly) await mkdir(dir, { recursive: true, mode: 0o700 })
  } catch (err) {
    throw new Error(`CAPTURE_DIR "${dir}" cannot be created (${(err as Error).message}): point CAPTURE_DIR at a writable directory`)
  }
  const recent = new Map<string, CaptureRecord>()
  const orders = createOrderIndex(max * ORDER_INDEX_FACTOR)
  const stats: FileStoreStats = { records: 0, skippedPartial: 0, skipped: [], files: 0 }

  const remember = (r: CaptureRecord) => {
    recent.delete(r.id)
    recent.set(r.id, r)
    while (recent.size > max) recent.delete(recent.keys().next().value as string)
  }
  /** Returns an undo, for an append that turns out not to be durable. */
  const indexOrder = (r: CaptureRecord): (() => void) => {
    const order = orderOf(r)
    return order ? orders.note(order[0], order[1], r.id) : () => {}
  }

  const files = await listDayFiles(dir)
  stats.files = files.length
  for (const file of files) {
    for await (const item of scanRecords(dir, file)) {
      if ('record' in item) {
        stats.records++
        remember(item.record)
        indexOrder(item.record)
      } else {
        stats.skippedPartial++
        if (stats.skipped.length < MAX_SKIPPED_LISTED) stats.skipped.push(item.skipped)
      }
    }
  }
  if (stats.skippedPartial > 0) {
    o.log?.warn({ captureDir: dir, skipped: stats.skipped.slice(0, 5) },
      `skipped ${stats.skippedPartial} partial capture record(s) in ${dir} (a crash mid-write tears the last line); every complete record was read`)
  }

  const writer = createDayFileWriter(dir, o.sync ?? datasync)
  const committer = createGroupCommitter<Pending>(async batch => {
    const byFile = new Map<string, Buffer[]>()
    for (const p of batch) {
      const lines = byFile.get(p.file)
      if (lines) lines.push(p.line)
      else byFile.set(p.file, [p.line])
    }
    for (const [file, lines] of byFile) await writer.write(file, Buffer.concat(lines))
  })
  let closed = false

  const scanNewestFirst = async function * (): AsyncGenerator<{ file: string; records: CaptureRecord[] }> {
    for (const file of (await listDayFiles(dir)).reverse()) {
      const records: CaptureRecord[] = []
      for await (const item of scanRecords(dir, file)) if ('record' in item) records.push(item.record)
      yield { file, records }
    }
  }

  return {
    dir,
    stats,
    async append (r) {
      if (closed) throw new Error('the capture store is closed (the receiver is shutting down)')
      if (o.readOnly) throw new Error(`the capture store in ${dir} was opened read-only`)
      // JSON.stringify escapes control characters, so a record is always exactly one line.
      const line = Buffer.from(JSON.stringify(r) + '\n', 'utf8')
      const undo = indexOrder(r)
      try {
        await committer.submit({ file: dayFileName(r.receivedAt, now()), line })
      } catch (err) {
        undo()
        throw err
      }
      stats.records++
      remember(r)
    },
    async list (f: ListFilter = {}) {
      const inMemory = applyFilter(recent.values(), { ...f, limit: undefined })
      const oldest = recent.values().next().value
      const complete = stats.records <= recent.size ||
        (f.limit !== undefined && inMemory.length >= f.limit) ||
        (f.sinceMs !== undefined && oldest !== undefined && Date.parse(oldest.receivedAt) < f.sinceMs)
      if (complete) return applyFilter(inMemory, f)
      const out: CaptureRecord[] = []
      for await (const { file, records } of scanNewestFirst()) {
        if (f.sinceMs !== undefined && dayRange(file).endMs <= f.sinceMs) break
        out.push(...applyFilter(records, { ...f, limit: undefined }))
        if (f.limit !== undefined && out.length >= f.limit) break
      }
      return applyFilter(out, f)
    },
    async get (id) {
      const hit = recent.get(id)
      if (hit) return hit
      for await (const { records } of scanNewestFirst()) {
        const r = records.find(x => x.id === id)
        if (r) return r
      }
      return undefined
    },
    findOrder (orderId, status) {
      return orders.find(orderId, status)
    },
    async prune (olderThanMs) {
      if (!(olderThanMs >= 0)) throw new RangeError(`prune needs a non-negative age (got ${olderThanMs})`)
      const cutoffMs = now() - olderThanMs
      const today = dayFileName('', now())
      const result: PruneResult = { cutoff: new Date(cutoffMs).toISOString(), removed: [], records: 0 }
      for (const file of await listDayFiles(dir)) {
        if (file === today || dayRange(file).endMs > cutoffMs) continue
        const ids = new Set<string>()
        for await (const item of scanRecords(dir, file)) if ('record' in item) ids.add(item.record.id)
        await unlink(join(dir, file)).catch(err => { if (err.code !== 'ENOENT') throw err })
        for (const id of ids) recent.delete(id)
        orders.forget(ids)
        result.removed.push({ file, records: ids.size })
        result.records += ids.size
      }
      stats.records = Math.max(0, stats.records - result.records)
      return result
    },
    async close () {
      closed = true
      await committer.drain()
      await writer.close()
    },
  }
}
