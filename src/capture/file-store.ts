/**
 * Durable capture store: NDJSON, one file per local day (`captures-YYYY-MM-DD.ndjson`), one record a line.
 *
 * Why NDJSON rather than SQLite: a person debugging a callback at 14:02 wants `grep`, `jq` and
 * `tail -f`, not a client library; node:sqlite is still experimental on Node 20 and a native
 * driver would add a compile step to `npm install`. Appends are the only write, day files make
 * pruning an unlink, and a crash can only tear the last line, which the next open skips and
 * counts. The cost: lookups of old records scan files (fine at debugger volumes).
 *
 * Durability: `append` resolves after write + fdatasync, grouped (group-commit.ts) so a burst of
 * deliveries shares one buffer, one write and one sync. Memory holds where the newest
 * `maxInMemory` records are (record-refs.ts), not the records, and a bounded order_id+status
 * index; records are read back from the files on demand.
 */
import { mkdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { render } from '../messages/render.js'
import { applyCorrections, createCorrectionIndex } from './record-notes.js'
import { createDayFileWriter, datasync, type SyncFn } from './day-file-writer.js'
import { createGroupCommitter } from './group-commit.js'
import { applyFilter, matches } from './memory-store.js'
import { readRefs, refOf, selectRefs, type RecordRef } from './record-refs.js'
import { serializeRecord } from './record-line.js'
import { createOrderIndex, orderOf } from './order-index.js'
import { dayFileName, dayRange, listDayFiles, scanRecords, type SkippedLine } from './ndjson-files.js'
import type { CaptureRecord, CaptureStore, CorrectionLine, ListFilter } from './record.js'
import { localIso } from '../time/local.js'

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

/** A record's line, or a correction's (no record: it only joins the correction index). */
interface Pending { file: string; line: string; record?: CaptureRecord; correction?: CorrectionLine; undo: () => void }

export async function createFileStore (o: FileStoreOptions): Promise<FileStore> {
  const now = o.now ?? Date.now
  const dir = o.dir
  const max = Math.max(1, o.maxInMemory)
  try {
    if (!o.readOnly) await mkdir(dir, { recursive: true, mode: 0o700 })
  } catch (err) {
    throw new Error(`CAPTURE_DIR "${dir}" cannot be created (${(err as Error).message}): point CAPTURE_DIR at a writable directory`)
  }
  const recent = new Map<string, RecordRef>()
  const orders = createOrderIndex(max * ORDER_INDEX_FACTOR)
  // Corrections of the records held by reference; records read by scanning get their file's own.
  const corrections = createCorrectionIndex()
  const noteCorrection = (c: CorrectionLine) => { if (recent.has(c.correctionOf)) corrections.note(c) }
  const stats: FileStoreStats = { records: 0, skippedPartial: 0, skipped: [], files: 0 }

  const remember = (ref: RecordRef) => {
    recent.delete(ref.id)
    recent.set(ref.id, ref)
    while (recent.size > max) {
      const oldest = recent.keys().next().value as string
      recent.delete(oldest)
      corrections.forget(oldest)
    }
  }
  /** Returns an undo, for an append that turns out not to be durable. */
  const indexOrder = (r: CaptureRecord): (() => void) => {
    const order = orderOf(r)
    return order ? orders.note(order[0], order[1], r.id) : NO_UNDO
  }

  const files = await listDayFiles(dir)
  stats.files = files.length
  for (const file of files) {
    for await (const item of scanRecords(dir, file)) {
      if ('record' in item) {
        stats.records++
        remember(refOf(item.record, file, item.offset, item.bytes))
        indexOrder(item.record)
      } else if ('correction' in item) {
        noteCorrection(item.correction)
      } else {
        stats.skippedPartial++
        if (stats.skipped.length < MAX_SKIPPED_LISTED) stats.skipped.push(item.skipped)
      }
    }
  }
  if (stats.skippedPartial > 0) {
    const first = stats.skipped[0]
    o.log?.warn({ captureDir: dir, skipped: stats.skipped.slice(0, 5) }, render({ code: 'RECORDS_SKIPPED', params: {
      count: stats.skippedPartial, dir, first: first ? render({ code: 'RECORD_SKIPPED', params: { file: first.file, line: first.line, problem: first.problem ?? first.why } }) : '-',
    } }))
  }

  const writer = createDayFileWriter(dir, o.sync ?? datasync)
  const committer = createGroupCommitter<Pending>(async batch => {
    try {
      for (const [file, items] of byFile(batch)) await commitFile(file, items)
    } catch (err) {
      for (const p of batch) p.undo()
      throw err
    }
  })
  /** One buffer, one write, one sync; then each record is remembered by where its line landed. */
  const commitFile = async (file: string, items: Pending[]) => {
    const { data, spans } = encodeLines(items)
    const base = await writer.write(file, data)
    for (let i = 0; i < items.length; i++) {
      const { record, correction } = items[i] as Pending
      if (correction) { noteCorrection(correction); continue }
      remember(refOf(record as CaptureRecord, file, base + (spans[2 * i] as number), spans[2 * i + 1] as number))
      stats.records++
    }
  }
  let closed = false

  const scanNewestFirst = async function * (): AsyncGenerator<{ file: string; records: CaptureRecord[] }> {
    for (const file of (await listDayFiles(dir)).reverse()) {
      const records: CaptureRecord[] = []
      const lines: CorrectionLine[] = []
      for await (const item of scanRecords(dir, file)) {
        if ('record' in item) records.push(item.record)
        else if ('correction' in item) lines.push(item.correction)
      }
      yield { file, records: applyCorrections(records, lines) }
    }
  }
  /** Newest files first until the limit is met; filtered once, in file order, so ties stay newest first. */
  const scanList = async (f: ListFilter) => {
    const chunks: CaptureRecord[][] = []
    let found = 0
    for await (const { file, records } of scanNewestFirst()) {
      if (f.sinceMs !== undefined && dayRange(file).endMs <= f.sinceMs) break
      const hits = records.filter(r => matches(r, f))
      chunks.push(hits)
      found += hits.length
      if (f.limit !== undefined && found >= f.limit) break
    }
    return applyFilter(chunks.reverse().flat(), f)
  }
  const scanGet = async (id: string) => {
    for await (const { records } of scanNewestFirst()) {
      const r = records.find(x => x.id === id)
      if (r) return r
    }
    return undefined
  }

  return {
    dir,
    stats,
    append (r, line) {
      if (closed) return Promise.reject(new Error('the capture store is closed (the receiver is shutting down)'))
      if (o.readOnly) return Promise.reject(new Error(`the capture store in ${dir} was opened read-only`))
      // Indexed now, so a duplicate arriving while this one is being synced already sees it.
      const undo = indexOrder(r)
      return committer.submit({ file: dayFileName(r.receivedAt, now()), line: line ?? serializeRecord(r), record: r, undo })
    },
    correct (c) {
      if (closed || o.readOnly) return Promise.reject(new Error('the capture store is closed or read-only: correction not written'))
      return committer.submit({ file: dayFileName(c.receivedAt, now()), line: JSON.stringify(c), correction: c, undo: NO_UNDO })
    },
    async list (f: ListFilter = {}) {
      const inMemory = selectRefs(recent.values(), { ...f, limit: undefined })
      const oldest = recent.values().next().value
      const complete = stats.records <= recent.size ||
        (f.limit !== undefined && inMemory.length >= f.limit) ||
        (f.sinceMs !== undefined && oldest !== undefined && Date.parse(oldest.receivedAt) < f.sinceMs)
      if (!complete) return scanList(f)
      const refs = f.limit === undefined ? inMemory : inMemory.slice(0, f.limit)
      const records = (await readRefs(dir, refs)).map(corrections.apply)
      return records.every(r => r !== undefined) ? records as CaptureRecord[] : scanList(f)
    },
    async get (id) {
      const ref = recent.get(id)
      const [hit] = ref ? await readRefs(dir, [ref]) : []
      return corrections.apply(hit) ?? scanGet(id)
    },
    findOrder (orderId, status) {
      return orders.find(orderId, status)
    },
    async prune (olderThanMs) {
      if (!(olderThanMs >= 0)) throw new RangeError(`prune needs a non-negative age (got ${olderThanMs})`)
      const cutoffMs = now() - olderThanMs
      const today = dayFileName('', now())
      const result: PruneResult = { cutoff: localIso(cutoffMs), removed: [], records: 0 }
      for (const file of await listDayFiles(dir)) {
        if (file === today || dayRange(file).endMs > cutoffMs) continue
        const ids = new Set<string>()
        for await (const item of scanRecords(dir, file)) if ('record' in item) ids.add(item.record.id)
        await unlink(join(dir, file)).catch(err => { if (err.code !== 'ENOENT') throw err })
        for (const id of ids) { recent.delete(id); corrections.forget(id) }
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

const NO_UNDO = () => {}

/** The batch's lines, each followed by "\n", encoded straight into one buffer (no joined string copy), with [start, length] of each. */
function encodeLines (items: Pending[]): { data: Buffer; spans: number[] } {
  const spans: number[] = []
  let size = 0
  for (const p of items) {
    const n = Buffer.byteLength(p.line, 'utf8')
    spans.push(size, n)
    size += n + 1
  }
  const data = Buffer.allocUnsafe(size)
  for (let i = 0; i < items.length; i++) {
    const at = spans[2 * i] as number
    data.write((items[i] as Pending).line, at, 'utf8')
    data[at + (spans[2 * i + 1] as number)] = 0x0a
  }
  return { data, spans }
}

function byFile (batch: Pending[]): Map<string, Pending[]> {
  const out = new Map<string, Pending[]>()
  for (const p of batch) {
    const items = out.get(p.file)
    if (items) items.push(p)
    else out.set(p.file, [p])
  }
  return out
}
