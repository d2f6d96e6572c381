import { request, type Dispatcher } from 'undici'
import { SetupError } from '../errors.js'
import { errorCode } from '../net/error-code.js'
import { withinMs } from '../net/within.js'
import { isProbeAnswer, newProbeNonce, PROBE_HEADER, probeHeaderValue } from './probe.js'

export const PROBE_TIMEOUT_MS = 5000

/**
 * POSTs a signed probe to the callback URL WeChat will be given, through the tunnel, and checks
 * that this receiver answered. Throws a SetupError saying which: dead tunnel, or something else there.
 */
export async function probeTunnel (callbackUrl: string, token: string, dispatcher?: Dispatcher, timeoutMs = PROBE_TIMEOUT_MS): Promise<{ ms: number }> {
  const nonce = newProbeNonce()
  const started = performance.now()
  let status: number
  let text: string
  let ngrokError: string | undefined
  try {
    const res = await withinMs(timeoutMs, request(callbackUrl, {
      method: 'POST',
      // ngrok's free plan shows browsers a warning page first; this header (any value) skips it.
      headers: { [PROBE_HEADER]: probeHeaderValue(token, nonce), 'content-type': 'application/json', 'ngrok-skip-browser-warning': '1', 'user-agent': 'nontax-debugger-probe' },
      body: '{}',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(dispatcher ? { dispatcher } : {}),
    }))
    status = res.statusCode
    text = (await res.body.text()).slice(0, 2000)
    const h = res.headers['ngrok-error-code']
    ngrokError = typeof h === 'string' ? h : undefined
  } catch (err) {
    throw SetupError.from({ code: 'PREFLIGHT_TUNNEL_DEAD', params: { url: callbackUrl, cause: errorCode(err) ?? (err as Error).message } })
  }
  if (status === 200 && isProbeAnswer(text, token, nonce)) return { ms: Math.round(performance.now() - started) }
  const what = ngrokError ? `ngrok error ${ngrokError}` : `HTTP ${status}`
  throw SetupError.from({ code: 'PREFLIGHT_TUNNEL_ELSEWHERE', params: { url: callbackUrl, what, body: oneLine(text) } })
}

function oneLine (text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > 120 ? `${t.slice(0, 120)}…` : t || '(empty body)'
}
