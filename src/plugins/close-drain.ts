import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { Server as TlsServer } from 'node:tls'
import fp from 'fastify-plugin'

/**
 * What a graceful close waits for, and what it does not.
 * - A delivery whose request arrived complete is in flight: it is answered and recorded.
 * - A connection without a complete request (idle keep-alive, headers or body still arriving) is
 *   closed at once: once the server closes, Node stops checking HEADERS_TIMEOUT_MS and
 *   REQUEST_TIMEOUT_MS, so a stalled client would otherwise hold the exit until the deadline.
 * - Every answer sent while closing says `Connection: close`, so Node ends that socket right after
 *   it instead of keeping it for KEEP_ALIVE_TIMEOUT_MS.
 */
export const closeDrain = fp(async (app) => {
  let closing = false
  const sockets = new Set<Socket>()
  const inFlight = new Map<Socket, IncomingMessage>()
  const onConnection = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => { sockets.delete(socket); inFlight.delete(socket) })
  }
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    inFlight.set(req.socket, req)
    res.once('finish', () => { if (inFlight.get(req.socket) === req) inFlight.delete(req.socket) })
  }
  // TLS sockets (what requests arrive on) are announced by secureConnection, plain ones by connection.
  const connectionEvent = app.server instanceof TlsServer ? 'secureConnection' : 'connection'
  app.server.on(connectionEvent, onConnection)
  app.server.on('request', onRequest)

  app.addHook('preClose', async () => {
    closing = true
    for (const socket of sockets) {
      if (inFlight.get(socket)?.complete !== true) socket.destroy()
    }
  })
  app.addHook('onClose', async () => {
    app.server.off(connectionEvent, onConnection)
    app.server.off('request', onRequest)
  })
  // Callback style: this runs on every answer, and an async hook costs a promise each time.
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
}, { name: 'nontax-close-drain', fastify: '5.x' })
