import type { CaptureRecord } from '../capture/record.js'
import { SetupError } from '../errors.js'

/** How a capture was found, for the line that says which ones a command acts on. */
export type Match = 'id' | 'last' | 'id-substring' | 'wxnontaxstr' | 'order_id'

export interface Lookup { records: CaptureRecord[]; match: Match }

interface ListingStore { dir: string; get (id: string): Promise<CaptureRecord | undefined>; list (f?: { limit?: number }): Promise<CaptureRecord[]> }

const CANDIDATES_SHOWN = 8

/**
 * What a person can type: an exact ID, `last`, any unique part of an ID, a wxnontaxstr, or an
 * order_id (which finds all its captures, newest first). Exact ID wins; then `last`; then the rest.
 */
export async function lookupCaptures (store: ListingStore, key: string): Promise<Lookup> {
  const exact = await store.get(key)
  if (exact) return { records: [exact], match: 'id' }
  if (key === 'last') {
    const [newest] = await store.list({ limit: 1 })
    if (newest) return { records: [newest], match: 'last' }
    throw SetupError.from({ code: 'CAPTURE_NONE_YET', params: { dir: store.dir } })
  }
  const all = await store.list()
  const byOrder = all.filter(r => orderIdOf(r) === key)
  if (byOrder.length > 0) return { records: byOrder, match: 'order_id' }
  const byNonce = all.filter(r => r.wxnontaxstr === key)
  if (byNonce.length > 0) return unique(byNonce, 'wxnontaxstr', key)
  const byId = all.filter(r => r.id.includes(key))
  if (byId.length > 0) return unique(byId, 'id-substring', key)
  throw SetupError.from({ code: 'CAPTURE_NOT_FOUND', params: { key, dir: store.dir } })
}

/** Commands that act on one capture (replay, export): more than one is an error listing them. */
export function single (l: Lookup, key: string): CaptureRecord {
  if (l.records.length === 1 && l.records[0]) return l.records[0]
  throw ambiguous(l.records, key)
}

function unique (records: CaptureRecord[], match: Match, key: string): Lookup {
  if (records.length === 1) return { records, match }
  throw ambiguous(records, key)
}

function ambiguous (records: CaptureRecord[], key: string): SetupError {
  const shown = records.slice(0, CANDIDATES_SHOWN).map(r => `  ${r.id}  wxnontaxstr ${r.wxnontaxstr ?? '-'}  order_id ${orderIdOf(r) ?? '-'}  errcode ${r.answer.body.errcode}`)
  const more = records.length > CANDIDATES_SHOWN ? `\n  … and ${records.length - CANDIDATES_SHOWN} more` : ''
  return SetupError.from({ code: 'CAPTURE_AMBIGUOUS', params: { key, count: records.length, candidates: shown.join('\n') + more } })
}

function orderIdOf (r: CaptureRecord): string | undefined {
  const o = r.inspection.payload?.order_id
  return o === undefined || o === null ? undefined : String(o)
}
