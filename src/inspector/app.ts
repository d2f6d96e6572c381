import type { Lang } from '../messages/types.js'
import type { EventEmitter } from 'node:events'
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { Dispatcher } from 'undici'
import { adminRoutes } from '../plugins/admin-routes.js'
import type { CaptureStore } from '../capture/record.js'
import { render } from '../messages/render.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import type { Verdict } from '../verdict/verdict.js'
import { registerActions } from './actions.js'
import { registerGuards } from './guard.js'
import { createLiveFeed, type LiveFeed } from './live.js'
import { pageLangOf } from './page-lang.js'
import { registerPageFiles } from './static-files.js'
import { toDetail, toRow } from './summary.js'

export interface InspectorOptions {
  /** The run's language: the page says it in <html data-lang> (the browser's language decides otherwise). */
  lang?: Lang
  store: CaptureStore
  /** The receiver's event sink: 'delivery' with each recorded CaptureRecord. */
  events: EventEmitter
  secrets: Secrets
  profile: CryptoProfile
  logger?: Logger
  adminToken?: string | undefined
  now?: () => number
  dispatcher?: Dispatcher
}

export interface Inspector {
  app: FastifyInstance
  feed: LiveFeed
  /** The receiver this run listens on: the default target of replays and edits. */
  setReceiverUrl (url: string): void
  /** The verdict of the current `npm start` run, shown at the top of the page. */
  setVerdict (v: Verdict): void
}

const LIST_LIMIT = 500

/** The second listener: its own Fastify instance, never the receiver's; start.ts binds it to 127.0.0.1. */
export async function buildInspector (o: InspectorOptions): Promise<Inspector> {
  const app = Fastify({
    ...(o.logger ? { loggerInstance: o.logger.child({ component: 'inspector' }) } : { logger: false }),
    // Re-verify bodies carry typed secrets: no per-request line, no body is ever logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
  }) as unknown as FastifyInstance
  const feed = createLiveFeed(o.events)
  let verdict: Verdict | undefined
  let receiverUrl: string | undefined
  registerGuards(app, o.lang)
  registerPageFiles(app, o.lang)
  app.get<{ Querystring: { errcode?: string; order?: string; kind?: string } }>('/api/captures', async (req) => {
    const errcode = req.query.errcode !== undefined && /^\d+$/.test(req.query.errcode) ? Number(req.query.errcode) : undefined
    const order = req.query.order?.trim() || undefined
    const rows = (await o.store.list({ limit: LIST_LIMIT, errcode, ...(order ? { orderId: order } : {}) })).map(toRow)
    return req.query.kind ? rows.filter(r => r.test === req.query.kind) : rows
  })
  app.get<{ Params: { id: string } }>('/api/captures/:id', async (req, reply) => {
    const r = await o.store.get(req.params.id)
    if (!r) return reply.code(404).send({ error: 'INSPECTOR_NOT_FOUND', message: render({ code: 'INSPECTOR_NOT_FOUND', params: { id: req.params.id } }, pageLangOf(req, o.lang)) })
    return toDetail(r, o.secrets, o.profile, pageLangOf(req, o.lang))
  })
  app.get('/api/verdict', async req => ({ verdict: verdict ?? null, note: verdict ? undefined : render({ code: 'INSPECTOR_NO_VERDICT' }, pageLangOf(req, o.lang)) }))
  app.get('/api/events', async (_req, reply) => {
    reply.hijack()
    feed.subscribe(reply.raw)
  })
  registerActions(app, {
    store: o.store, secrets: o.secrets, profile: o.profile, now: o.now ?? Date.now,
    receiverUrl: () => receiverUrl, ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}), ...(o.lang ? { lang: o.lang } : {}),
  })
  // The admin routes (/_captures) live here too: this listener is loopback-only by construction.
  await app.register(adminRoutes, { store: o.store, adminToken: o.adminToken })
  app.addHook('preClose', async () => { feed.close() })
  return {
    app,
    feed,
    setReceiverUrl: url => { receiverUrl = url },
    setVerdict: v => { verdict = v; feed.broadcast('verdict', v) },
  }
}
