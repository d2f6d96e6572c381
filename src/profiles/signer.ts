import { createHmac, hash } from 'node:crypto'
import { SIGNED_VALUES, type ProfileDescriptor, type SignedValue } from './descriptor.js'
import { signatureText } from './words-text.js'

/** The values a signature may cover, as received (docs/PROTOCOL.md §4.2: signed as received). */
export interface SignatureInput { token: string; timestamp: string; nonce: string; encrypt: string; appid?: string | undefined }

export interface SignedString {
  /** The values in the order they were joined (sorted or fixed). */
  parts: string[]
  /** The exact string that was hashed or HMACed. */
  joined: string
  /** The secret that keyed it (HMAC key or the k=v "&key="), if any. */
  key: string | undefined
  /** `parts` and `joined` as they may be shown: the token replaced where it was put, and nowhere else. */
  shown: (placeholder: string) => { parts: string[]; joined: string }
}

type Sig = ProfileDescriptor['signature']
type Fields = ProfileDescriptor['fields']

function valueOf (v: SignedValue, i: SignatureInput): string {
  if (v === 'ciphertext') return i.encrypt
  if (v === 'appid') return i.appid ?? ''
  return i[v]
}

/** The k=v name of a value: its field name on the wire. */
function wireName (v: SignedValue, fields: Fields): string {
  if (v === 'token') return 'token'
  return (v === 'ciphertext' ? fields.ciphertext : fields[v])?.name ?? v
}

export function signedString (sig: Sig, fields: Fields, input: SignatureInput): SignedString {
  const secret = input.token
  if (sig.join === 'kv') {
    const pairs = sig.over.map(v => [wireName(v, fields), valueOf(v, input)] as const)
      // Pay v2: empty values are left out, names sorted in byte order.
      .filter(([, value]) => value !== '')
    if (sig.order === 'sorted') pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const parts = pairs.map(([k, v]) => `${k}=${v}`)
    const shownKv = (p: string) => {
      const shownParts = pairs.map(([k, v]) => (k === 'token' && v === secret ? `${k}=${p}` : `${k}=${v}`))
      return { parts: shownParts, joined: `${shownParts.join('&')}&key=${p}` }
    }
    return { parts, joined: `${parts.join('&')}&key=${secret}`, key: secret, shown: shownKv }
  }
  const tagged = sig.over.map(v => ({ v, text: valueOf(v, input) }))
  if (sig.order === 'sorted') tagged.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
  const parts = tagged.map(t => t.text)
  const shown = (p: string) => {
    const shownParts = tagged.map(t => (t.v === 'token' ? p : t.text))
    return { parts: shownParts, joined: shownParts.join('') }
  }
  return { parts, joined: parts.join(''), key: sig.alg.startsWith('hmac-') ? secret : undefined, shown }
}

/** The raw digest of a signed string under an algorithm. */
export function digest (alg: Sig['alg'], joined: string, key: string | undefined): Buffer {
  if (alg === 'hmac-sha256' || alg === 'hmac-sha1') return createHmac(alg.slice(5), key ?? '').update(joined, 'utf8').digest()
  // One-shot: no Hash object per delivery (Node's crypto.hash, for small inputs).
  return hash(alg, joined, 'buffer')
}

export function encodeDigest (bytes: Buffer, encoding: Sig['encoding']): string {
  if (encoding === 'base64') return bytes.toString('base64')
  const hex = bytes.toString('hex')
  return encoding === 'HEX' ? hex.toUpperCase() : hex
}

/** The signed values as they travel, in the order the words list them. */
export function signedNames (sig: Sig, fields: Fields): string[] {
  // Sorted values are listed in a fixed order (k=v: by name, as they are joined), so equal profiles read the same.
  const ordered = sig.order === 'sorted' ? [...sig.over].sort((x, y) => SIGNED_VALUES.indexOf(x) - SIGNED_VALUES.indexOf(y)) : sig.over
  const names = ordered.map(v => (v === 'token' ? 'token' : wireName(v, fields)))
  if (sig.join === 'kv' && sig.order === 'sorted') names.sort()
  return names
}

/** Human words for fix texts: "SHA-1 over the sorted token, timestamp, nonce and ciphertext, lower-case hex" (wording: the catalogue). */
export function describeSignature (sig: Sig, fields: Fields): string {
  return signatureText(sig, signedNames(sig, fields))
}
