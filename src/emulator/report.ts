import type { AnswerCheck } from '../protocol/answer.js'

/** Which of WeChat's version-1 tests a delivery is (PROTOCOL.md B); 'other' for any other version. */
export type DeliveryTest = 'crypto' | 'signature' | 'other'

/** What the emulator sent to the callback url and what it made of the answer. Holds no secrets. */
export interface DeliveryReport {
  triggerId: string
  /** 1-based position within the trigger, in sending order. */
  index: number
  total: number
  test: DeliveryTest
  wxnontaxstr: string
  /** The delivery URL (callback url + wxnontaxstr, timestamp, msg_signature). */
  url: string
  orderId: string
  sentAt: string
  durationMs: number
  httpStatus?: number
  answer?: AnswerCheck
  /** Transport failure (refused, timeout, TLS), when there was no answer. */
  error?: string
  expectedErrcode: 0 | 300
  ok: boolean
  /** Why ok is false; empty when ok. */
  problems: string[]
  /** Looser answers that PROTOCOL.md C accepts, worth a look. */
  warnings: string[]
}

export interface TriggerSummary {
  triggerId: string
  appid: string
  url: string
  version: number
  startedAt: string
  finishedAt: string
  reports: DeliveryReport[]
  ok: boolean
}

export interface Grade { ok: boolean; problems: string[]; warnings: string[] }

const CRYPTO_CAUSE: Record<number, string> = {
  300: 'the receiver says the signature is wrong: its Token (NONTAX_TOKEN) differs from the account\'s, or it signs different strings',
  298: 'the receiver could not decrypt: its EncodingAESKey (NONTAX_ENCODING_AES_KEY) or appid differs from the account\'s',
  210: 'the receiver says the format is wrong: it may expect another envelope (content type, field names)',
  299: 'the receiver failed internally (299): see its own log',
}

export function expectedErrcodeOf (test: DeliveryTest): 0 | 300 {
  return test === 'signature' ? 300 : 0
}

/** Grade an answer against what the test expects (PROTOCOL.md B, "The two version: 1 deliveries"). */
export function gradeAnswer (test: DeliveryTest, a: AnswerCheck, echo: { field: string; value: unknown }): Grade {
  return test === 'signature' ? gradeSignatureTest(a) : gradeCryptoTest(a, echo)
}

function gradeCryptoTest (a: AnswerCheck, echo: { field: string; value: unknown }): Grade {
  const problems = [...a.problems]
  const warnings: string[] = [...a.warnings]
  if (a.errcode !== undefined && a.errcode !== 0) {
    const cause = CRYPTO_CAUSE[a.errcode] ?? 'the receiver rejected it'
    problems.unshift(`expected errcode 0 for a correctly encrypted and signed delivery, got ${a.errcode}${a.errmsg ? ` ("${a.errmsg}")` : ''}: ${cause}`)
    return { ok: false, problems, warnings }
  }
  if (a.errcode === 0 && a.signatureOk === true && a.data !== undefined && !isObject(a.data)) {
    problems.push(`answer data decrypts to JSON but not to an object: ${JSON.stringify(a.data).slice(0, 120)}`)
  }
  if (isObject(a.data)) {
    if (!(echo.field in a.data)) warnings.push(`answer data has no ${echo.field} (PROTOCOL.md B: the answer names the ${echo.field} it is about)`)
    else if (a.data[echo.field] !== echo.value) warnings.push(`answer data ${echo.field} ${JSON.stringify(a.data[echo.field])} differs from the delivery's ${JSON.stringify(echo.value)}`)
  }
  return { ok: problems.length === 0 && a.errcode === 0 && a.signatureOk === true && isObject(a.data), problems, warnings }
}

function gradeSignatureTest (a: AnswerCheck): Grade {
  // checkAnswer flags a 0 without data; here the errcode itself is the finding.
  const problems = a.problems.filter(p => !p.startsWith('errcode 0 but no encrypted'))
  if (a.errcode === 0) {
    problems.unshift('expected errcode 300 (signature error) for a delivery whose msg_signature is deliberately wrong, got 0: the receiver accepted a forged notification; it must check msg_signature before acting on a delivery')
  } else if (a.errcode !== undefined && a.errcode !== 300) {
    problems.unshift(`expected errcode 300 (signature error) for a delivery whose msg_signature is deliberately wrong, got ${a.errcode}${a.errmsg ? ` ("${a.errmsg}")` : ''}: check the signature first and answer 300 when it does not match`)
  }
  if (a.errcode !== 0 && a.signatureOk !== null) problems.push('the answer to a rejected delivery carries data; failures answer without data')
  return { ok: problems.length === 0 && a.errcode === 300, problems, warnings: [] }
}

function isObject (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
