import { createHash, timingSafeEqual } from 'node:crypto'

/** The timestamp as signed: unix seconds, a decimal string. */
export function unixSeconds (ms: number): string {
  return String(Math.floor(ms / 1000))
}

export interface SignatureInput { token: string; timestamp: string; nonce: string; encrypt: string }

/** The exact string that is hashed: the four inputs sorted lexicographically and joined. */
export function signatureBase (input: SignatureInput): { sorted: string[]; joined: string } {
  const sorted = [input.token, input.timestamp, input.nonce, input.encrypt].sort()
  return { sorted, joined: sorted.join('') }
}

export function computeSignature (input: SignatureInput): string {
  return sha1Hex(signatureBase(input).joined)
}

export function sha1Hex (s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex')
}

/** Constant-time compare; unequal lengths are unequal without leaking where they differ. */
export function signaturesEqual (expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(received, 'utf8')
  if (a.length !== b.length) {
    timingSafeEqual(a, a)
    return false
  }
  return timingSafeEqual(a, b)
}
