import { readFileSync } from 'node:fs'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Logger } from 'pino'
import { adminRoutes } from './admin-routes.js'
import { createMemoryStore } from './capture/memory-store.js'
import type { CaptureStore } from './capture/record.js'
import { ConfigError, type Config } from './config.js'
import { registerHardening } from './hardening/register.js'
import { hardenedServerOptions } from './hardening/server-options.js'
import { createLogger } from './log/logger.js'
import type { CryptoProfile } from './protocol/profile.js'
import { createProfile } from './profiles/create.js'
import { watchFailedDeliveries } from './profiles/discover/background.js'
import { createDeliveryEvents, type DeliveryEvents } from './receiver/events.js'
import { receiverPlugin } from './receiver/plugin.js'
import type { Forwarder } from './forward/types.js'

export interface AppDeps {
  store: CaptureStore
  profile: CryptoProfile
  now: () => number
  events: DeliveryEvents
  logger: Logger
  /** Forward mode (serve --forward-to): the user's handler answers, we record, grade and relay. */
  forward: Forwarder
}

export interface NontaxContext {
  config: Config; store: CaptureStore; events: DeliveryEvents; profile: CryptoProfile
  /** Background discovery of failed deliveries (docs/PROTOCOL.md §7.4); settled() once their hints are out. */
  profileHints: { settled (): Promise<void> }
}

declare module 'fastify' {
  interface FastifyInstance { nontax: NontaxContext }
}

/** Builds the receiver app; never listens (server.ts does), so tests drive it on port 0. */
export async function buildApp (config: Config, deps: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  const store = deps.store ?? createMemoryStore(config.limits.maxCapturesInMemory)
  const events = deps.events ?? createDeliveryEvents()
  const profile = deps.profile ?? createProfile(config.profile)
  const now = deps.now ?? Date.now
  const options: FastifyServerOptions & { https?: { cert: Buffer; key: Buffer } } = {
    loggerInstance: deps.logger ?? createLogger(config),
    // One record per delivery is logged by the receiver itself; Fastify's per-request lines would double it.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.limits.bodyLimitBytes,
    requestTimeout: config.limits.requestTimeoutMs,
    keepAliveTimeout: config.limits.keepAliveTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...hardenedServerOptions(config.limits, config.tls ? readTls(config.tls) : undefined),
  }
  const app = Fastify(options) as unknown as FastifyInstance
  app.server.headersTimeout = config.limits.headersTimeoutMs
  const profileHints = watchFailedDeliveries({ events, profile, secrets: config.secrets, log: app.log })
  app.decorate('nontax', { config, store, events, profile, profileHints })
  await registerHardening(app, config)
  await app.register(receiverPlugin, { notifyPath: config.notifyPath, secrets: config.secrets, profile, store, events, now, ...(deps.forward ? { forward: deps.forward } : {}) })
  await app.register(adminRoutes, { store, adminToken: config.adminToken })
  app.addHook('onClose', async () => { profileHints.close(); await store.close() })
  return app
}

function readTls (tls: { certFile: string; keyFile: string }) {
  try {
    return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }
  } catch (err) {
    throw new ConfigError([`TLS_CERT_FILE/TLS_KEY_FILE cannot be read (${(err as Error).message}); run "npm run certs" to write a self-signed pair into certs/`])
  }
}
