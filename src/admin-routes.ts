import { timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { CaptureStore } from './capture/record.js'

export interface AdminOptions { store: CaptureStore; adminToken: string | undefined }

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/** Only the callback path belongs on a tunnel: inspection routes answer loopback, or a caller with ADMIN_TOKEN. */
export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, opts) => {
  app.addHook('onRequest', async (req, reply) => {
    const presented = req.headers['x-admin-token']
    if (opts.adminToken && typeof presented === 'string' && tokenEquals(presented, opts.adminToken)) return
    // Through a tunnel the socket peer is the local agent, so a forwarding header also means "remote".
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined
    if (LOOPBACK.has(req.socket.remoteAddress ?? '') && !forwarded) return
    return reply.code(403).send({ error: 'admin routes answer only on loopback; set ADMIN_TOKEN and send it as the x-admin-token header to use them remotely' })
  })
  app.get('/healthz', async () => ({ ok: true }))
  app.get<{ Querystring: { limit?: string; errcode?: string } }>('/_captures', async (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50) || 50, 1000)
    const errcode = req.query.errcode === undefined ? undefined : Number(req.query.errcode)
    return (await opts.store.list({ limit, errcode })).map(r => ({ id: r.id, receivedAt: r.receivedAt, wxnontaxstr: r.wxnontaxstr, test: r.test, errcode: r.answer.body.errcode }))
  })
  app.get<{ Params: { id: string } }>('/_captures/:id', async (req, reply) => {
    const r = await opts.store.get(req.params.id)
    return r ?? reply.code(404).send({ error: `no capture ${req.params.id}` })
  })
}

function tokenEquals (a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
