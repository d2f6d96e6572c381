import { describeCipher } from './cipher-engine.js'
import type { FieldLocation, ProfileDescriptor } from './descriptor.js'
import { describeSignature } from './signer.js'

/**
 * The algorithm words fix texts are filled with (docs/PROTOCOL.md §5): every catalogue template that
 * names an algorithm, a signed string, a key or a field takes it from here, so a fix under a
 * non-default profile names that profile's scheme. Keys are the templates' `{param}` names.
 */
export interface ProfileWords {
  /** The whole cipher in one phrase, e.g. "AES-256-CBC with base64 of the key + "=" (EncodingAESKey), …". */
  cipher: string
  /** The whole signature in one phrase, e.g. "SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex". */
  signature: string
  /** "SHA-1", "MD5", "HMAC-SHA256", … */
  sigAlg: string
  /** Where the signature travels, e.g. "msg_signature" (in the URL query). */
  sigField: string
  /** "AES-256-CBC", "AES-256-ECB", "AES-256-GCM". */
  cipherMode: string
  /** The configured secret the AES key comes from, as the user knows it. */
  keySecret: string
  /** The variable that holds that secret. */
  keyVar: string
  /** How the key is derived from it. */
  keySource: string
  /** PKCS#7 block in bytes ("32" for wxbizmsgcrypt); "no" under GCM, which does not pad. */
  padBlock: string
  /** What a receiver checks after decrypting, so that a wrong key or a cut ciphertext is caught. */
  decryptChecks: string
  /** Where every value of a delivery is read from. */
  envelope: string
}

const SIG_ALG = { sha1: 'SHA-1', sha256: 'SHA-256', md5: 'MD5', 'hmac-sha256': 'HMAC-SHA256', 'hmac-sha1': 'HMAC-SHA1' } as const
const KEY_SOURCE = {
  'base64+=': (s: string) => `base64-decode(${s} + "=") (32 bytes)`,
  ascii: (s: string) => `the ${s}'s 32 bytes as they are`,
  hex: (s: string) => `the ${s} read as hex (32 bytes)`,
  base64: (s: string) => `the ${s} read as base64 (32 bytes)`,
  'md5-hex': (s: string) => `md5(${s}) as 32 lower-case hex characters`,
} as const

const where = (l: FieldLocation): string => ({ query: 'the URL query', body: 'the body', header: 'a header' })[l.in]

function envelopeWords (d: ProfileDescriptor): string {
  const located = Object.entries(d.fields).filter((e): e is [string, FieldLocation] => e[1] !== undefined)
  const groups = new Map<string, string[]>()
  for (const [, l] of located) groups.set(where(l), [...(groups.get(where(l)) ?? []), l.name])
  const body = { json: 'a JSON body', form: 'a form body', xml: 'an XML body' }[d.body]
  return `${body}, with ${[...groups].map(([w, names]) => `${names.join(', ')} from ${w}`).join('; ')}`
}

function decryptChecks (c: ProfileDescriptor['cipher']): string {
  if (c.mode === 'aes-256-gcm') return 'the GCM tag (decipher.final() throws when it does not verify)'
  const pad = `the pad byte (1..${c.padBlock})`
  return c.framing === 'random-len-msg-appid' ? `${pad}, the declared length and the appid` : `${pad} and that the plaintext is a JSON object`
}

export function profileWords (d: ProfileDescriptor): ProfileWords {
  const keySecret = d.cipher.key.from === 'aesKey' ? 'EncodingAESKey' : 'Token'
  return {
    cipher: describeCipher(d.cipher),
    signature: describeSignature(d.signature, d.fields),
    sigAlg: SIG_ALG[d.signature.alg],
    sigField: d.fields.signature.name,
    cipherMode: d.cipher.mode.toUpperCase(),
    keySecret,
    keyVar: d.cipher.key.from === 'aesKey' ? 'NONTAX_ENCODING_AES_KEY' : 'NONTAX_TOKEN',
    keySource: KEY_SOURCE[d.cipher.key.as](keySecret),
    padBlock: d.cipher.mode === 'aes-256-gcm' ? 'no' : String(d.cipher.padBlock),
    decryptChecks: decryptChecks(d.cipher),
    envelope: envelopeWords(d),
  }
}
