import { finding } from '../messages/render.js'
import { PayloadError } from './overrides.js'

/**
 * WeChat retries a delivery that is not answered 0; the nontax product does not publish when. When
 * only --retries is given, the waits are WeChat Pay's published notification intervals (15 s, 15 s,
 * 30 s, 3 min, 10 min, …), the nearest documented schedule; --retry-delays sets your own (short
 * ones to try a handler's retry path quickly).
 */
export const WECHAT_PAY_RETRY_DELAYS_MS = [15e3, 15e3, 30e3, 180e3, 600e3, 1200e3, 1800e3, 1800e3, 1800e3, 3600e3, 10800e3, 10800e3, 10800e3, 21600e3, 21600e3]
export const MAX_RETRIES = 15
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

function parseDelay (text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text.trim())
  const ms = m ? Math.round(Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? NaN)) : NaN
  if (!Number.isFinite(ms) || ms > 6 * 3600e3) throw new PayloadError(finding('RETRY_DELAY', { value: text }))
  return ms
}

/** The wait before each retry; its length is the number of retries. Neither flag: [] (no retries). */
export function retrySchedule (o: { retries?: string; delays?: string }): number[] {
  let n: number | undefined
  if (o.retries !== undefined) {
    n = /^\d+$/.test(o.retries.trim()) ? Number(o.retries) : NaN
    if (!Number.isInteger(n) || n > MAX_RETRIES) throw new PayloadError(finding('RETRY_COUNT', { value: o.retries, max: MAX_RETRIES }))
  }
  const given = o.delays === undefined ? undefined : o.delays.split(',').filter(s => s.trim() !== '').map(parseDelay)
  if (given !== undefined && given.length === 0) throw new PayloadError(finding('RETRY_DELAY', { value: o.delays ?? '' }))
  const base = given ?? WECHAT_PAY_RETRY_DELAYS_MS
  const count = n ?? given?.length ?? 0
  // Fewer delays than retries: the last wait repeats.
  return Array.from({ length: count }, (_, i) => base[Math.min(i, base.length - 1)] ?? 0)
}
