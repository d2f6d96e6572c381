import type { DeliveryKind, Inspection } from '../protocol/inspect.js'
import { finding, listOf } from '../messages/render.js'
import type { Finding, ParamValue } from '../messages/types.js'
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
  return { described: describeAccept(accept), accept, echo, why }
}

function label (a: Acceptable): Finding {
  if (a.httpStatus !== undefined) return finding('EXPECT_HTTP', { status: a.httpStatus })
  if (a.errcode === 'any-rejection') return finding('EXPECT_ANY_REJECTION')
  if (a.errcode === 0) return finding('EXPECT_ERRCODE_0')
  return finding('EXPECT_ERRCODE', { errcode: a.errcode, name: nameOf(a.errcode ?? -1) })
}

/** Long form, in docs/PROTOCOL.md §4 terms: the PASS answers, then those accepted with a warning. */
export function describeAccept (accept: Acceptable[]): Finding {
  const pass = listOf(accept.filter(a => a.outcome === 'PASS').map(label), 'or')
  const warn = listOf(accept.filter(a => a.outcome === 'WARN').map(label), 'or')
  if (warn.list.length === 0) return finding('EXPECT_PASS', { pass })
  return pass.list.length > 0 ? finding('EXPECT_PASS_ALSO_WARN', { pass, warn }) : finding('EXPECT_WARN_ONLY', { warn })
}

function shortLabel (a: Acceptable): ParamValue {
  if (a.httpStatus !== undefined) return String(a.httpStatus)
  if (a.errcode === 'any-rejection') return finding('EXPECT_SHORT_REJECT')
  return String(a.errcode)
}

/** Table form: PASS codes, then [WARN codes], each list joined by "/" in every language. */
export function shortExpected (e: Expectation): Finding {
  const codes = (outcome: Acceptable['outcome']) => listOf(e.accept.filter(a => a.outcome === outcome).map(shortLabel), 'slash')
  const pass = codes('PASS')
  const warn = codes('WARN')
  if (warn.list.length === 0) return finding('EXPECT_SHORT_PASS', { pass })
  return pass.list.length > 0 ? finding('EXPECT_SHORT_BOTH', { pass, warn }) : finding('EXPECT_SHORT_WARN', { warn })
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
export function latitudeOf (i: Inspection, bodyBytes = 0): { signature: Finding[]; format: Finding[]; large: boolean } {
  const signature: Finding[] = []
  const format: Finding[] = []
  const env = i.envelope
  if (env?.signatureParam && env.signatureParam !== 'msg_signature') signature.push(finding('LAT_SIG_PARAM', { param: env.signatureParam }))
  if (env?.nonceParam && env.nonceParam !== 'wxnontaxstr') signature.push(finding('LAT_NONCE_PARAM', { param: env.nonceParam }))
  const hexCase = i.signature?.warnings.find(w => w.code === 'SIG_HEX_CASE')
  if (hexCase) signature.push(finding(hexCase.params?.got === 'lower-case' ? 'LAT_HEX_LOWER' : 'LAT_HEX_UPPER'))
  const has = (...codes: string[]) => i.warnings.some(w => codes.includes(w.code))
  if (has('WARN_TIMESTAMP_PAST', 'WARN_TIMESTAMP_FUTURE', 'WARN_TIMESTAMP_NOT_UNIX')) signature.push(finding('LAT_TIMESTAMP'))
  if (has('WARN_PARAM_IN_BODY')) signature.push(finding('LAT_PARAM_IN_BODY'))
  if (env?.encryptField && env.encryptField !== 'encrypt') format.push(finding('LAT_CIPHER_FIELD', { field: env.encryptField }))
  if (env && env.format !== 'json') format.push(finding('LAT_BODY_FORMAT', { format: env.format }))
  if (env && env.contentType === undefined) format.push(finding('LAT_NO_CONTENT_TYPE'))
  return { signature, format, large: bodyBytes > LARGE_BODY_BYTES }
}

/** In forward mode this receiver verified and decrypted the delivery with its own keys: the fix names them, not check's flags. */
const FORWARDED_MISSED = { errcode: { 300: finding('GRADE_MISSED_300_FORWARDED'), 298: finding('GRADE_MISSED_298_FORWARDED') } }

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
    const notes = [...lat.signature, ...lat.format, ...(lat.large ? [finding('LAT_LARGE_BODY', { kib: LARGE_BODY_BYTES / 1024 })] : [])]
    if (notes.length === 0) return accepts0({ echo, why: FORWARDED_MISSED })
    const also: Acceptable[] = []
    if (lat.signature.length > 0) also.push({ errcode: 300, outcome: 'PASS' })
    if (lat.format.length > 0 || lat.large) also.push({ errcode: 210, outcome: 'PASS' })
    if (lat.large) also.push({ httpStatus: 413, outcome: 'PASS' })
    return accepts0({ echo, outcome: 'WARN', note: finding('NOTE_ACCEPTED_ALTHOUGH', { items: listOf(notes, 'semi') }), also, why: FORWARDED_MISSED })
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
