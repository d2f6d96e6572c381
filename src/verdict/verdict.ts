import type { MessageCode } from '../messages/en/index.js'
import { listOf, render } from '../messages/render.js'
import type { Finding, Lang, ParamList, Params } from '../messages/types.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { renderWithWords } from '../profiles/words.js'
import type { CaptureRecord } from '../capture/record.js'
import { expectedDeliveries, expectedErrcodeOf, MOCK_TESTS, testsFor, type MockTest } from '../grade/mock-tests.js'

export { expectedDeliveries }

/** One sending of a delivery by the emulator (with --retries, WeChat's notify_cnt is its number). */
export interface SenderAttempt { httpStatus?: number; errcode?: number; error?: string }

/**
 * What the sender (the emulator) concluded about one of our answers, when we have it. `problems` is
 * English (JSON); `findings` holds the grader's reason, forensics, expected and got as codes, for the
 * verdict in the reader's language; `attempts`, every sending of it (--retries).
 */
export interface SenderReport { index: number; wxnontaxstr?: string; ok: boolean; problems: string[]; error?: string; attempts?: SenderAttempt[]; findings?: { reason?: Finding; forensics?: Finding[]; expected?: Finding; got?: Finding } }

export interface VerdictRow {
  index: number
  captureId: string
  wxnontaxstr: string | undefined
  test: MockTest
  signatureOk: boolean
  decrypted: boolean
  errcode: number
  expectedErrcode: number | undefined
  ok: boolean
  duplicateOf: string | undefined
  /** Embedded mode: did the sender accept our answer (answer signature valid, data decrypts)? */
  senderOk: boolean | undefined
  /** How many times the emulator sent it (more than 1 only with --retries); the row is the last one. */
  attempts?: number
  note: string
}

export interface Verdict {
  pass: boolean
  mode: 'embedded' | 'real'
  api: string
  version: number
  callbackUrl: string
  expected: number
  received: number
  timedOut: boolean
  rows: VerdictRow[]
  reasons: string[]
  hints: string[]
  assumption: string
}

export interface VerdictInput {
  mode: 'embedded' | 'real'
  api: string
  version: number
  callbackUrl: string
  records: CaptureRecord[]
  timedOut: boolean
  senderReports?: SenderReport[]
  assumption: string
  waitTimeoutMs: number
  /** Discovery found the configured keys decrypting (and verifying) some delivery under another profile: those keys are not what is wrong. */
  otherProfile?: { decrypts: boolean; verifies: boolean }
  /** The language of the verdict's texts (notes, reasons, hints); codes and field names do not change. */
  lang?: Lang
  /** Which secret the profile derives the AES key from: it decides which setting a failure names. */
  keyFrom?: 'aesKey' | 'token'
  /** The profile's algorithm words in the verdict's language, for the grader's fixes (made with the English ones). */
  profile?: Pick<CryptoProfile, 'wordsIn'>
}

export function computeVerdict (v: VerdictInput): Verdict {
  const expected = expectedDeliveries(v.version)
  const t = (code: MessageCode, params?: Params) => render({ code, ...(params ? { params } : {}) }, v.lang)
  const say = (f: Finding) => (v.profile ? renderWithWords(f, v.profile, v.lang) : render(f, v.lang))
  const rows = v.records.map((r, i) => toRow(r, i, v.senderReports?.find(s => s.wxnontaxstr === r.wxnontaxstr), t, say))
  const reasons: string[] = []
  const hints: string[] = []
  for (const r of rows) if (!r.ok) reasons.push(t('REASON_ROW', { index: r.index, nonce: r.wxnontaxstr ?? t('REASON_NO_NONCE'), note: r.note }))
  const count = (t: MockTest) => rows.filter(r => r.test === t).length
  for (const test of testsFor(v.version)) {
    if (count(test) === 0 && rows.length > 0) reasons.push(t('REASON_TEST_MISSING', { test, sent: MOCK_TESTS[test].sent }))
  }
  // Discovery found the configured keys working under another profile: those keys are not what is wrong.
  const keyBlame = diagnoseKeys(rows, v.keyFrom ?? 'aesKey').filter(code => !(code.startsWith('REASON_NONE_DECRYPTED') && v.otherProfile?.decrypts) && !(code.startsWith('REASON_NONE_VERIFIED') && v.otherProfile?.verifies))
  reasons.push(...keyBlame.map(code => t(code)))
  // Nothing forwarded: this receiver wrote every answer, so the grader's words for a user's handler do not apply.
  const oursAnswered = v.records.every(r => r.forwarded === undefined)
  for (const s of v.senderReports ?? []) {
    if (s.ok) continue
    const { got, expected } = s.findings ?? {}
    reasons.push(oursAnswered && got && expected
      ? t('REASON_SENDER_REJECTED_OURS', { index: s.index, got: say(got), expected: say(expected) })
      : t('REASON_SENDER_REJECTED', { index: s.index, problems: senderProblems(s, say) }))
  }
  if (v.records.length < expected) {
    reasons.push(t('REASON_TOO_FEW', { received: v.records.length, expected, timeoutMs: v.waitTimeoutMs }))
    hints.push(...timeoutHints(v).map(code => t(code, { callbackUrl: v.callbackUrl })))
  }
  return {
    pass: reasons.length === 0,
    mode: v.mode,
    api: v.api,
    version: v.version,
    callbackUrl: v.callbackUrl,
    expected,
    received: v.records.length,
    timedOut: v.timedOut,
    rows,
    reasons: [...new Set(reasons)],
    hints,
    assumption: v.assumption,
  }
}

function toRow (r: CaptureRecord, i: number, sender: SenderReport | undefined, t: (code: MessageCode, params?: Params) => string, say: (f: Finding) => string): VerdictRow {
  const ins = r.inspection
  const expectedErrcode = expectedErrcodeOf(r.test)
  const errcode = r.answer.body.errcode
  const fwd = r.forwarded
  const tries = sender?.attempts ?? []
  // Forward mode: the answer is the user's handler's, relayed; its grade (the one grader) decides.
  const ok = expectedErrcode !== undefined && errcode === expectedErrcode && fwd?.grade.outcome !== 'FAIL'
  // The receiver's explanation, coded where it is our own (messageFinding): in the reader's language.
  const message = ins.messageFinding ?? ins.message
  const note = fwd ? handlerNote(fwd, errcode, t, say) : ok
    ? t(r.test === 'crypto' ? 'NOTE_CRYPTO_OK' : 'NOTE_SIGNATURE_OK')
    : expectedErrcode === undefined ? t('NOTE_NEITHER_TEST', { message: message ?? t('NOTE_UNEXPECTED_DELIVERY') }) : t('NOTE_WRONG_ANSWER', { errcode, expected: expectedErrcode, message: message ?? '' })
  return {
    index: i + 1,
    captureId: r.id,
    wxnontaxstr: r.wxnontaxstr,
    test: r.test,
    signatureOk: ins.signature?.ok === true,
    decrypted: ins.decryption?.ok === true,
    errcode,
    expectedErrcode,
    ok,
    duplicateOf: r.duplicateOf,
    senderOk: sender?.ok,
    ...(tries.length > 1 ? { attempts: tries.length } : {}),
    note: withAttempts(r.duplicateOf ? t('NOTE_DUPLICATE', { note, id: r.duplicateOf }) : note, tries, t),
  }
}

/** --retries: every sending of the delivery and what each got, so a retry that passed is not mistaken for a first-time pass. */
function withAttempts (note: string, tries: SenderAttempt[], t: (code: MessageCode, params?: Params) => string): string {
  if (tries.length < 2) return note
  const answers = tries.map(a => a.errcode !== undefined ? String(a.errcode) : a.httpStatus !== undefined ? `HTTP ${a.httpStatus}` : '-').join(' → ')
  return t('NOTE_ATTEMPTS', { note, count: tries.length, answers })
}

/** When every delivery fails the same way, name the setting that is wrong. */
function diagnoseKeys (rows: VerdictRow[], keyFrom: 'aesKey' | 'token'): MessageCode[] {
  if (rows.length === 0) return []
  // A profile keyed by the Token: nothing decrypting points at the Token; everything decrypting
  // proves the Token right, so a signature that never verifies is made another way than assumed.
  if (rows.every(r => !r.decrypted)) {
    return [keyFrom === 'token' ? 'REASON_NONE_DECRYPTED_TOKEN_KEY' : 'REASON_NONE_DECRYPTED']
  }
  if (rows.every(r => !r.signatureOk) && rows.every(r => r.decrypted)) {
    return [keyFrom === 'token' ? 'REASON_NONE_VERIFIED_TOKEN_KEY' : 'REASON_NONE_VERIFIED']
  }
  return []
}

function timeoutHints (v: VerdictInput): MessageCode[] {
  if (v.mode === 'embedded') {
    return ['HINT_EMULATOR_UNDELIVERED']
  }
  return ['HINT_REACHES', 'HINT_TUNNEL_RUNNING', 'HINT_PUBLIC_URL', 'HINT_PATH', 'HINT_FIREWALL', 'HINT_WAIT_LONGER']
}

/** Why the sender refused an answer: the grader's reason and forensics in the reader's language (a report without them, as written). */
function senderProblems (s: SenderReport, say: (f: Finding) => string): ParamList {
  // A coded reason already names the network error, if there was one.
  const shown = s.findings?.reason !== undefined ? [s.findings.reason, ...(s.findings.forensics ?? [])].map(say) : [s.error, ...s.problems]
  return listOf(shown.filter(x => x !== undefined && x !== ''), 'semi')
}

/** What the user's handler did with a relayed delivery, in the grader's words. */
function handlerNote (f: NonNullable<CaptureRecord['forwarded']>, errcode: number, t: (code: MessageCode, params?: Params) => string, say: (f: Finding) => string): string {
  // The network error is coded in the grade (GOT_NO_ANSWER) where the record has it.
  const got: Finding | string = f.grade.got
  if (!f.ok) return t('VERDICT_HANDLER_NO_ANSWER', { error: typeof got === 'object' && got.code === 'GOT_NO_ANSWER' ? got.params?.error : f.error ?? 'no answer' })
  if (f.grade.outcome === 'FAIL') return t('VERDICT_HANDLER_FAIL', { reason: f.grade.reason ? say(f.grade.reason) : typeof got === 'string' ? got : say(got) })
  return t('VERDICT_HANDLER_OK', { errcode })
}
