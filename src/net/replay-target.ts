import { UsageError } from '../errors.js'

/** Where a delivery was received: the listener's own address, never the sender's Host header. */
export interface Listener { scheme: 'http' | 'https'; host: string; port: number }

/**
 * A `--to` (or inspector target) the user typed: http or https with a host, no credentials.
 * Anything else (gopher:, file:, a leading "-" that curl would read as an option) is refused.
 */
export function parseReplayTarget (to: string): URL {
  let u: URL | undefined
  try { u = new URL(to) } catch { u = undefined }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '' || u.username !== '' || u.password !== '') {
    // Coded with its params, so the reader's language renders it (a pre-rendered English text stayed English under zh).
    throw UsageError.from({ code: 'EXPORT_BAD_TARGET', params: { to } })
  }
  return u
}

/** "http://127.0.0.1:3000": a wildcard or IPv4-mapped local address is reached through loopback. */
export function listenerOrigin (l: Listener): string {
  let host = l.host.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
  if (host === '0.0.0.0' || host === '' ) host = '127.0.0.1'
  if (host === '::') host = '::1'
  return `${l.scheme}://${host.includes(':') ? `[${host}]` : host}:${l.port}`
}
