import type { DeliveryKind, Inspection } from '../protocol/inspect.js'
import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { nameOf } from './explain.js'
import type { SentTest } from './mock-tests.js'
import type { Acceptable, Expectation } from './types.js'

/** Payment notifications are a few KiB (docs/PROTOCOL.md §8); past this a refusal is as good as an answer. */
export const LARGE_BODY_BYTES = 64 * 1024


type Why = Expectation['why']

export function accepts0 (o: { echo?: Record<string, unknown>; why?: Why; outcome?: 'PASS' | 'WARN'; note?: Finding; also?: Acceptable[] } = {}): Expectation {
  return build([{ errcode: 0, outcome: o.outcome ?? 'PASS', note: o.note }, ...(o.also ?? [])], o.echo, o.why)
}

export function rejects (errcode: number, o: { also?: Acceptable[]; why?: Why } = {}): Expectation {
  return build([{ errcode, outcome: 'PASS' }, ...(o.also ?? [])], undefined, o.why)
}

export function build (accept: Acceptable[], echo?: Record<string, unknown>, why?: Why): Expectation {
  return { text: describeAccept(accept), accept, echo, why }
}

function label (a: Acceptable): string {
  if (a.httpStatus !== undefined) return `HTTP ${a.httpStatus}`
  if (a.errcode === 'any-rejection') return 'any rejection'
  if (a.errcode === 0) return 'errcode 0 + signed, encrypted data'
  return `errcode ${a.errcode} (${nameOf(a.errcode ?? -1)})`
}

/** Long form, in docs/PROTOCOL.md §4 terms. */
export function describeAccept (accept: Acceptable[]): string {
  const pass = accept.filter(a => a.outcome === 'PASS').map(label)
  const warn = accept.filter(a => a.outcome === 'WARN').map(label)
  const parts = [pass.join(' or ')]
  if (warn.length > 0) parts.push(`${pass.length > 0 ? 'also acceptable, with a warning: ' : 'acceptable, with a warning: '}${warn.join(' or ')}`)
  return parts.filter(Boolean).join('; ')
}

function shortLabel (a: Acceptable): string {
  if (a.httpStatus !== undefined) return String(a.httpStatus)
  if (a.errcode === 'any-rejection') return 'reject'
  return String(a.errcode)
}

/** Table form: PASS codes, then [WARN codes]. */
export function shortExpected (e: Expectation): string {
  const pass = e.accept.filter(a => a.outcome === 'PASS').map(shortLabel).join('/')
  const warn = e.accept.filter(a => a.outcome === 'WARN').map(shortLabel).join('/')
  return [pass, warn && `[${warn}]`].filter(Boolean).join(' ')
}

/**
 * The fields a success answer's data must echo (docs/PROTOCOL.md §4.5): a payment notification's
 * order_id and status, a query-fee request's payment_notice_no. The emulator and forward mode take it
 * from here, so they grade the same answer alike; `check`'s cases name the same fields.
 */
export function answerEcho (kind: DeliveryKind, p: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (kind === 'payment_notification') return { order_id: p?.order_id, status: p?.status }
  if (kind === 'query_fee') return { payment_notice_no: p?.payment_notice_no }
  return undefined
}

/** Which of docs/PROTOCOL.md §8's latitudes apply to a delivery, judged from our own inspection of it. */
export function latitudeOf (i: Inspection, bodyBytes = 0): { signature: string[]; format: string[]; large: boolean } {
  const signature: string[] = []
  const format: string[] = []
  const env = i.envelope
  if (env?.signatureParam && env.signatureParam !== 'msg_signature') signature.push(`the signature came in "${env.signatureParam}", not "msg_signature"`)
  if (env?.nonceParam && env.nonceParam !== 'wxnontaxstr') signature.push(`the nonce came in "${env.nonceParam}", not "wxnontaxstr"`)
  const hexCase = i.signature?.warnings.find(w => w.code === 'SIG_HEX_CASE')
  if (hexCase) signature.push(`the signature hex is ${String(hexCase.params?.got)}`)
  const has = (...codes: string[]) => i.warnings.some(w => codes.includes(w.code))
  if (has('WARN_TIMESTAMP_PAST', 'WARN_TIMESTAMP_FUTURE', 'WARN_TIMESTAMP_NOT_UNIX')) signature.push('the timestamp is far from now or not unix seconds')
  if (has('WARN_PARAM_IN_BODY')) signature.push('a signing parameter came in the body, not the query')
  if (env?.encryptField && env.encryptField !== 'encrypt') format.push(`the ciphertext came in "${env.encryptField}", not "encrypt"`)
  if (env && env.format !== 'json') format.push(`the body is ${env.format}, not JSON`)
  if (env && env.contentType === undefined) format.push('the delivery has no content-type')
  return { signature, format, large: bodyBytes > LARGE_BODY_BYTES }
}

/**
 * What docs/PROTOCOL.md §4 expects a handler to answer to a delivery, from our own inspection of it (forward
 * mode). The errcode our receiver chose passes; part C's latitude adds the alternatives it allows.
 */
export function expectationFor (i: Inspection, o: { bodyBytes?: number } = {}): Expectation {
  const lat = latitudeOf(i, o.bodyBytes)
  if (i.errcode === 0) {
    const echo = answerEcho(i.kind, i.payload)
    // A repeated wxnontaxstr: accepting and rejecting are both allowed (§8), graded as check's replayed-nonce case.
    if (i.warnings.some(w => w.code === 'WARN_NONCE_REUSED')) return replayedNonce(echo)
    const notes = [...lat.signature, ...lat.format, ...(lat.large ? [`the body is over ${LARGE_BODY_BYTES / 1024} KiB`] : [])]
    if (notes.length === 0) return accepts0({ echo })
    const also: Acceptable[] = []
    if (lat.signature.length > 0) also.push({ errcode: 300, outcome: 'PASS' })
    if (lat.format.length > 0 || lat.large) also.push({ errcode: 210, outcome: 'PASS' })
    if (lat.large) also.push({ httpStatus: 413, outcome: 'PASS' })
    return accepts0({ echo, outcome: 'WARN', note: finding('NOTE_ACCEPTED_ALTHOUGH', { items: notes.join('; ') }), also })
  }
  const also: Acceptable[] = []
  if (i.errcode === 300 && i.decryption && !i.decryption.ok) {
    also.push({ errcode: 298, outcome: 'WARN', note: finding('NOTE_VERIFY_FIRST') })
  }
  if (i.reason === 'CIPHERTEXT_NOT_BASE64') also.push({ errcode: 210, outcome: 'WARN', note: finding('NOTE_NOT_BASE64_210') })
  if (i.reason === 'CONTENT_TYPE_UNSUPPORTED') also.push({ errcode: 0, outcome: 'WARN', note: finding('NOTE_SNIFFED_UNSUPPORTED') })
  if (i.reason === 'BODY_EMPTY') also.push({ errcode: 300, outcome: 'PASS' })
  if (i.errcode === 299) return build([{ errcode: 'any-rejection', outcome: 'WARN', note: finding('NOTE_NOT_GRADED_299') }, { errcode: 0, outcome: 'WARN', note: finding('NOTE_NOT_GRADED_299') }])
  return rejects(i.errcode, { also })
}

/** docs/PROTOCOL.md §8: either answer to a repeated wxnontaxstr is a warning (check's replayed-nonce case says the same). */
export function replayedNonce (echo?: Record<string, unknown>): Expectation {
  return build([
    { errcode: 0, outcome: 'WARN', note: finding('CASE_REPLAYED_NONCE_0') },
    { errcode: 'any-rejection', outcome: 'WARN', note: finding('CASE_REPLAYED_NONCE_REJECTED') },
  ], echo)
}

/**
 * What a correct handler answers to one of WeChat's mock tests (docs/PROTOCOL.md §4): the crypto test wants
 * 0 with signed, encrypted data that echoes the delivery; the signature test wants 300. The emulator
 * and `check` both grade the two tests with this.
 */
export function expectationForTest (test: SentTest, echo?: Record<string, unknown>): Expectation {
  if (test === 'crypto') return accepts0({ echo })
  return rejects(300, { why: { accepted: finding('WHY_SIGNATURE_TEST_ACCEPTED') } })
}
