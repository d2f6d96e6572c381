import { timingSafeEqual } from 'node:crypto'

/** The timestamp as signed: unix seconds, a decimal string. */
export function unixSeconds (ms: number): string {
  return String(Math.floor(ms / 1000))
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
