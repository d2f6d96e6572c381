import type { EventEmitter } from 'node:events'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import type { ApiCallRecord, EmulatorAccount, RouteContext } from './context.js'
import { registerMockRoute } from './mock-route.js'
import { loadFixtures } from './payload.js'
import type { Overrides } from '../payload/overrides.js'
import type { DeliveryReport, TriggerSummary } from './report.js'
import { createTokenStore } from './token-store.js'
import { registerTokenRoutes } from './token-routes.js'
import { createTriggerRunner, keep, type EmulatorEvents } from './trigger-runner.js'
import { wxError } from './wx-errors.js'

export type { EmulatorEvents, TriggerStart } from './trigger-runner.js'
export type { DeliveryReport, DeliveryTest, TriggerSummary } from './report.js'
export type { ApiCallRecord } from './context.js'

export interface EmulatorOptions {
  accounts: Array<{ appid: string; appsecret: string; secrets: Secrets }>
  profile: CryptoProfile
  now?: () => number
  /** Default false. Fastify's per-request lines stay off (they would show access_token in URLs); the emulator logs its own. */
  logger?: FastifyServerOptions['logger'] | false
  tokenTtlS?: number
  /** When set, callers whose IP is not listed get 40164. */
  ipWhitelist?: string[]
  deliveryTimeoutMs?: number
  /** Accept the receiver's self-signed certificate (https callback on loopback). */
  insecureTls?: boolean
  /** Retry a delivery not answered 0 after each of these waits, as WeChat does (default: no retries). */
  retryDelaysMs?: number[]
  /** The user's own payload fields (--set, --set-file) in every delivery. */
  payload?: Overrides
}

export interface EmulatorHandle {
  events: EventEmitter<EmulatorEvents>
  reports (): DeliveryReport[]
  triggers (): TriggerSummary[]
  calls (): ApiCallRecord[]
  /** Expire every issued token: the next API call with one answers 42001. */
  expireTokens (): void
  /** Replace the IP whitelist (undefined: everyone allowed), e.g. a token fetched elsewhere, used from here. */
  setIpWhitelist (ips: string[] | undefined): void
}

export type EmulatorInstance = FastifyInstance & { emulator: EmulatorHandle }

export const DEFAULT_TOKEN_TTL_S = 7200
export const DEFAULT_DELIVERY_TIMEOUT_MS = 5000

/** The WeChat back end, played locally. Never listens: the caller does listen({ port: 0, host: '127.0.0.1' }). */
export async function buildEmulator (o: EmulatorOptions): Promise<EmulatorInstance> {
  for (const a of o.accounts) {
    if (a.secrets.appid !== a.appid) throw new Error(`emulator account ${a.appid}: secrets.appid "${a.secrets.appid}" must equal appid (the appid is sealed into every ciphertext)`)
  }
  const now = o.now ?? Date.now
  const app: FastifyInstance = Fastify({ logger: o.logger ?? false, logController: new LogController({ disableRequestLogging: true }) })
  const runner = createTriggerRunner({
    profile: o.profile, now, timeoutMs: o.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS, insecureTls: o.insecureTls === true, fixtures: await loadFixtures(), log: app.log,
    retryDelaysMs: o.retryDelaysMs, overrides: o.payload,
  })
  const calls: ApiCallRecord[] = []
  const ctx: RouteContext = {
    accounts: new Map<string, EmulatorAccount>(o.accounts.map(a => [a.appid, a])),
    tokens: createTokenStore(now, o.tokenTtlS ?? DEFAULT_TOKEN_TTL_S),
    ipWhitelist: o.ipWhitelist,
    now,
    recordCall: (method, path, errcode) => {
      keep(calls, { method, path, errcode, at: new Date(now()).toISOString() })
      app.log.info({ method, path, errcode }, 'emulated WeChat API call')
    },
  }

  // WeChat parses bodies itself and answers 44002/47001, so keep the bytes and decide in the routes.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  // A crash here answers like WeChat's "system busy", which clients must handle anyway.
  app.setErrorHandler(async (err, req, reply) => {
    req.log.error({ err }, 'emulator route failed')
    return reply.code(200).send(wxError(-1))
  })
  // Fastify's own 404 line would log the URL with its access_token; answer without the query instead.
  app.setNotFoundHandler(async (req, reply) => reply.code(404).send({ errcode: 404, errmsg: `the emulator serves no ${req.method} ${req.url.split('?')[0] ?? ''}` }))
  registerTokenRoutes(app, ctx)
  registerMockRoute(app, ctx, runner.start)
  app.get('/_emulator/reports', async () => ({ reports: runner.reports, triggers: runner.triggers }))
  app.addHook('onClose', runner.close)

  const handle: EmulatorHandle = {
    events: runner.events,
    reports: () => [...runner.reports],
    triggers: () => [...runner.triggers],
    calls: () => [...calls],
    expireTokens: () => ctx.tokens.expireAll(),
    setIpWhitelist: (ips) => { ctx.ipWhitelist = ips },
  }
  app.decorate('emulator', handle)
  return app as EmulatorInstance
}
