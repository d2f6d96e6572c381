import { finding } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Finding } from '../messages/types.js'
import type { CryptoProfile } from '../protocol/profile.js'

/**
 * Classes built on one profile's particulars (docs/PROTOCOL.md §4: 32-byte padding, the appid in the
 * plaintext, hex signatures, the "signature" alias of msg_signature) mean nothing under a profile
 * without them. They are not sent and are reported as not applicable, never as PASS.
 */
type Rule = (p: CryptoProfile) => Finding | undefined

const na = (p: CryptoProfile, code: MessageCode): Finding => finding(code, { ...p.words, profile: p.name })

const c = (p: CryptoProfile) => p.descriptor.cipher

/** The 16-vs-32-byte padding bug exists only where the profile pads to 32 bytes with the wxbizmsgcrypt framing. */
const pads32: Rule = p => (c(p).mode !== 'aes-256-gcm' && c(p).padBlock === 32 && c(p).framing === 'random-len-msg-appid'
  ? undefined : na(p, 'NA_NOT_32_BYTE_PADDING'))
const pads: Rule = p => (c(p).mode !== 'aes-256-gcm' ? undefined : na(p, 'NA_NO_PADDING'))
const appidInPlaintext: Rule = p => (c(p).framing === 'random-len-msg-appid' ? undefined : na(p, 'NA_NO_APPID_IN_PLAINTEXT'))
const hexSignature: Rule = p => (p.descriptor.signature.encoding !== 'base64' ? undefined : na(p, 'NA_BASE64_SIGNATURE'))
const msgSignatureAlias: Rule = p => (p.descriptor.fields.signature.name === 'msg_signature' ? undefined : na(p, 'NA_NO_SIGNATURE_ALIAS'))

const RULES: Readonly<Record<string, Rule>> = {
  'long-padding': pads32,
  'answer-padding': pads32,
  'bad-padding': pads,
  'other-appid': appidInPlaintext,
  'upper-hex': hexSignature,
  'signature-param': msgSignatureAlias,
}

/** Why class `name` is not applicable under `profile`, or undefined when it applies. */
export function notApplicable (name: string, profile: CryptoProfile): Finding | undefined {
  return RULES[name]?.(profile)
}
