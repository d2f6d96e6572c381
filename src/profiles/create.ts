import type { Decrypted } from '../protocol/cipher.js'
import { parseEnvelope } from '../protocol/envelope.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { decryptWith, encryptWith, type EncryptOptions } from './cipher-engine.js'
import { descriptorString, sameDescriptor, type ProfileDescriptor } from './descriptor.js'
import { deriveKey, keyProblem } from './keys.js'
import { namedDescriptors } from './named.js'
import { digest, encodeDigest, signedString, type SignatureInput, type SignedString } from './signer.js'
import { frameWire, readEnvelope } from './wire.js'
import { profileWords } from './words.js'

const SECRET_VAR = { aesKey: 'NONTAX_ENCODING_AES_KEY', token: 'NONTAX_TOKEN' } as const

/** The named profile equal to this descriptor, if any: its name is then the shortest NONTAX_PROFILE. */
export function nameOf (d: ProfileDescriptor): string | undefined {
  return namedDescriptors().find(n => sameDescriptor(n, d))?.name
}

/** The WXBizMsgCrypt envelopes keep the tolerant reader, which also accepts the non-canonical names of docs/PROTOCOL.md §4.3. */
const TOLERANT = new Set(['wxbizmsgcrypt', 'wxbizmsgcrypt-xml'])

/** A profile from a descriptor: every algorithm decision below comes from `d`. */
export function createProfile (d: ProfileDescriptor): CryptoProfile {
  const named = nameOf(d)
  const name = named ?? d.name ?? 'custom'
  const words = profileWords(d)
  // Deriving the key is cheap but runs per delivery; keep the last one.
  let cached: { secret: string; key: Buffer } | undefined
  const keyFor = (s: Secrets): Buffer => {
    const secret = d.cipher.key.from === 'aesKey' ? s.encodingAESKey : s.token
    if (cached?.secret !== secret) cached = { secret, key: deriveKey(secret, d.cipher.key.as) }
    return cached.key
  }
  const base = (input: SignatureInput) => signedString(d.signature, d.fields, input)
  const signBase = (b: SignedString) => encodeDigest(digest(d.signature.alg, b.joined, b.key), d.signature.encoding)
  return {
    name,
    id: named ?? descriptorString(d),
    descriptor: d,
    assumption: `WeChat does not publish the nontax callback crypto; assuming the ${name} profile (docs/PROTOCOL.md §${named === 'wxbizmsgcrypt' ? '4' : '6'}): ${words.cipher}; signature ${words.signature}`,
    assumptionFinding: { code: 'PROFILE_ASSUMPTION', params: { name, section: named === 'wxbizmsgcrypt' ? '4' : '6', cipher: words.cipher, signature: words.signature } },
    words,
    wordsIn: lang => (lang === 'en' ? words : profileWords(d, lang)),
    encrypt: (msg, s, o) => encryptWith(d.cipher, keyFor(s), msg, s.appid, Buffer.isBuffer(o) ? { random: o } : (o ?? {}) as EncryptOptions),
    decrypt: (text, s): Decrypted => decryptWith(d.cipher, keyFor(s), text, s.appid),
    sign: input => signBase(base(input)),
    signatureBase: base,
    signBase,
    signs: v => d.signature.over.includes(v),
    readEnvelope: named !== undefined && TOLERANT.has(named) ? parseEnvelope : input => readEnvelope(d, input),
    frame: values => frameWire(d, values),
    secretProblems: s => {
      const from = d.cipher.key.from
      const problem = keyProblem(from === 'aesKey' ? s.encodingAESKey : s.token, d.cipher.key.as)
      return problem === undefined ? [] : [`${SECRET_VAR[from]} ${problem}, as the ${name} profile reads it (${d.cipher.key.as})`]
    },
  }
}
