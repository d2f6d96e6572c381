import type { Field } from './fields.js'

const B64_RE = /^[A-Za-z0-9+/]+={0,2}$/
const HEX_RE = /^[0-9a-fA-F]+$/

export const DIGEST_BYTES: Record<number, string> = { 16: 'MD5', 20: 'SHA-1', 32: 'SHA-256 or HMAC-SHA256' }

/** Base64 bytes of a value, or undefined when it is not base64 (standard alphabet, padded). */
export function base64Bytes (v: string): Buffer | undefined {
  if (v.length < 4 || v.length % 4 !== 0 || !B64_RE.test(v)) return undefined
  return Buffer.from(v, 'base64')
}

/** Bytes a digest would have if this value is one: hex of 16/20/32 bytes, or base64 of them. */
export function digestShape (v: string): { bytes: number; encoding: 'hex' | 'HEX' | 'base64' } | undefined {
  if (HEX_RE.test(v) && [32, 40, 64].includes(v.length)) {
    return { bytes: v.length / 2, encoding: v === v.toLowerCase() ? 'hex' : 'HEX' }
  }
  const b = base64Bytes(v)
  if (b && DIGEST_BYTES[b.length] !== undefined && !HEX_RE.test(v)) return { bytes: b.length, encoding: 'base64' }
  return undefined
}

/** A unix timestamp within ten years of `nowMs` (seconds, or milliseconds). */
export function timestampLike (v: string, nowMs: number): 's' | 'ms' | undefined {
  if (!/^\d{10}(\d{3})?$/.test(v)) return undefined
  const ms = v.length === 13 ? Number(v) : Number(v) * 1000
  if (Math.abs(ms - nowMs) > 10 * 365 * 86_400_000) return undefined
  return v.length === 13 ? 'ms' : 's'
}

/** A random-looking token of 6-64 letters/digits that is not a digest or a timestamp. */
export function nonceLike (v: string): boolean {
  return /^[A-Za-z0-9_-]{6,64}$/.test(v) && !appidLike(v) && !/^\d{10}(\d{3})?$/.test(v) && digestShape(v) === undefined && (/[A-Za-z]/.test(v) || v.length >= 8)
}

/** A WeChat AppID: wx and 16 hex characters. */
export function appidLike (v: string): boolean {
  return /^wx[0-9a-f]{16}$/i.test(v)
}

/** Ciphertext candidates: base64 of at least one AES block. */
export function ciphertextLike (f: Field): Buffer | undefined {
  const b = base64Bytes(f.value)
  return b && b.length >= 16 && digestShape(f.value) === undefined ? b : undefined
}
