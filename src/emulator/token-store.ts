import { randomBytes } from 'node:crypto'

export interface IssuedToken {
  token: string
  appid: string
  expiresAtMs: number
  /** Set when a newer token retired this one: WeChat then says 40001 "not latest" rather than 42001 "expired". */
  replaced?: boolean
}
/** ok; expired (42001); replaced by a newer token (40001); never issued (40001). */
export type TokenLookup = { state: 'ok' | 'expired' | 'replaced'; appid: string } | { state: 'unknown' }

/** WeChat renews a stable token when asked in its last 5 minutes (getStableAccessToken docs). */
const STABLE_RENEW_S = 300
/** After GET /cgi-bin/token issues a new token, the previous one stays valid this long (WeChat's docs say 5 min). */
const ROTATE_GRACE_S = 300
/** Expired tokens are remembered this long, so they answer 42001 instead of 40001. */
const FORGET_AFTER_MS = 24 * 3600_000

export interface TokenStore {
  /** stable_token: the same token while valid, unless force_refresh. */
  stable (appid: string, force: boolean): IssuedToken
  /** /cgi-bin/token: a new token each call; the previous one expires soon after. */
  rotate (appid: string): IssuedToken
  lookup (token: string): TokenLookup
  expireAll (): void
}

export function createTokenStore (now: () => number, ttlS: number): TokenStore {
  const byToken = new Map<string, IssuedToken>()
  const stableOf = new Map<string, IssuedToken>()
  const rotatingOf = new Map<string, IssuedToken>()

  function issue (appid: string): IssuedToken {
    prune()
    // WeChat tokens are long opaque strings of letters, digits, _ and -.
    const t = { token: randomBytes(96).toString('base64url'), appid, expiresAtMs: now() + ttlS * 1000 }
    byToken.set(t.token, t)
    return t
  }

  function retire (t: IssuedToken, atMs: number): void {
    if (atMs < t.expiresAtMs) {
      t.expiresAtMs = atMs
      t.replaced = true
    }
  }

  function prune (): void {
    const cutoff = now() - FORGET_AFTER_MS
    for (const [k, t] of byToken) if (t.expiresAtMs < cutoff) byToken.delete(k)
  }

  return {
    stable (appid, force) {
      const cur = stableOf.get(appid)
      const renewAt = cur ? cur.expiresAtMs - Math.min(STABLE_RENEW_S, ttlS / 2) * 1000 : 0
      if (cur && !force && now() < renewAt) return cur
      // force_refresh retires the previous stable token at once (getStableAccessToken docs).
      if (cur && force) retire(cur, now() - 1)
      const t = issue(appid)
      stableOf.set(appid, t)
      return t
    },
    rotate (appid) {
      const prev = rotatingOf.get(appid)
      if (prev) retire(prev, now() + ROTATE_GRACE_S * 1000)
      const t = issue(appid)
      rotatingOf.set(appid, t)
      return t
    },
    lookup (token) {
      const t = byToken.get(token)
      if (!t) return { state: 'unknown' }
      if (now() < t.expiresAtMs) return { state: 'ok', appid: t.appid }
      return { state: t.replaced ? 'replaced' : 'expired', appid: t.appid }
    },
    expireAll () {
      const past = now() - 1
      for (const t of byToken.values()) t.expiresAtMs = Math.min(t.expiresAtMs, past)
    },
  }
}
