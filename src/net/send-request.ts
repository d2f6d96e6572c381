import { request, type Dispatcher } from 'undici'
import { BoundExceeded, withinMs } from './within.js'
import { describeNetworkError } from '../wechat/network-error.js'
import { finding, render } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Finding } from '../messages/types.js'

/** What the handler did: an HTTP answer, or no answer at all (refused, reset, timeout). */
export type Reply =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: Buffer; durationMs: number }
  | ({ kind: 'error'; durationMs: number; notSent?: boolean } & SendFailure)

/** WeChat's own timeout is undocumented; 5 s is what a handler should comfortably meet. */
export const DEFAULT_TIMEOUT_MS = 5_000

export interface SendOptions {
  method: string
  headers: Record<string, string>
  body: Buffer
  timeoutMs: number
  dispatcher?: Dispatcher
}

/** errno codes that mean nothing answers at that address: sending more only repeats the error. */
const UNREACHABLE: Readonly<Record<string, MessageCode>> = {
  ECONNREFUSED: 'SEND_ECONNREFUSED', ENOTFOUND: 'SEND_ENOTFOUND', EAI_AGAIN: 'SEND_EAI_AGAIN', EHOSTUNREACH: 'SEND_EHOSTUNREACH', ENETUNREACH: 'SEND_ENETUNREACH',
}
const CLOSED: Readonly<Record<string, MessageCode>> = { ECONNRESET: 'SEND_ECONNRESET', EPIPE: 'SEND_EPIPE', UND_ERR_SOCKET: 'SEND_UND_ERR_SOCKET' }

/** A send failure: coded for decisions, rendered for people (src/messages/en/network.ts). */
export interface SendFailure { error: string; finding: Finding; unreachable: boolean; timedOut: boolean }

/** Send one request and read the whole answer; never throws: a failure is a Reply of kind 'error'. */
export async function sendRequest (url: string, o: SendOptions): Promise<Reply> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const signal = AbortSignal.timeout(o.timeoutMs)
  try {
    const res = await withinMs(o.timeoutMs, request(url, {
      method: o.method as Dispatcher.HttpMethod,
      headers: o.headers,
      body: o.body.length > 0 || o.method !== 'GET' ? o.body : undefined,
      signal,
      dispatcher: o.dispatcher,
    }))
    const body = Buffer.from(await res.body.arrayBuffer())
    return { kind: 'answer', status: res.statusCode, headers: flattenHeaders(res.headers), body, durationMs: elapsed() }
  } catch (err) {
    return { kind: 'error', ...describeSendError(err, url, o.timeoutMs, signal.aborted || err instanceof BoundExceeded), durationMs: elapsed() }
  }
}

export function describeSendError (err: unknown, url: string, timeoutMs: number, timedOut = false): SendFailure {
  // Classification is shared with the WeChat client; the words here speak to the owner of the handler.
  const failure = describeNetworkError(err, timeoutMs)
  const code = failure.code
  const u = new URL(url)
  const out = (f: Finding, unreachable: boolean, timeout = false): SendFailure => ({ error: render(f), finding: f, unreachable, timedOut: timeout })
  if (timedOut || failure.kind === 'timeout') return out(finding('SEND_TIMEOUT', { timeoutMs, url: `${u.origin}${u.pathname}` }), false, true)
  const unreachable = code === undefined ? undefined : UNREACHABLE[code]
  if (unreachable) return out(finding(unreachable, { origin: u.origin }), true)
  const closed = code === undefined ? undefined : CLOSED[code]
  if (closed) return out(finding(closed), false)
  if (failure.tls) return out(finding('SEND_TLS', { code, origin: u.origin }), true)
  return out(finding('SEND_OTHER', { codePrefix: code ? `${code}: ` : '', detail: (err as Error)?.message ?? String(err) }), false)
}

/** The rest of a run once nothing listens: not sent, with the first failure as the reason. */
export function notSent (first: SendFailure): SendFailure {
  const f = finding('SEND_NOT_SENT', { first: first.error })
  return { error: render(f), finding: f, unreachable: true, timedOut: false }
}

/** Hop-by-hop and framing headers describe one connection; whoever relays the body sets its own. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'trailer', 'te', 'content-length'])

function flattenHeaders (h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_HEADERS.has(k)) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}
