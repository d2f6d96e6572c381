import sjson from 'secure-json-parse'
import type { Envelope } from '../protocol/envelope.js'
import { NotificationError } from '../protocol/errors.js'
import type { Inspection } from '../protocol/inspect.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { checkSignature, TOKEN_PLACEHOLDER, type SignatureCheck, type SignatureFinding } from '../protocol/signature-check.js'

/** The delivery's own signed strings: handlers often sign these instead of the answer's. */
export interface SentStrings { timestamp?: string; nonce?: string; encrypt?: string }

const clip = (s: string, n = 24): string => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s)

/** The signed values as shown: the token stays a placeholder, long values are cut. */
const partsOf = (parts: readonly string[] | undefined): string => (parts ?? []).map(s => (s === TOKEN_PLACEHOLDER ? s : clip(s))).join(', ')
const inParam = (param: string | undefined): Finding | string => (param ? finding('FX_IN_PARAM', { param }) : '')

export function signatureLines (label: Finding, c: SignatureCheck): Finding[] {
  const expected = c.expected ?? '-'
  const lines = [c.received === undefined ? finding('FX_SIG_MISMATCH_NONE', { label, expected }) : finding('FX_SIG_MISMATCH', { label, expected, received: c.received, inParam: inParam(c.param) })]
  if (c.parts) lines.push(finding('FX_SIG_INPUTS', { label, signature: c.algorithm ?? 'computed', parts: partsOf(c.parts) }))
  if (c.cause) lines.push(finding('FX_SIG_CAUSE', { label, cause: c.cause }))
  return lines
}

/** A failed decryption's reason, explanation (in the reader's language where it is coded) and numbers. */
export function decryptionLine (label: Finding, err: unknown): Finding {
  if (err instanceof NotificationError) return finding('FX_DECRYPT_FAILED', { label, reason: err.reason, message: err.finding ?? err.message, details: JSON.stringify(err.details) })
  return finding('FX_ERROR', { label, message: (err as Error).message })
}

/** Why a handler's success answer fails: its msg_signature against ours, and the numbers of a failed decryption. */
export function answerForensics (bodyText: string, secrets: Secrets, profile: CryptoProfile, sent: SentStrings = {}): Finding[] {
  let a: Record<string, unknown>
  try {
    a = sjson.parse(bodyText, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as Record<string, unknown>
  } catch {
    return []
  }
  if (typeof a !== 'object' || a === null || typeof a.data !== 'string') return []
  const lines: Finding[] = []
  let decrypted = false
  try {
    profile.decrypt(a.data, secrets)
    decrypted = true
  } catch (err) {
    lines.push(decryptionLine(finding('FX_LABEL_ANSWER_DATA'), err))
  }
  const { timestamp, nonce, msg_signature: sig } = a
  if (typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof sig !== 'string') return lines
  const env: Envelope = {
    format: 'json', contentType: 'application/json', encrypt: a.data, encryptField: 'data', appid: undefined,
    signature: sig, signatureParam: 'msg_signature', nonce, nonceParam: 'nonce', timestamp, warnings: [],
  }
  const check = checkSignature(env, secrets.token, profile)
  if (check.ok) return lines
  check.cause = { code: decrypted ? 'SIG_ANSWER_TOKEN_DIFFERS' : 'SIG_ANSWER_SECRETS_DIFFER' }
  const variant = signedVariant(sig.toLowerCase(), { token: secrets.token, timestamp, nonce, data: a.data }, sent, profile)
  if (variant) check.cause = variant
  return [...signatureLines(finding('FX_LABEL_ANSWER_SIG'), check), ...lines]
}

/** The usual mistakes in signing an answer, each tried against the received signature. */
function signedVariant (sig: string, ans: { token: string; timestamp: string; nonce: string; data: string }, sent: SentStrings, profile: CryptoProfile): SignatureFinding | undefined {
  const tries: Array<[SignatureFinding, { timestamp: string; nonce: string; encrypt: string }]> = []
  if (sent.encrypt) tries.push([{ code: 'SIG_ANSWER_SIGNED_DELIVERY_CIPHERTEXT' }, { timestamp: ans.timestamp, nonce: ans.nonce, encrypt: sent.encrypt }])
  if (sent.timestamp && sent.nonce) {
    tries.push([{ code: 'SIG_ANSWER_SIGNED_DELIVERY_TS_NONCE' }, { timestamp: sent.timestamp, nonce: sent.nonce, encrypt: ans.data }])
    if (sent.encrypt) tries.push([{ code: 'SIG_ANSWER_COPIED_INPUTS' }, { timestamp: sent.timestamp, nonce: sent.nonce, encrypt: sent.encrypt }])
  }
  for (const [cause, input] of tries) if (profile.sign({ token: ans.token, ...input }).toLowerCase() === sig) return cause
  return undefined
}

/**
 * What this project's receiver logic concludes about a delivery: the reference answer, with its numbers.
 * `crafted`: check broke the delivery on purpose, so the likely cause (aimed at a real sender) is left out.
 */
export function referenceForensics (i: Inspection, o: { crafted?: boolean; profile?: CryptoProfile } = {}): Finding[] {
  const lines: Finding[] = []
  // Named as the profile carries it (x-wechat-signature, sign, …), the default's msg_signature otherwise.
  const label = finding('FX_LABEL_DELIVERY_SIG', { field: o.profile?.words.sigField ?? 'msg_signature' })
  const sig = i.signature
  const inputs = { signature: sig?.algorithm ?? 'computed', parts: partsOf(sig?.parts) }
  if (sig && !sig.ok && o.crafted) {
    const expected = sig.expected ?? '-'
    lines.push(sig.received === undefined ? finding('FX_SENT_NO_SIG', { label, expected }) : finding('FX_SENT_SIG', { label, received: sig.received, inParam: inParam(sig.param), expected }))
    if (sig.parts) lines.push(finding('FX_VERIFIER_SEES', { label, ...inputs }))
  } else if (sig && !sig.ok) {
    lines.push(...signatureLines(label, sig))
  }
  if (sig?.ok) lines.push(finding('FX_SIG_VALID', { label, ...inputs }))
  const d = i.decryption
  const cipher = finding('FX_LABEL_DELIVERY_CIPHER')
  if (d && !d.ok) lines.push(finding('FX_DECRYPT_FAILED', { label: cipher, reason: d.reason, message: d.finding ?? d.message, details: JSON.stringify(d.details) }))
  if (d?.ok) lines.push(finding('FX_DELIVERY_DECRYPTS', { keyOwner: finding(o.crafted ? 'FX_KEY_OF_CHECK' : 'FX_KEY_OF_RECEIVER'), cipherBytes: d.cipherBytes, padByte: d.padByte, declaredLength: d.declaredLength, appid: d.appid }))
  if (i.errcode !== 0 && i.reason && !sig) lines.push(finding('FX_DELIVERY_REJECTED', { reason: i.reason, message: i.messageFinding ?? i.message ?? '' }))
  return lines
}
