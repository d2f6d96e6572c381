import type { Envelope } from './envelope.js'
import type { Reason } from './errors.js'
import type { CryptoProfile } from './profile.js'
import { sha1Hex, signaturesEqual } from './sign.js'

export const TOKEN_PLACEHOLDER = '<token>'
const SHA1_HEX_RE = /^[0-9a-f]{40}$/i

export interface SignatureCheck {
  ok: boolean
  reason?: Reason
  received?: string
  expected?: string
  param?: string
  nonceParam?: string
  /** The four sorted inputs, the token replaced by <token>. */
  sorted?: string[]
  /** The string that was hashed, the token replaced by <token>. */
  hashed?: string
  cause?: string
  warnings: string[]
}

/** Check msg_signature over the exact received strings (PROTOCOL.md B). */
export function checkSignature (env: Envelope, token: string, profile: CryptoProfile): SignatureCheck {
  const warnings: string[] = []
  const base = { received: env.signature, param: env.signatureParam, nonceParam: env.nonceParam, warnings }
  if (env.timestamp === undefined || env.timestamp === '') {
    return { ...base, ok: false, reason: 'TIMESTAMP_MISSING', cause: 'no "timestamp" query parameter: the signature cannot be checked' }
  }
  if (env.nonce === undefined || env.nonce === '') {
    return { ...base, ok: false, reason: 'NONCE_MISSING', cause: 'no "wxnontaxstr" query parameter: the signature cannot be checked' }
  }
  const input = { token, timestamp: env.timestamp, nonce: env.nonce, encrypt: env.encrypt }
  const { sorted, joined } = profile.signatureBase(input)
  const expected = profile.sign(input)
  const shown = {
    ...base,
    expected,
    sorted: sorted.map(s => (s === token ? TOKEN_PLACEHOLDER : s)),
    hashed: joined.split(token).join(TOKEN_PLACEHOLDER),
  }
  if (env.signature === undefined || env.signature === '') {
    return { ...shown, ok: false, reason: 'SIGNATURE_MISSING', cause: `no signature parameter (looked for msg_signature, signature, sig)` }
  }
  if (signaturesEqual(expected, env.signature)) return { ...shown, ok: true }
  if (signaturesEqual(expected, env.signature.toLowerCase())) {
    warnings.push('signature hex is upper-case; this profile emits lower-case (accepted: WeChat documents no case)')
    return { ...shown, ok: true }
  }
  return { ...shown, ok: false, reason: 'SIGNATURE_MISMATCH', cause: likelyCause(env, token) }
}

function likelyCause (env: Envelope, token: string): string {
  const sig = env.signature ?? ''
  if (!SHA1_HEX_RE.test(sig)) return `received "${sig.slice(0, 60)}" is not a 40-character hex SHA-1`
  const withoutCiphertext = sha1Hex([token, env.timestamp ?? '', env.nonce ?? ''].sort().join(''))
  if (signaturesEqual(withoutCiphertext, sig.toLowerCase())) {
    return 'the signature was computed over token, timestamp and nonce only (the URL-verification formula); msg_signature must include the ciphertext'
  }
  return 'the token differs from the sender\'s, or the body, timestamp or nonce changed after signing'
}

/** Refine the cause once we know whether the ciphertext decrypted (it tells body-intact from body-altered). */
export function refineCause (check: SignatureCheck, decrypted: boolean): void {
  if (check.reason !== 'SIGNATURE_MISMATCH' || !check.cause?.startsWith('the token differs')) return
  check.cause = decrypted
    ? 'the ciphertext is intact (it decrypts with your key), so the token is wrong (NONTAX_TOKEN), or the timestamp/nonce in the URL are not the ones that were signed'
    : 'the ciphertext does not decrypt either: the body was altered in transit, or both NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY are wrong'
}
