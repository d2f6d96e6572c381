import { finding, render } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Finding } from '../messages/types.js'
import { errorCode } from '../net/error-code.js'

/** What went wrong on the wire: coded for decisions, rendered for people. Shared by the client and the emulator. */
export interface NetworkFailure {
  kind: 'timeout' | 'unreachable'
  /** errno/undici code when there is one, e.g. ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT */
  code: string | undefined
  /** The TLS handshake failed (untrusted or mismatched certificate). */
  tls: boolean
  /** The catalogue code and params (src/messages/en/network.ts). */
  finding: Finding
  /** The finding rendered in English. */
  text: string
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT'])
const TLS_CODE_RE = /CERT|SELF_SIGNED|TLS|SSL|ERR_SSL/

const HINTS: Readonly<Record<string, MessageCode>> = {
  ECONNREFUSED: 'NET_ECONNREFUSED',
  ENOTFOUND: 'NET_ENOTFOUND',
  EAI_AGAIN: 'NET_EAI_AGAIN',
  ECONNRESET: 'NET_ECONNRESET',
  EHOSTUNREACH: 'NET_EHOSTUNREACH',
  ENETUNREACH: 'NET_ENETUNREACH',
  UND_ERR_SOCKET: 'NET_UND_ERR_SOCKET',
}

export function describeNetworkError (err: unknown, timeoutMs: number): NetworkFailure {
  const name = (err as { name?: unknown } | null)?.name
  const code = errorCode(err)
  const codeSuffix = code ? ` (${code})` : ''
  const failure = (kind: NetworkFailure['kind'], f: Finding, tls = false): NetworkFailure => ({ kind, code, tls, finding: f, text: render(f) })
  if (name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return failure('timeout', finding('NET_TIMEOUT', { timeoutMs, codeSuffix }))
  }
  const message = err instanceof Error ? err.message : String(err)
  // The errno code (not the message) decides: codes are stable across Node versions, messages are not.
  if (code !== undefined && TLS_CODE_RE.test(code)) return failure('unreachable', finding('NET_TLS', { code, detail: message }), true)
  const hint = code === undefined ? undefined : HINTS[code]
  return failure('unreachable', hint ? finding(hint) : finding('NET_OTHER', { detail: message, codeSuffix }))
}
