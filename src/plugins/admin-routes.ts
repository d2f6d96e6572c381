import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { CaptureStore } from '../capture/record.js'
import { render } from '../messages/render.js'

export interface AdminOptions {
  store: CaptureStore
  adminToken: string | undefined
  /**
   * 'loopback' (the inspector's listener, bound to 127.0.0.1): a loopback caller without forwarding
   * headers, or one with the token. 'token' (the receiver's port, which a tunnel reaches): the
   * token only, since a plain TCP forwarder (ssh -R, ngrok tcp, socat) makes every caller loopback.
   */
  access?: 'loopback' | 'token'
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
export const ADMIN_REFUSAL = render({ code: 'ADMIN_REFUSED' })

/**
 * /_captures: only the callback path belongs on a tunnel, so these answer on the loopback-only
 * inspector listener, or a caller that presents ADMIN_TOKEN. Self-contained (its options are all it
 * needs) and encapsulated, so its guard covers only its own routes on whichever instance registers it.
 */
export const adminRoutes = fp<AdminOptions>(async (app, opts) => {
  const tokenMatches = tokenMatcher(opts.adminToken)
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const presented = req.headers['x-admin-token']
    if (typeof presented === 'string' && tokenMatches(presented)) return
    if (opts.access === 'token') return reply.code(403).send({ error: ADMIN_REFUSAL })
    // Through a tunnel the socket peer is the local agent, so a forwarding header also means "remote".
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined
    if (LOOPBACK.has(req.socket.remoteAddress ?? '') && !forwarded) return
    return reply.code(403).send({ error: ADMIN_REFUSAL })
  })
  app.get<{ Querystring: { limit?: string; errcode?: string } }>('/_captures', async (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50) || 50, 1000)
    const errcode = req.query.errcode === undefined ? undefined : Number(req.query.errcode)
    return (await opts.store.list({ limit, errcode })).map(r => ({ id: r.id, receivedAt: r.receivedAt, wxnontaxstr: r.wxnontaxstr, test: r.test, errcode: r.answer.body.errcode }))
  })
  app.get<{ Params: { id: string } }>('/_captures/:id', async (req, reply) => {
    const r = await opts.store.get(req.params.id)
    return r ?? reply.code(404).send({ error: `no capture ${req.params.id}` })
  })
}, { name: 'nontax-admin-routes', fastify: '5.x', encapsulate: true })

/**
 * Compares in constant time whatever the lengths: both sides are reduced to an HMAC under a key
 * drawn per process, so neither the comparison nor an early length check reveals the token.
 * No token configured: nothing matches.
 */
export function tokenMatcher (expected: string | undefined): (presented: string) => boolean {
  if (!expected) return () => false
  const key = randomBytes(32)
  const digest = (s: string) => createHmac('sha256', key).update(s).digest()
  const want = digest(expected)
  return presented => timingSafeEqual(digest(presented), want)
}

/** The receiver's health check: open to everyone (a tunnel's probe), and says nothing but "ok". */
export const healthRoute = fp(async (app) => {
  app.get('/healthz', async () => ({ ok: true }))
}, { name: 'nontax-health-route', fastify: '5.x', encapsulate: true })
