import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { FastifyBaseLogger } from 'fastify'
import { Agent } from 'undici'
import type { CryptoProfile } from '../protocol/profile.js'
import { runTrigger, shownUrl, testsFor } from './deliveries.js'
import type { MockRequest } from './mock-route.js'
import type { Fixtures, MockApi } from './payload.js'
import type { Overrides } from '../payload/overrides.js'
import type { DeliveryReport, TriggerSummary } from './report.js'

export interface TriggerStart { triggerId: string; api: MockApi; appid: string; url: string; version: number; deliveries: number }

export interface EmulatorEvents {
  /** A mocknotification was accepted; its deliveries follow. */
  trigger: [TriggerStart]
  /** One delivery was answered (or failed). */
  report: [DeliveryReport]
  /** All deliveries of one trigger are done. */
  'trigger-done': [TriggerSummary]
}

export interface RunnerOptions {
  profile: CryptoProfile
  now: () => number
  timeoutMs: number
  insecureTls: boolean
  fixtures: Fixtures
  log: FastifyBaseLogger
  retryDelaysMs?: number[]
  overrides?: Overrides
}

/** Kept in memory per list; the oldest go first. */
const MAX_KEPT = 1000

export function keep<T> (list: T[], item: T): void {
  list.push(item)
  if (list.length > MAX_KEPT) list.shift()
}

/** Runs accepted triggers in the background and keeps their reports; close() aborts what is still in flight. */
export function createTriggerRunner (o: RunnerOptions) {
  const dispatcher = new Agent({ headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, connect: { timeout: o.timeoutMs, ...(o.insecureTls ? { rejectUnauthorized: false } : {}) } })
  const closing = new AbortController()
  const inflight = new Set<Promise<void>>()
  const reports: DeliveryReport[] = []
  const triggers: TriggerSummary[] = []
  const events = new EventEmitter<EmulatorEvents>()
  const deps = { profile: o.profile, now: o.now, dispatcher, timeoutMs: o.timeoutMs, fixtures: o.fixtures, signal: closing.signal, retryDelaysMs: o.retryDelaysMs, overrides: o.overrides }

  function start (m: MockRequest): void {
    const triggerId = randomUUID()
    events.emit('trigger', { triggerId, api: m.api, appid: m.account.appid, url: shownUrl(m.url, m.account.secrets), version: m.version, deliveries: testsFor(m.version).length })
    const onReport = (r: DeliveryReport) => {
      keep(reports, r)
      o.log.info({ triggerId, index: r.index, test: r.test, errcode: r.answer?.errcode, ok: r.ok }, 'emulated delivery answered')
      events.emit('report', r)
    }
    const p = runTrigger({ triggerId, api: m.api, secrets: m.account.secrets, url: m.url, version: m.version }, deps, onReport)
      .then(summary => {
        keep(triggers, summary)
        events.emit('trigger-done', summary)
      })
      // Only a throwing event listener gets here; keep it from becoming an unhandled rejection.
      .catch((err: unknown) => o.log.error({ err, triggerId }, 'emulator event listener failed'))
      .finally(() => inflight.delete(p))
    inflight.add(p)
  }

  async function close (): Promise<void> {
    closing.abort()
    await Promise.allSettled([...inflight])
    await dispatcher.close()
  }

  return { start, close, events, reports, triggers }
}
