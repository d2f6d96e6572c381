import { errorCode } from '../net/error-code.js'

/** What went wrong on the wire, in words a person can act on. Shared by the client and the emulator. */
export interface NetworkFailure {
  kind: 'timeout' | 'unreachable'
  /** errno/undici code when there is one, e.g. ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT */
  code: string | undefined
  /** The TLS handshake failed (untrusted or mismatched certificate). */
  tls: boolean
  text: string
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT'])
const TLS_CODE_RE = /CERT|SELF_SIGNED|TLS|SSL|ERR_SSL/

const HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens on that host and port',
  ENOTFOUND: 'the host name does not resolve (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ECONNRESET: 'the connection was reset by the other side or a proxy',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_SOCKET: 'the other side closed the connection before answering',
}

export function describeNetworkError (err: unknown, timeoutMs: number): NetworkFailure {
  const name = (err as { name?: unknown } | null)?.name
  const code = errorCode(err)
  if (name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return { kind: 'timeout', code, tls: false, text: `no complete answer within ${timeoutMs} ms${code ? ` (${code})` : ''}` }
  }
  const message = err instanceof Error ? err.message : String(err)
  if (code !== undefined && TLS_CODE_RE.test(code)) {
    return { kind: 'unreachable', code, tls: true, text: `TLS handshake failed (${code}: ${message}): the certificate is not trusted (self-signed?) or does not match the host` }
  }
  const hint = code === undefined ? undefined : HINTS[code]
  return { kind: 'unreachable', code, tls: false, text: hint ? `${hint} (${code})` : `${message}${code ? ` (${code})` : ''}` }
}
