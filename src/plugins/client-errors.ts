import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { logFinding } from '../log/pretty-message.js'
import { finding, render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'

type Limits = Config['limits']

// `why` is coded: the operator's log renders it in the run's language; the client gets its English text.
const ANSWERS: Record<string, { status: number; text: string; why: (l: Limits) => Finding }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408, text: 'Request Timeout',
    why: l => finding('CLIENT_WHY_TIMEOUT', { headersMs: l.headersTimeoutMs, requestMs: l.requestTimeoutMs }),
  },
  HPE_HEADER_OVERFLOW: {
    status: 431, text: 'Request Header Fields Too Large',
    why: () => finding('CLIENT_WHY_HEADERS'),
  },
}

/**
 * Which answers of one server are still being written, per connection: the receiver asks to hear
 * of an answer that never reached the client, the client-error handler must not cut one short.
 * One per server (made with the app, passed to both), so two apps in one process never share it.
 */
export interface AnswerTracker {
  /** Follows every response of this server until it closes. */
  track (server: Server): void
  /**
   * Calls `fn` once if the connection closes before this response's answer is handed to the OS
   * (client reset or gone, write error); never when it is written. Register before sending.
   */
  whenNotWritten (res: ServerResponse, fn: () => void): void
  /** Responses on this socket, to requests received whole, not yet closed. */
  pendingOn (socket: Socket): ServerResponse[]
}

export function createAnswerTracker (): AnswerTracker {
  /** Answers not yet fully written, per connection: a parse error after them must not replace them. */
  const inFlight = new WeakMap<Socket, Map<ServerResponse, IncomingMessage>>()
  /**
   * Per response still open: what to do if its answer never reaches the socket. A Map, emptied by
   * each response's close (Node always emits it): a WeakMap kept every entry until a major GC, as
   * responses awaiting the capture's fsync outlive the young generation, and grew costly per set.
   */
  const ifNotWritten = new Map<ServerResponse, () => void>()
  return {
    track (server) {
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        // The request's socket: a pipelined response gets its own (res.socket) only when its turn comes.
        const socket = req.socket
        const map = inFlight.get(socket) ?? new Map<ServerResponse, IncomingMessage>()
        inFlight.set(socket, map)
        map.set(res, req)
        // The one listener per response: it also tells whether the answer was written.
        res.once('close', () => {
          map.delete(res)
          const fn = ifNotWritten.get(res)
          if (fn === undefined) return
          ifNotWritten.delete(res)
          if (notWritten(res)) fn()
        })
      })
    },
    whenNotWritten (res, fn) {
      if (res.closed) fn()
      // Only a response tracked above is ever closed here (not one from app.inject, say): no entry stays behind.
      else if (res.req && inFlight.get(res.req.socket)?.has(res) === true) ifNotWritten.set(res, fn)
    },
    pendingOn (socket) {
      return [...(inFlight.get(socket) ?? [])].filter(([, req]) => req.complete).map(([res]) => res)
    },
  }
}

/**
 * Node nulls res.socket when the answer's last byte is handed to the OS ('finish'); a response
 * closed with its socket still attached never got there. writableFinished alone is not enough:
 * an end() on a socket destroyed a moment earlier sets it although nothing was written.
 */
function notWritten (res: ServerResponse): boolean {
  return !res.writableFinished || res.socket != null
}

/**
 * Requests that never become a request (timeouts, broken HTTP) never reach the receiver, so they
 * are logged here as a warning, with the cause: the default handler logs them at trace level only.
 */
export function createClientErrorHandler (l: Limits, answers: AnswerTracker) {
  return function onClientError (this: FastifyInstance, err: Error & { code?: string }, socket: Socket): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return
    const known = err.code !== undefined ? ANSWERS[err.code] : undefined
    const status = known?.status ?? 400
    const text = known?.text ?? 'Bad Request'
    const why = known?.why(l) ?? finding('CLIENT_WHY_BAD_HTTP', { code: err.code ?? 'parse error', detail: err.message })
    const [coded, msg] = logFinding(finding('CLIENT_CLOSED', { address: socket.remoteAddress ?? 'unknown', status, why }))
    this.log.warn({ clientError: { code: err.code, remoteAddress: socket.remoteAddress }, ...coded }, msg)
    const body = JSON.stringify({ error: text, message: render(why), statusCode: status })
    // A delivery parsed before the bad bytes is being answered (and recorded) right now: that answer
    // goes out as recorded, then the connection closes; the bad bytes get none (the record stays true).
    // (Only requests received whole: a stalled body is this error's own request, answered below.)
    const pending = answers.pendingOn(socket)
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
