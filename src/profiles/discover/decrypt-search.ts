import { createDecipheriv } from 'node:crypto'
import type { ProfileDescriptor } from '../descriptor.js'
import { deriveKey, usableForms, type KeyForm } from '../keys.js'
import { KEY_FORMS } from '../descriptor.js'
import type { Field } from './fields.js'
import { ciphertextLike } from './shapes.js'

/** A secret discovery may try: a configured one, or an extra --key. */
export interface CandidateSecret { label: string; value: string; ref: 'aesKey' | 'token' | 'extra'; index?: number }

export interface DecryptHit {
  field: Field
  secret: CandidateSecret
  cipher: Omit<ProfileDescriptor['cipher'], 'key'> & { key: { as: KeyForm } }
  msg: string
  /** The appid sealed in a random ‖ length ‖ message ‖ appid plaintext. */
  appidInside?: string
}

type Variant = Pick<ProfileDescriptor['cipher'], 'mode' | 'iv'>
const VARIANTS: Variant[] = [
  { mode: 'aes-256-cbc', iv: 'key' }, { mode: 'aes-256-cbc', iv: 'prefix' }, { mode: 'aes-256-ecb', iv: 'none' }, { mode: 'aes-256-gcm', iv: 'prefix' },
]
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Decrypt without trusting anything: null when the bytes do not fit the variant. */
function open (v: Variant, key: Buffer, bytes: Buffer): Buffer | null {
  try {
    if (v.mode === 'aes-256-gcm') {
      if (bytes.length < 29) return null
      const d = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
      d.setAuthTag(bytes.subarray(bytes.length - 16))
      return Buffer.concat([d.update(bytes.subarray(12, bytes.length - 16)), d.final()])
    }
    const body = v.iv === 'prefix' ? bytes.subarray(16) : bytes
    if (body.length === 0 || body.length % 16 !== 0) return null
    const iv = v.mode === 'aes-256-ecb' ? null : v.iv === 'prefix' ? bytes.subarray(0, 16) : key.subarray(0, 16)
    const d = createDecipheriv(v.mode, key, iv).setAutoPadding(false)
    return Buffer.concat([d.update(body), d.final()])
  } catch {
    return null
  }
}

/** Full PKCS#7 check (every pad byte equal): discovery must not accept noise that ends in 0x01. */
function unpadStrict (plain: Buffer, block: number): Buffer | null {
  const n = plain[plain.length - 1] ?? 0
  if (n < 1 || n > block || n > plain.length) return null
  for (let i = plain.length - n; i < plain.length; i++) if (plain[i] !== n) return null
  return plain.subarray(0, plain.length - n)
}

/** UTF-8 JSON object, or null: the only plaintext that counts as a decryption. */
function jsonObject (bytes: Buffer): string | null {
  try {
    const text = utf8.decode(bytes)
    const v: unknown = JSON.parse(text)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? text : null
  } catch {
    return null
  }
}

function unframe (content: Buffer): { msg: string; appid: string } | null {
  if (content.length < 20) return null
  const len = content.readUInt32BE(16)
  if (len > content.length - 20) return null
  const msg = jsonObject(content.subarray(20, 20 + len))
  if (msg === null) return null
  const appidBytes = content.subarray(20 + len)
  const appid = appidBytes.toString('utf8')
  return /^[\x20-\x7e]{0,64}$/.test(appid) ? { msg, appid } : null
}

/** Every (field, secret, key form, cipher, padding, framing) under which a field opens to a JSON object. */
export function searchDecryptions (fields: Field[], secrets: CandidateSecret[], count: { n: number }): DecryptHit[] {
  const hits: DecryptHit[] = []
  for (const field of fields) {
    const bytes = ciphertextLike(field)
    if (!bytes) continue
    for (const secret of secrets) {
      for (const as of usableForms(secret.value, KEY_FORMS)) {
        const key = deriveKey(secret.value, as)
        for (const v of VARIANTS) {
          count.n++
          const plain = open(v, key, bytes)
          if (plain === null) continue
          const blocks = v.mode === 'aes-256-gcm' ? [null] : [32, 16] as const
          for (const block of blocks) {
            const content = block === null ? plain : unpadStrict(plain, block)
            if (content === null) continue
            const padBlock = block ?? 16
            const framed = unframe(content)
            if (framed) hits.push({ field, secret, cipher: { ...v, key: { as }, padBlock, framing: 'random-len-msg-appid' }, msg: framed.msg, appidInside: framed.appid })
            const alone = jsonObject(content)
            if (alone !== null) hits.push({ field, secret, cipher: { ...v, key: { as }, padBlock, framing: 'msg' }, msg: alone })
          }
        }
      }
    }
  }
  return dedupePadding(hits)
}

/**
 * A pad of n ≤ 16 fits both 16- and 32-byte blocks. Keep one: 32 with the wxbizmsgcrypt framing
 * (its documented block), 16 with the message alone (standard PKCS#7).
 */
function dedupePadding (hits: DecryptHit[]): DecryptHit[] {
  const twin = (h: DecryptHit, block: number) => hits.some(o => o !== h && o.cipher.padBlock === block && o.field === h.field && o.secret === h.secret &&
    o.cipher.key.as === h.cipher.key.as && o.cipher.mode === h.cipher.mode && o.cipher.iv === h.cipher.iv && o.cipher.framing === h.cipher.framing)
  return hits.filter(h => {
    if (h.cipher.mode === 'aes-256-gcm') return true
    const preferred = h.cipher.framing === 'random-len-msg-appid' ? 32 : 16
    return h.cipher.padBlock === preferred || !twin(h, preferred)
  })
}
