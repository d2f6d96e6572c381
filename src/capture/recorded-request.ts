import { rawQueryOf, withQuery } from '../net/raw-query.js'
import { bodyBytes } from './body.js'
import type { CaptureRecord } from './record.js'
import { UsageError } from '../errors.js'
import { listenerOrigin, parseReplayTarget } from '../net/replay-target.js'

/** A recorded delivery rebuilt for sending again (replay, curl, HAR). */
export interface OutgoingRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: Buffer | undefined
}

/**
 * Headers that describe the connection or a proxy hop, not the delivery: the HTTP client sets its
 * own, and a tunnel in front of the target adds its own forwarding headers again. Dropping
 * accept-encoding keeps the answer uncompressed, so it can be compared byte for byte.
 */
const NOT_REPLAYED = new Set([
  'host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'expect', 'proxy-connection', 'accept-encoding', 'forwarded', 'via', 'x-real-ip',
])

export function replayHeaders (r: CaptureRecord): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, v] of Object.entries(r.headers)) {
    const k = name.toLowerCase()
    if (NOT_REPLAYED.has(k) || k.startsWith('x-forwarded-')) continue
    const value = Array.isArray(v) ? v.join(', ') : v
    if (value === '[redacted]') continue
    out[k] = value
  }
  return out
}

/** The query exactly as it was on the request line, still percent-encoded. */
export function rawQuery (r: CaptureRecord): string {
  return rawQueryOf(r.url)
}

/**
 * `--to http://host:port` keeps the recorded path; `--to http://host:port/path` sends to that path.
 * Either way the recorded query follows, unchanged (it carries the signature).
 */
export function targetUrl (r: CaptureRecord, to: string | undefined, query = rawQuery(r)): string {
  let base: string
  if (to === undefined) {
    // Never the sender's Host or X-Forwarded-Proto: those would let a sender aim a replay (or an
    // exported curl) at any scheme and host. The listener that received it is ours.
    if (!r.listener) throw UsageError.from({ code: 'EXPORT_NO_LISTENER', params: { id: r.id } })
    base = `${listenerOrigin(r.listener)}${r.path}`
  } else {
    const u = parseReplayTarget(to)
    const hasPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(to)
    base = `${u.origin}${hasPath ? u.pathname : r.path}${u.search}`
  }
  return withQuery(base, query)
}

export function outgoingRequest (r: CaptureRecord, to: string | undefined, query = rawQuery(r), body: Buffer = bodyBytes(r.body)): OutgoingRequest {
  const bodyless = r.method === 'GET' || r.method === 'HEAD'
  return { method: r.method, url: targetUrl(r, to, query), headers: replayHeaders(r), body: bodyless ? undefined : body }
}
