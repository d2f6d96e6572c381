import type { Finding } from '../messages/types.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Envelope } from './envelope.js'
import type { Reason } from './errors.js'
import type { CryptoProfile } from './profile.js'
import { hexCaseParams, matchSignature, signaturesEqual } from './sign.js'

export const TOKEN_PLACEHOLDER = '<token>'

export type SignatureFinding = Finding<MessageCode>

export interface SignatureCheck {
  ok: boolean
  reason?: Reason
  received?: string
  expected?: string
  param?: string
  nonceParam?: string
  /** The profile's words for how the signature is made, e.g. "SHA-1 over the sorted token, …". */
  algorithm?: string
  /** The signed values in the order they were joined, the token replaced by <token>. */
  parts?: string[]
  /** The string that was hashed, the token replaced by <token>. */
  hashed?: string
  cause?: SignatureFinding
  warnings: SignatureFinding[]
}

/** Check the signature over the exact received strings, as the profile makes it (docs/PROTOCOL.md §4.2). */
export function checkSignature (env: Envelope, token: string, profile: CryptoProfile): SignatureCheck {
  const warnings: SignatureFinding[] = []
  const f = profile.descriptor.fields
  const base = { received: env.signature, param: env.signatureParam, nonceParam: env.nonceParam, algorithm: profile.words.signature, warnings }
  if (profile.signs('timestamp') && (env.timestamp === undefined || env.timestamp === '')) {
    return { ...base, ok: false, reason: 'TIMESTAMP_MISSING', cause: { code: 'SIG_TIMESTAMP_MISSING', params: { param: f.timestamp?.name, where: f.timestamp?.in } } }
  }
  if (profile.signs('nonce') && (env.nonce === undefined || env.nonce === '')) {
    return { ...base, ok: false, reason: 'NONCE_MISSING', cause: { code: 'SIG_NONCE_MISSING', params: { param: f.nonce?.name, where: f.nonce?.in } } }
  }
  const input = { token, timestamp: env.timestamp ?? '', nonce: env.nonce ?? '', encrypt: env.encrypt, appid: env.appid }
  // One base per delivery: it is both what is hashed and what the log shows.
  const signed = profile.signatureBase(input)
  const expected = profile.signBase(signed)
  // Only where the token was put: masking it inside the nonce or ciphertext would spell it out next to the raw query.
  const masked = signed.shown(TOKEN_PLACEHOLDER)
  const shown: SignatureCheck = { ...base, expected, parts: masked.parts, hashed: masked.joined, ok: false }
  if (env.signature === undefined || env.signature === '') {
    return { ...shown, ok: false, reason: 'SIGNATURE_MISSING', cause: { code: 'SIG_MISSING_FIELD', params: { in: f.signature.in, names: `"${f.signature.name}"${env.signatureParam === undefined && f.signature.name === 'msg_signature' ? ', signature, sig' : ''}` } } }
  }
  const enc = profile.descriptor.signature.encoding
  const match = matchSignature(expected, env.signature, enc)
  if (match !== 'differs') {
    if (match === 'hex-case') warnings.push({ code: 'SIG_HEX_CASE', params: hexCaseParams(enc) })
    shown.ok = true
    return shown
  }
  return { ...shown, ok: false, reason: 'SIGNATURE_MISMATCH', cause: likelyCause(env, token, expected, profile) }
}

function likelyCause (env: Envelope, token: string, expected: string, profile: CryptoProfile): SignatureFinding {
  const sig = env.signature ?? ''
  if (!sameShape(sig, expected, profile.descriptor.signature.encoding)) {
    return { code: 'SIG_NOT_ITS_SHAPE', params: { received: sig.slice(0, 60), shape: shapeOf(expected, profile.descriptor.signature.encoding), algorithm: profile.descriptor.signature.alg } }
  }
  // The URL-verification formula (no ciphertext) is a common slip: same profile, ciphertext left out.
  const withoutCiphertext = profile.sign({ token, timestamp: env.timestamp ?? '', nonce: env.nonce ?? '', encrypt: '', appid: env.appid })
  if (profile.signs('ciphertext') && signaturesEqual(withoutCiphertext.toLowerCase(), sig.toLowerCase())) {
    return { code: 'SIG_URL_VERIFICATION_FORMULA', params: { param: env.signatureParam ?? profile.descriptor.fields.signature.name } }
  }
  return { code: 'SIG_TOKEN_OR_BODY' }
}

function sameShape (sig: string, expected: string, enc: 'hex' | 'HEX' | 'base64'): boolean {
  if (sig.length !== expected.length) return false
  return enc === 'base64' ? /^[A-Za-z0-9+/]+=*$/.test(sig) : /^[0-9a-fA-F]+$/.test(sig)
}

function shapeOf (expected: string, enc: 'hex' | 'HEX' | 'base64'): string {
  return enc === 'base64' ? `${expected.length} base64 characters` : `${expected.length} hex characters`
}

/** Refine the cause once we know whether the ciphertext decrypted (it tells body-intact from body-altered). */
export function refineCause (check: SignatureCheck, decrypted: boolean): void {
  if (check.reason !== 'SIGNATURE_MISMATCH' || check.cause?.code !== 'SIG_TOKEN_OR_BODY') return
  check.cause = { code: decrypted ? 'SIG_TOKEN_WRONG_BODY_INTACT' : 'SIG_BODY_ALTERED' }
}
