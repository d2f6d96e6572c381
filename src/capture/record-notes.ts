import type { MessageCode } from '../messages/en/index.js'
import type { Finding } from '../messages/types.js'
import { localTime } from '../time/local.js'
import type { CaptureRecord, CorrectionLine, RecordedBody } from './record.js'

/**
 * What a record says about itself beyond the wire fields: a body cut short (body.truncated), an
 * answer that did not reach the sender (correction lines), for the store and every view.
 *
 * Correction lines (record.ts CorrectionLine) as readers see them: attached to their record as
 * `corrections`, in the order they were written. A correction whose record is not among those
 * read (pruned, or another file) is left out; a record without one is returned as it is.
 */
export function attachCorrection (r: CaptureRecord, c: CorrectionLine): void {
  const entry = { what: c.what, at: c.at }
  if (r.corrections) r.corrections.push(entry)
  else r.corrections = [entry]
}

export function applyCorrections (records: CaptureRecord[], lines: CorrectionLine[]): CaptureRecord[] {
  if (lines.length === 0) return records
  const byId = new Map(records.map(r => [r.id, r]))
  for (const c of lines) {
    const r = byId.get(c.correctionOf)
    if (r) attachCorrection(r, c)
  }
  return records
}

/** Corrections of the records a store holds in memory by reference, dropped with them. */
export function createCorrectionIndex () {
  const byId = new Map<string, CorrectionLine[]>()
  return {
    note (c: CorrectionLine): void {
      const list = byId.get(c.correctionOf)
      if (list) list.push(c)
      else byId.set(c.correctionOf, [c])
    },
    forget (id: string): void { byId.delete(id) },
    /** Attaches what is known to records read back by reference. */
    apply<T extends CaptureRecord | undefined> (r: T): T {
      for (const c of (r && byId.get(r.id)) ?? []) attachCorrection(r as CaptureRecord, c)
      return r
    },
  }
}

/** The line for a delivery whose answer did not reach the sender. */
export function notDeliveredLine (r: Pick<CaptureRecord, 'id' | 'receivedAt'>, at: string): CorrectionLine {
  return { correctionOf: r.id, receivedAt: r.receivedAt, what: 'answer-not-delivered', at }
}

/** What the views say about a body that is not the sender's whole body (record.ts BodyTruncation). */
export function truncationFinding (b: RecordedBody): Finding<MessageCode> | undefined {
  const t = b.truncated
  if (!t) return undefined
  const params = { declared: t.declaredBytes ?? '-', received: t.receivedBytes, kept: b.bytes, limit: t.limitBytes ?? '-' }
  if (t.cause === 'too-large') return { code: t.receivedBytes === 0 ? 'BODY_REFUSED_UNREAD' : 'BODY_KEPT_FIRST', params }
  return { code: t.cause === 'ended' ? 'BODY_ENDED_EARLY' : 'BODY_LENGTH_MISMATCH', params }
}

/** What the views say about each correction: for now, an answer the sender never got. */
export function correctionFindings (r: CaptureRecord): Array<Finding<MessageCode>> {
  return (r.corrections ?? []).map(c => ({ code: 'ANSWER_NOT_DELIVERED', params: { at: localTime(c.at) } }))
}
