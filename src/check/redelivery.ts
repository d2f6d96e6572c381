import { notification, orderOf } from './cases-core.js'
import { encryptJson, frame } from './craft.js'
import { accepts0 } from '../grade/expectation.js'
import { finding, render } from '../messages/render.js'
import type { Reply } from '../grade/types.js'
import type { Finding } from '../messages/types.js'
import type { CheckCase, CheckResult } from './types.js'

/**
 * WeChat retries a delivery it did not get 0 for, and its answer can be lost on the way back: the
 * handler then sees the same delivery again. What check can observe is only the answer, so the
 * class asks for 0 both times and reads one optional marker: the answer header
 * `Idempotent-Replayed` (as in the IETF Idempotency-Key draft and Stripe). `true` on the repeat
 * says the handler recognised it and did not apply it again; `false` says it applied it a second
 * time (FAIL); no header means check cannot see the effect, and says so in a note.
 */
export const REPLAY_HEADER = 'idempotent-replayed'
export const REDELIVERY_SIGNAL = { CONFIRMED: 'idempotence-confirmed', UNOBSERVABLE: 'idempotence-unobservable' } as const

export const redeliveryCase: CheckCase = {
  name: 'redelivery',
  group: 'business',
  sent: 'delivery 23, then the same again',
  redeliver: true,
  build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 23))),
  expect: ctx => accepts0({
    echo: { order_id: orderOf(ctx, 23).orderId, status: orderOf(ctx, 23).status },
  }),
}

const markerOf = (reply: Reply): string | undefined => {
  if (reply.kind !== 'answer') return undefined
  const v = reply.headers[REPLAY_HEADER]
  return (Array.isArray(v) ? v[0] : v)?.trim().toLowerCase()
}

/** The second sending's grade decides; the first must have passed for the second to mean anything. */
export function combineRedelivery (first: CheckResult, second: CheckResult, secondReply: Reply): CheckResult {
  const both = finding('GOT_SHORT_THEN', { first: first.findings.got ?? first.got, second: second.findings.got ?? second.got })
  const got = render(both)
  const findings = { ...second.findings, got: both }
  if (second.outcome === 'FAIL') {
    // A rejection of the repeat is the retry bug, whatever errcode carried it; the grader's words are for a first delivery.
    const rejected = second.reply.errcode !== undefined && second.reply.errcode !== 0
    const reason = rejected ? finding('CHECK_REDELIVERY_REJECTED') : second.findings.reason ?? second.reason ?? ''
    return withReason({ ...second, got, findings }, finding('CHECK_REDELIVERY_SECOND', { got: second.findings.got ?? second.got, reason }))
  }
  const marker = markerOf(secondReply)
  if (marker === 'false') {
    return withReason({ ...second, got, findings, outcome: 'FAIL' }, finding('CHECK_REDELIVERY_APPLIED_TWICE', { header: 'Idempotent-Replayed' }))
  }
  const signal = marker === 'true' ? REDELIVERY_SIGNAL.CONFIRMED : REDELIVERY_SIGNAL.UNOBSERVABLE
  const r = { ...second, got, findings, signals: [...second.signals, signal] }
  if (marker === 'true') return r
  const note = finding('CHECK_REDELIVERY_UNOBSERVABLE', { header: 'Idempotent-Replayed' })
  return { ...r, notes: [...r.notes, render(note)], findings: { ...r.findings, notes: [...r.findings.notes, note] } }
}

/** A first sending that failed: no repeat, the first grade says why, marked as the first of two. */
export function firstFailed (first: CheckResult): CheckResult {
  return withReason(first, finding('CHECK_REDELIVERY_FIRST', { reason: first.findings.reason ?? first.reason ?? '' }))
}

/** The reason in both forms a result carries: rendered, and as its code. */
function withReason (r: CheckResult, f: Finding): CheckResult {
  return { ...r, reason: render(f), findings: { ...r.findings, reason: f } }
}
