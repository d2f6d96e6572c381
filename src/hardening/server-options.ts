import type { Socket } from 'node:net'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { Config } from '../config.js'

type Limits = Config['limits']

/**
 * How often Node checks headersTimeout/requestTimeout. Node's default is 30 s, which would let a
 * stalled client hold a socket up to 30 s past HEADERS_TIMEOUT_MS; a quarter of the shorter
 * timeout (50 ms..1 s) keeps the cut-off within 25% of the configured value at negligible cost.
 */
export function connectionsCheckingIntervalMs (l: Pick<Limits, 'headersTimeoutMs' | 'requestTimeoutMs'>): number {
  return Math.min(1000, Math.max(50, Math.floor(Math.min(l.headersTimeoutMs, l.requestTimeoutMs) / 4)))
}

export interface HardenedServerOptions {
  http?: { connectionsCheckingInterval: number }
  https?: { cert: Buffer; key: Buffer; connectionsCheckingInterval: number }
  clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']>
}

/** Fastify options that enforce the connection limits, over https when `tls` is given; spread into buildApp's options. */
export function hardenedServerOptions (l: Limits, tls?: { cert: Buffer; key: Buffer }): HardenedServerOptions {
  const checking = { connectionsCheckingInterval: connectionsCheckingIntervalMs(l) }
  return {
    ...(tls ? { https: { ...tls, ...checking } } : { http: checking }),
    clientErrorHandler: createClientErrorHandler(l),
  }
}

const ANSWERS: Record<string, { status: number; text: string; why: (l: Limits) => string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408, text: 'Request Timeout',
    why: l => `the request did not arrive in time (headers within HEADERS_TIMEOUT_MS=${l.headersTimeoutMs} ms, whole request within REQUEST_TIMEOUT_MS=${l.requestTimeoutMs} ms): a stalled or very slow client`,
  },
  HPE_HEADER_OVERFLOW: {
    status: 431, text: 'Request Header Fields Too Large',
    why: () => 'the request headers exceed Node\'s 16 KiB limit (--max-http-header-size)',
  },
}

/**
 * Requests that never become a request (timeouts, broken HTTP) never reach the receiver, so they
 * are logged here as a warning, with the cause: the default handler logs them at trace level only.
 */
export function createClientErrorHandler (l: Limits) {
  return function onClientError (this: FastifyInstance, err: Error & { code?: string }, socket: Socket): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return
    const known = err.code !== undefined ? ANSWERS[err.code] : undefined
    const status = known?.status ?? 400
    const text = known?.text ?? 'Bad Request'
    const why = known?.why(l) ?? `the bytes are not valid HTTP/1.1 (${err.code ?? 'parse error'}: ${err.message})`
    this.log.warn({ clientError: { code: err.code, remoteAddress: socket.remoteAddress } },
      `connection from ${socket.remoteAddress ?? 'unknown'} closed with ${status}: ${why}; it never reached the receiver`)
    const body = JSON.stringify({ error: text, message: why, statusCode: status })
    // Only when no answer has started on this socket: never splice bytes into a response.
    if (socket.writable && socket.bytesWritten === 0) {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`)
    }
    socket.destroy(err)
  }
}
