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

/**
 * A received signature against the expected one, in constant time: equal, equal but for the case
 * of its hex digits (accepted with a warning: docs/PROTOCOL.md §8, WeChat documents no case), or not.
 */
export function matchSignature (expected: string, received: string, encoding: 'hex' | 'HEX' | 'base64'): 'exact' | 'hex-case' | 'differs' {
  if (signaturesEqual(expected, received)) return 'exact'
  if (encoding === 'base64') return 'differs'
  return signaturesEqual(expected, encoding === 'hex' ? received.toLowerCase() : received.toUpperCase()) ? 'hex-case' : 'differs'
}

/** The SIG_HEX_CASE / ANSWER_SIGNATURE_HEX_CASE params: which case arrived, which the profile emits. */
export function hexCaseParams (encoding: 'hex' | 'HEX' | 'base64'): { got: string; emits: string } {
  return encoding === 'HEX' ? { got: 'lower-case', emits: 'upper-case' } : { got: 'upper-case', emits: 'lower-case' }
}
