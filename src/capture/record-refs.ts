import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { parseRecordLine } from './ndjson-files.js'
import type { CaptureRecord, ListFilter } from './record.js'

/**
 * Where a recent record's line is, plus the few fields `list` filters on. The store keeps these,
 * not records: a record is 4–5 KB of objects for the garbage collector to walk, a ref ~200 bytes.
 */
export interface RecordRef {
  id: string
  file: string
  offset: number
  bytes: number
  receivedAt: string
  errcode: number
  orderId: unknown
}

export function refOf (r: CaptureRecord, file: string, offset: number, bytes: number): RecordRef {
  return { id: r.id, file, offset, bytes, receivedAt: r.receivedAt, errcode: r.answer.body.errcode, orderId: r.inspection?.payload?.order_id }
}

/** The same selection and order as applyFilter (memory-store.ts), over refs: newest first, then the limit. */
export function selectRefs (refs: Iterable<RecordRef>, f: ListFilter = {}): RecordRef[] {
  const out: RecordRef[] = []
  for (const r of refs) {
    if (f.sinceMs !== undefined && Date.parse(r.receivedAt) < f.sinceMs) continue
    if (f.errcode !== undefined && r.errcode !== f.errcode) continue
    if (f.orderId !== undefined && r.orderId !== f.orderId) continue
    out.push(r)
  }
  // By instant, not by string: stored times carry their zone's offset (older ones end in Z).
  out.reverse().sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))
  return f.limit === undefined ? out : out.slice(0, f.limit)
}

/**
 * Reads the records back, in the order given. A ref whose line is gone or no longer holds that
 * record (its file pruned by another process) yields undefined; callers then scan the files.
 */
export async function readRefs (dir: string, refs: RecordRef[]): Promise<Array<CaptureRecord | undefined>> {
  const out: Array<CaptureRecord | undefined> = []
  const files = new Map<string, Awaited<ReturnType<typeof open>> | undefined>()
  try {
    for (const ref of refs) {
      if (!files.has(ref.file)) files.set(ref.file, await open(join(dir, ref.file), 'r').catch(() => undefined))
      const fh = files.get(ref.file)
      if (!fh) { out.push(undefined); continue }
      const buf = Buffer.allocUnsafe(ref.bytes)
      const { bytesRead } = await fh.read(buf, 0, ref.bytes, ref.offset)
      const r = bytesRead === ref.bytes ? parseRecordLine(buf.toString('utf8')) : undefined
      out.push(r?.id === ref.id ? r : undefined)
    }
  } finally {
    await Promise.all([...files.values()].map(fh => fh?.close().catch(() => {})))
  }
  return out
}
