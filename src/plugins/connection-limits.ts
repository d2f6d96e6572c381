import { createServer as createHttpServer, type Server, type ServerOptions } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { FastifyServerOptions } from 'fastify'
import type { Config } from '../config.js'
import { createAnswerTracker, createClientErrorHandler, type AnswerTracker } from './client-errors.js'

export type Limits = Config['limits']
export interface TlsPair { cert: Buffer; key: Buffer }

/**
 * How often Node checks headersTimeout/requestTimeout. Node's default is 30 s, which would let a
 * stalled client hold a socket up to 30 s past HEADERS_TIMEOUT_MS; a quarter of the shorter
 * timeout (50 ms..1 s) keeps the cut-off within 25% of the configured value at negligible cost.
 */
export function connectionsCheckingIntervalMs (l: Pick<Limits, 'headersTimeoutMs' | 'requestTimeoutMs'>): number {
  return Math.min(1000, Math.max(50, Math.floor(Math.min(l.headersTimeoutMs, l.requestTimeoutMs) / 4)))
}

/**
 * Requests per keep-alive connection: no limit (Node's 0). Past a limit Node only asks the client
 * to close, and answers every further request on that connection with its own bare 503, which
 * never reaches the receiver, so it is neither an errcode nor a record; a client that keeps its
 * connection (a load generator, a proxy's pool) would lose deliveries silently. Idle connections
 * still close after KEEP_ALIVE_TIMEOUT_MS; WeChat opens a connection per delivery anyway.
 */
export const MAX_REQUESTS_PER_SOCKET = 0

/** Every limit Node enforces on a connection, in one object; the http and https servers get the same. */
export function nodeServerOptions (l: Limits): ServerOptions {
  return {
    headersTimeout: l.headersTimeoutMs,
    requestTimeout: l.requestTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingIntervalMs(l),
  }
}

/**
 * The one place where every connection limit is set: Node's timeouts, keep-alive, requests per
 * socket and the TLS handshake bound on the server Fastify runs on, the body limit in Fastify.
 * The server is built here (serverFactory) so Fastify's own defaults never override a limit, and
 * so http and https give the same instance type (https.Server is an http.Server). `answers` follows
 * this server's answers for the receiver (buildApp passes the same tracker to both).
 */
export function connectionLimits (l: Limits, tls?: TlsPair, answers: AnswerTracker = createAnswerTracker()): FastifyServerOptions {
  return {
    bodyLimit: l.bodyLimitBytes,
    // While closing: new requests on open connections get 503; idle connections close at once.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    clientErrorHandler: createClientErrorHandler(l, answers),
    serverFactory: (handler): Server => {
      const server = tls
        // A peer that never finishes the TLS handshake is a stalled client too.
        ? createHttpsServer({ ...nodeServerOptions(l), ...tls, handshakeTimeout: l.headersTimeoutMs }, handler)
        : createHttpServer(nodeServerOptions(l), handler)
      server.maxRequestsPerSocket = MAX_REQUESTS_PER_SOCKET
      answers.track(server)
      return server
    },
  }
}
