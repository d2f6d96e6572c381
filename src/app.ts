import Fastify, { LogController, type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { createMemoryStore } from './capture/memory-store.js'
import type { CaptureStore } from './capture/record.js'
import type { Config } from './config.js'
import type { Forwarder } from './forward/types.js'
import { lazyChildLogger } from './log/lazy-child.js'
import { createLogger } from './log/logger.js'
import { adminRoutes, healthRoute } from './plugins/admin-routes.js'
import { closeDrain } from './plugins/close-drain.js'
import { createAnswerTracker } from './plugins/client-errors.js'
import { connectionLimits } from './plugins/connection-limits.js'
import { nontaxContext } from './plugins/context.js'
import { notFound } from './plugins/not-found.js'
import { errorHandler } from './plugins/error-handler.js'
import { overloadGuard } from './plugins/overload-guard.js'
import type { CryptoProfile } from './protocol/profile.js'
import { createProfile } from './profiles/create.js'
import { watchFailedDeliveries } from './profiles/discover/background.js'
import type { SearchThread } from './profiles/discover/search-thread.js'
import { readTls } from './tls/read.js'
import { createDeliveryEvents, type DeliveryEvents } from './receiver/events.js'
import { receiverPlugin } from './receiver/plugin.js'

export type { NontaxContext } from './plugins/context.js'

export interface AppDeps {
  store: CaptureStore
  profile: CryptoProfile
  now: () => number
  events: DeliveryEvents
  logger: Logger
  /** Forward mode (serve --forward-to): the user's handler answers, we record, grade and relay. */
  forward: Forwarder
  /** The worker thread of background discovery (tests hold its searches). */
  searchThread: SearchThread
}

/** Builds the receiver app; never listens (server.ts does), so tests drive it on port 0. */
export async function buildApp (config: Config, deps: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  const store = deps.store ?? createMemoryStore(config.limits.maxCapturesInMemory)
  const events = deps.events ?? createDeliveryEvents()
  const profile = deps.profile ?? createProfile(config.profile)
  const answers = createAnswerTracker()
  const app = Fastify({
    loggerInstance: deps.logger ?? createLogger(config),
    // One record per delivery is logged by the receiver itself; Fastify's per-request lines would double it.
    logController: new LogController({ disableRequestLogging: true }),
    // req.log is made only when a request logs something (src/log/lazy-child.ts).
    childLoggerFactory: lazyChildLogger,
    ...connectionLimits(config.limits, config.tls ? readTls(config.tls, config.lang) : undefined, answers),
  })
  // Background discovery of failed deliveries (docs/PROTOCOL.md §7.4), logged through the app's logger.
  const profileHints = watchFailedDeliveries({ events, profile, secrets: config.secrets, log: app.log, ...(deps.searchThread ? { thread: deps.searchThread } : {}) })
  // Root-level first, so every route below inherits their hooks.
  await app.register(nontaxContext, { config, store, events, profile, profileHints })
  await app.register(errorHandler)
  await app.register(notFound, { notifyPath: config.notifyPath })
  await app.register(overloadGuard, { notifyPath: config.notifyPath, maxEventLoopDelayMs: config.limits.maxEventLoopDelayMs })
  await app.register(closeDrain)
  await app.register(receiverPlugin, { notifyPath: config.notifyPath, secrets: config.secrets, profile, store, events, answers, now: deps.now ?? Date.now, ...(deps.forward ? { forward: deps.forward } : {}) })
  await app.register(healthRoute)
  // The receiver's port is what a tunnel reaches: admin routes only with ADMIN_TOKEN, never for
  // "loopback" (through a forwarder everyone is). Without a token they live on the inspector only.
  if (config.adminToken) await app.register(adminRoutes, { store, adminToken: config.adminToken, access: 'token' })
  return app
}
