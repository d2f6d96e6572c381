import { finding, render } from '../messages/render.js'
import { request, type Dispatcher } from 'undici'
import sjson from 'secure-json-parse'
import { maskSecrets } from '../protocol/mask.js'
import { WechatApiError } from './errors.js'
import { describeNetworkError } from './network-error.js'

export interface WechatLog {
  info (obj: object, msg?: string): void
  warn (obj: object, msg?: string): void
  debug (obj: object, msg?: string): void
}

export interface HttpContext {
  baseUrl: string
  dispatcher: Dispatcher | undefined
  timeoutMs: number
  log: WechatLog | undefined
  /** Values to mask in anything that leaves this module (appsecret, tokens). */
  secrets: () => Array<string | undefined>
}

export interface ApiCall { method: 'GET' | 'POST'; path: string; query?: Record<string, string>; body?: unknown }

const SNIPPET_CHARS = 200

/** The access_token lives only in the query; anything logged or thrown shows this form instead. */
export function sanitizeUrl (url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1***')
}

export function apiUrl (baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const u = new URL(baseUrl.replace(/\/+$/, '') + path)
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v)
  return u.toString()
}

/** One API call: returns the answer's JSON object, or throws a WechatApiError for HTTP, shape and network failures. */
export async function callApi (ctx: HttpContext, call: ApiCall): Promise<Record<string, unknown>> {
  const url = apiUrl(ctx.baseUrl, call.path, call.query)
  const shown = `${call.method} ${sanitizeUrl(url)}`
  const mask = (s: string) => maskSecrets(s, ctx.secrets())
  const started = performance.now()
  ctx.log?.debug({ method: call.method, url: sanitizeUrl(url) }, 'wechat api request')
  let status: number
  let text: string
  try {
    const res = await request(url, {
      method: call.method,
      headers: call.body === undefined ? {} : { 'content-type': 'application/json' },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      dispatcher: ctx.dispatcher,
      headersTimeout: ctx.timeoutMs,
      bodyTimeout: ctx.timeoutMs,
      // Covers connect + headers + body in one bound; the per-phase timeouts above alone do not cover connect.
      signal: AbortSignal.timeout(ctx.timeoutMs),
    })
    status = res.statusCode
    text = await res.body.text() // always consume the body, or undici keeps the connection busy
  } catch (err) {
    const f = describeNetworkError(err, ctx.timeoutMs)
    const said = finding(f.kind === 'timeout' ? 'WX_TIMED_OUT' : 'WX_UNREACHABLE', { call: shown, cause: f.finding, baseUrl: ctx.baseUrl })
    throw new WechatApiError(f.kind === 'timeout' ? 'WECHAT_TIMEOUT' : 'WECHAT_UNREACHABLE', mask(render(said)), { path: call.path, cause: err, finding: said })
  }
  const durationMs = Math.round(performance.now() - started)
  ctx.log?.debug({ method: call.method, url: sanitizeUrl(url), status, durationMs }, 'wechat api answer')
  const snippet = JSON.stringify(mask(text.slice(0, SNIPPET_CHARS)))
  if (status !== 200) {
    const said = finding('WX_HTTP_STATUS', { call: shown, status, snippet, baseUrl: ctx.baseUrl })
    throw new WechatApiError('WECHAT_HTTP', render(said), { path: call.path, httpStatus: status, finding: said })
  }
  let parsed: unknown
  try {
    parsed = sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' })
  } catch {
    parsed = undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const said = finding('WX_NOT_JSON_OBJECT', { call: shown, snippet, baseUrl: ctx.baseUrl })
    throw new WechatApiError('WECHAT_BAD_ANSWER', render(said), { path: call.path, httpStatus: status, finding: said })
  }
  return parsed as Record<string, unknown>
}
