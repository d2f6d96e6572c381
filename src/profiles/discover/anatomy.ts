import type { FieldLocation } from '../descriptor.js'
import { sameField, type Field } from './fields.js'
import { appidLike, base64Bytes, DIGEST_BYTES, digestShape, nonceLike, timestampLike } from './shapes.js'

export interface FieldAnatomy extends FieldLocation {
  length: number
  /** Shown whole only when short and not base64 (ciphertexts are summarised). */
  sample: string
  base64?: { bytes: number; multipleOf16: boolean; note: string }
  digest?: { bytes: number; encoding: string; likely: string }
  timestamp?: string
  nonceLike?: boolean
  appidLike?: boolean
  /** Compared with the other version-1 delivery: same value, another value, or only here. */
  versusSibling?: 'same' | 'differs' | 'only-here'
}

export interface Anatomy {
  fields: FieldAnatomy[]
  /** Fields the sibling delivery has and this one lacks. */
  onlyInSibling: FieldLocation[]
  /** The digest-shaped fields whose value differs between the two deliveries: where the signature test's wrong signature sits. */
  signatureSuspects: FieldLocation[]
}

function base64Note (bytes: number): string {
  if (bytes % 16 === 0) return 'whole AES blocks: CBC or ECB (with a 16-byte IV prefix if CBC with a fresh IV)'
  if ((bytes - 28) >= 0) return 'not whole AES blocks: GCM (12-byte nonce + ciphertext + 16-byte tag), or not ciphertext'
  return 'not whole AES blocks'
}

/** Every field, classified by shape; with the sibling delivery, which fields differ. */
export function anatomyOf (fields: Field[], nowMs: number, sibling?: Field[]): Anatomy {
  const out: FieldAnatomy[] = fields.map(f => {
    const a: FieldAnatomy = { in: f.in, name: f.name, length: f.value.length, sample: f.value.length > 48 ? `${f.value.slice(0, 40)}…` : f.value }
    const digest = digestShape(f.value)
    if (digest) a.digest = { bytes: digest.bytes, encoding: digest.encoding === 'base64' ? 'base64' : digest.encoding === 'HEX' ? 'upper-case hex' : 'lower-case hex', likely: DIGEST_BYTES[digest.bytes] ?? '?' }
    const b = digest ? undefined : base64Bytes(f.value)
    if (b && b.length >= 16) a.base64 = { bytes: b.length, multipleOf16: b.length % 16 === 0, note: base64Note(b.length) }
    const ts = timestampLike(f.value, nowMs)
    if (ts) a.timestamp = new Date(ts === 'ms' ? Number(f.value) : Number(f.value) * 1000).toISOString()
    if (!ts && !digest && !a.base64 && nonceLike(f.value)) a.nonceLike = true
    if (appidLike(f.value)) a.appidLike = true
    if (sibling) {
      const other = sibling.find(s => sameField(s, f))
      a.versusSibling = other === undefined ? 'only-here' : other.value === f.value ? 'same' : 'differs'
    }
    return a
  })
  return {
    fields: out,
    onlyInSibling: sibling ? sibling.filter(s => !fields.some(f => sameField(f, s))).map(s => ({ in: s.in, name: s.name })) : [],
    signatureSuspects: out.filter(a => a.digest && a.versusSibling === 'differs').map(a => ({ in: a.in, name: a.name })),
  }
}
