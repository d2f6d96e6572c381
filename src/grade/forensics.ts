import sjson from 'secure-json-parse'
import type { Envelope } from '../protocol/envelope.js'
import { NotificationError } from '../protocol/errors.js'
import type { Inspection } from '../protocol/inspect.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { render } from '../messages/render.js'
import { checkSignature, TOKEN_PLACEHOLDER, type SignatureCheck, type SignatureFinding } from '../protocol/signature-check.js'

/** The delivery's own signed strings: handlers often sign these instead of the answer's. */
export interface SentStrings { timestamp?: string; nonce?: string; encrypt?: string }

const clip = (s: string, n = 24): string => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s)

export function signatureLines (label: string, c: SignatureCheck): string[] {
  const lines = [`${label}: expected ${c.expected ?? '-'}, received ${c.received ?? '(none)'}${c.param ? ` in "${c.param}"` : ''}`]
  if (c.parts) lines.push(`${label} is ${c.algorithm ?? 'computed'}: [${c.parts.map(s => (s === TOKEN_PLACEHOLDER ? s : clip(s))).join(', ')}]`)
  if (c.cause) lines.push(`${label} likely cause: ${render(c.cause)}`)
  return lines
}

export function decryptionLine (label: string, err: unknown): string {
  if (err instanceof NotificationError) return `${label}: ${err.reason}: ${err.message} ${JSON.stringify(err.details)}`
  return `${label}: ${(err as Error).message}`
}

/** Why a handler's success answer fails: its msg_signature against ours, and the numbers of a failed decryption. */
export function answerForensics (bodyText: string, secrets: Secrets, profile: CryptoProfile, sent: SentStrings = {}): string[] {
  let a: Record<string, unknown>
  try {
    a = sjson.parse(bodyText, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as Record<string, unknown>
  } catch {
    return []
  }
  if (typeof a !== 'object' || a === null || typeof a.data !== 'string') return []
  const lines: string[] = []
  let decrypted = false
  try {
    profile.decrypt(a.data, secrets)
    decrypted = true
  } catch (err) {
    lines.push(decryptionLine('answer data', err))
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
  return [...signatureLines('answer msg_signature', check), ...lines]
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
export function referenceForensics (i: Inspection, o: { crafted?: boolean; profile?: CryptoProfile } = {}): string[] {
  const lines: string[] = []
  // Named as the profile carries it (x-wechat-signature, sign, …), the default's msg_signature otherwise.
  const field = `delivery ${o.profile?.words.sigField ?? 'msg_signature'}`
  const sig = i.signature
  const inputs = `${sig?.algorithm ?? 'computed'}: [${(sig?.parts ?? []).map(s => (s === TOKEN_PLACEHOLDER ? s : clip(s))).join(', ')}]`
  if (sig && !sig.ok && o.crafted) {
    lines.push(`${field}: sent ${sig.received ?? '(none)'}${sig.param ? ` in "${sig.param}"` : ''}; the correct one is ${sig.expected ?? '-'}`)
    if (sig.parts) lines.push(`${field}: a verifying handler computes ${inputs} and sees the mismatch`)
  } else if (sig && !sig.ok) {
    lines.push(...signatureLines(field, sig))
  }
  if (sig?.ok) lines.push(`${field} is valid (${inputs})`)
  const d = i.decryption
  if (d && !d.ok) lines.push(`delivery ciphertext: ${d.reason}: ${d.message} ${JSON.stringify(d.details)}`)
  if (d?.ok) lines.push(`delivery ciphertext decrypts with check's key: ${d.cipherBytes} bytes, pad byte ${d.padByte}, message ${d.declaredLength} bytes, appid ${d.appid}`)
  if (i.errcode !== 0 && i.reason && !sig) lines.push(`delivery: ${i.reason}: ${i.message ?? ''}`)
  return lines
}
