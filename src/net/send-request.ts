import { request, type Dispatcher } from 'undici'
import { describeNetworkError } from '../wechat/network-error.js'

/** What the handler did: an HTTP answer, or no answer at all (refused, reset, timeout). */
export type Reply =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: Buffer; durationMs: number }
  | { kind: 'error'; error: string; unreachable: boolean; durationMs: number }

/** WeChat's own timeout is undocumented; 5 s is what a handler should comfortably meet. */
export const DEFAULT_TIMEOUT_MS = 5_000

export interface SendOptions {
  method: string
  headers: Record<string, string>
  body: Buffer
  timeoutMs: number
  dispatcher?: Dispatcher
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'nothing listens at',
  ENOTFOUND: 'the host name does not resolve for',
  EAI_AGAIN: 'DNS lookup failed temporarily for',
  EHOSTUNREACH: 'no route to the host of',
  ENETUNREACH: 'the network is unreachable for',
}

const CLOSED: Record<string, string> = {
  ECONNRESET: 'the handler reset the connection without answering',
  EPIPE: 'the handler closed the connection while the body was being sent',
  UND_ERR_SOCKET: 'the handler closed the connection without answering',
}

/** Send one request and read the whole answer; never throws: a failure is a Reply of kind 'error'. */
export async function sendRequest (url: string, o: SendOptions): Promise<Reply> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const signal = AbortSignal.timeout(o.timeoutMs)
  try {
    const res = await request(url, {
      method: o.method as Dispatcher.HttpMethod,
      headers: o.headers,
      body: o.body.length > 0 || o.method !== 'GET' ? o.body : undefined,
      signal,
      dispatcher: o.dispatcher,
    })
    const body = Buffer.from(await res.body.arrayBuffer())
    return { kind: 'answer', status: res.statusCode, headers: flattenHeaders(res.headers), body, durationMs: elapsed() }
  } catch (err) {
    return { kind: 'error', ...describeSendError(err, url, o.timeoutMs, signal.aborted), durationMs: elapsed() }
  }
}

export function describeSendError (err: unknown, url: string, timeoutMs: number, timedOut = false): { error: string; unreachable: boolean } {
  // Classification is shared with the WeChat client; the words here speak to the owner of the handler.
  const failure = describeNetworkError(err, timeoutMs)
  const code = failure.code
  if (timedOut || failure.kind === 'timeout') {
    return { error: `timeout after ${timeoutMs} ms: no answer from ${new URL(url).origin}${new URL(url).pathname}`, unreachable: false }
  }
  const where = new URL(url).origin
  if (code && UNREACHABLE[code]) return { error: `${code}: ${UNREACHABLE[code]} ${where}; start your handler or fix the URL`, unreachable: true }
  if (code && CLOSED[code]) return { error: `${code}: ${CLOSED[code]}`, unreachable: false }
  if (failure.tls) return { error: `${code}: the TLS certificate of ${where} is not trusted or does not match the host`, unreachable: true }
  return { error: `${code ? `${code}: ` : ''}${(err as Error)?.message ?? String(err)}`, unreachable: false }
}


/** Hop-by-hop and framing headers describe one connection; whoever relays the body sets its own. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'trailer', 'te', 'content-length'])

function flattenHeaders (h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_HEADERS.has(k)) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}
