import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'

type Limits = Config['limits']

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

/** Answers not yet fully written, per connection: a parse error after them must not replace them. */
const inFlight = new WeakMap<Socket, Map<ServerResponse, IncomingMessage>>()

export function trackAnswersInFlight (server: Server): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = res.socket
    if (!socket) return
    const map = inFlight.get(socket) ?? new Map<ServerResponse, IncomingMessage>()
    inFlight.set(socket, map)
    map.set(res, req)
    res.once('close', () => map.delete(res))
  })
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
    // A delivery parsed before the bad bytes is being answered (and recorded) right now: that answer
    // goes out as recorded, then the connection closes; the bad bytes get none (the record stays true).
    // (Only requests received whole: a stalled body is this error's own request, answered below.)
    const pending = [...(inFlight.get(socket) ?? [])].filter(([, req]) => req.complete).map(([res]) => res)
    if (pending.length > 0) {
      Promise.all(pending.map(res => new Promise(resolve => res.once('close', resolve)))).then(() => socket.end(), () => socket.destroy())
      return
    }
    // Only when no answer has started on this socket: never splice bytes into a response.
    if (socket.writable && socket.bytesWritten === 0) {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`)
    }
    socket.destroy(err)
  }
}
