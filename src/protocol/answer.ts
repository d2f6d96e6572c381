import sjson from 'secure-json-parse'
import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { ERRMSG, type Errcode } from './errors.js'
import type { CryptoProfile, Secrets } from './profile.js'
import { randomBytesPooled } from './random.js'
import { hexCaseParams, matchSignature, unixSeconds } from './sign.js'

/** The receiver's wire answer (docs/PROTOCOL.md §4): HTTP 200, JSON; `data` only on success. */
export interface Answer {
  errcode: number
  errmsg: string
  data?: string
  timestamp?: string
  nonce?: string
  msg_signature?: string
}

export function newNonce (): string {
  return randomBytesPooled(8).toString('hex')
}

export function buildSuccessAnswer (answer: Record<string, unknown>, secrets: Secrets, profile: CryptoProfile, nowMs: number, nonce = newNonce()): Answer {
  const data = profile.encrypt(JSON.stringify(answer), secrets)
  const timestamp = unixSeconds(nowMs)
  return { errcode: 0, errmsg: ERRMSG[0], data, timestamp, nonce, msg_signature: profile.sign({ token: secrets.token, timestamp, nonce, encrypt: data }) }
}

export function buildFailureAnswer (errcode: Errcode, errmsg: string): Answer {
  return { errcode, errmsg }
}

/** What a sender (the emulator, `check`) learns from an answer. */
export interface AnswerCheck {
  httpStatus: number
  errcode: number | undefined
  errmsg: string | undefined
  /** null when the answer has no data (expected for failures). */
  signatureOk: boolean | null
  data: unknown
  /** Why WeChat cannot use the answer (codes from src/messages/en/answer.ts). */
  problems: Finding[]
  /** Looser than this profile but allowed by docs/PROTOCOL.md §8 (e.g. upper-case signature hex). */
  warnings: Finding[]
}

export function checkAnswer (httpStatus: number, body: string, secrets: Secrets, profile: CryptoProfile): AnswerCheck {
  const out: AnswerCheck = { httpStatus, errcode: undefined, errmsg: undefined, signatureOk: null, data: undefined, problems: [], warnings: [] }
  if (httpStatus !== 200) out.problems.push(finding('ANSWER_HTTP_STATUS', { status: httpStatus }))
  let parsed: unknown
  try {
    parsed = sjson.parse(body, undefined, { protoAction: 'remove', constructorAction: 'remove' })
  } catch {
    out.problems.push(finding('ANSWER_NOT_JSON', { head: JSON.stringify(body.slice(0, 120)) }))
    return out
  }
  if (typeof parsed !== 'object' || parsed === null) {
    out.problems.push(finding('ANSWER_NOT_OBJECT'))
    return out
  }
  const a = parsed as Record<string, unknown>
  if (typeof a.errcode === 'number') out.errcode = a.errcode
  else out.problems.push(finding('ANSWER_NO_ERRCODE', { got: JSON.stringify(a.errcode) ?? finding('VALUE_ABSENT') }))
  if (typeof a.errmsg === 'string') out.errmsg = a.errmsg
  if (typeof a.data !== 'string') {
    if (out.errcode === 0) out.problems.push(finding('ANSWER_NO_DATA'))
    return out
  }
  const { timestamp, nonce } = a
  const sig = a.msg_signature
  if (typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof sig !== 'string') {
    out.signatureOk = false
    out.problems.push(finding('ANSWER_DATA_UNSIGNED'))
  } else {
    const expected = profile.sign({ token: secrets.token, timestamp, nonce, encrypt: a.data })
    const enc = profile.descriptor.signature.encoding
    const match = matchSignature(expected, sig, enc)
    out.signatureOk = match !== 'differs'
    if (!out.signatureOk) out.problems.push(finding('ANSWER_SIGNATURE_MISMATCH'))
    else if (match === 'hex-case') out.warnings.push(finding('ANSWER_SIGNATURE_HEX_CASE', hexCaseParams(enc)))
  }
  try {
    const plain = profile.decrypt(a.data, secrets).msg
    try {
      out.data = JSON.parse(plain)
    } catch {
      out.problems.push(finding('ANSWER_DATA_NOT_JSON', { head: plain.slice(0, 120) }))
    }
  } catch (err) {
    out.problems.push(finding('ANSWER_DATA_NOT_DECRYPTED', { detail: (err as Error).message }))
  }
  return out
}
