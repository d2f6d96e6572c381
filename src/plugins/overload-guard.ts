import { getHeapStatistics } from 'node:v8'
import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ERRCODE } from '../protocol/errors.js'
import { logFinding } from '../log/pretty-message.js'
import { finding, render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'

export interface OverloadOptions {
  notifyPath: string
  maxEventLoopDelayMs: number
  /** How often the lag is measured; defaults to half the limit (10..1000 ms) so overload is seen within one limit. */
  sampleIntervalMs?: number
  /** Defaults to 90% of V8's heap limit: answer 299 (WeChat retries) rather than crash out of memory. */
  maxHeapUsedBytes?: number
}

/** Seconds a caller is told to wait; WeChat keeps its own retry schedule, other callers may honour it. */
export const OVERLOAD_RETRY_AFTER_S = 5

export function defaultSampleIntervalMs (maxEventLoopDelayMs: number): number {
  return Math.min(1000, Math.max(10, Math.floor(maxEventLoopDelayMs / 2)))
}

export function defaultMaxHeapUsedBytes (): number {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.9)
}

/** The cause in words, e.g. "event loop delay 34 ms > limit 10 ms" (English: it goes on the wire). */
export function describePressure (type: string, value: number | undefined, o: Required<Pick<OverloadOptions, 'maxEventLoopDelayMs' | 'maxHeapUsedBytes'>>): string {
  return render(pressureFinding(type, value, o))
}

/** The cause as a code, so the operator's log reads it in the run's language. */
export function pressureFinding (type: string, value: number | undefined, o: Required<Pick<OverloadOptions, 'maxEventLoopDelayMs' | 'maxHeapUsedBytes'>>): Finding {
  const v = value ?? 0
  if (type === underPressure.TYPE_EVENT_LOOP_DELAY) {
    // Infinity: the loop was blocked through a whole sample interval, so no lag sample completed.
    return Number.isFinite(v) ? finding('PRESSURE_LOOP', { lag: Math.round(v), limit: o.maxEventLoopDelayMs }) : finding('PRESSURE_LOOP_BLOCKED', { limit: o.maxEventLoopDelayMs })
  }
  if (type === underPressure.TYPE_HEAP_USED_BYTES) return finding('PRESSURE_HEAP', { used: mb(v), limit: mb(o.maxHeapUsedBytes) })
  return finding('PRESSURE_OTHER', { type, value: v })
}

/**
 * The notify-path answer under pressure: 299 is "system error", which WeChat retries later. The
 * text is fixed: the load figures (event loop delay, heap) are for the operator's log, not for
 * whoever sends bytes through the tunnel.
 */
export const OVERLOAD_ANSWER = { errcode: ERRCODE.SYSTEM, errmsg: 'system error: receiver overloaded; WeChat will retry' } as const
const OVERLOAD_OTHER = { error: 'receiver overloaded; retry in a few seconds' } as const

/**
 * Sheds load before any work is done for a request when the event loop lags: queued deliveries
 * would otherwise wait until WeChat's own timeout and be retried anyway, after costing CPU here.
 * Not encapsulated (fastify-plugin), and registered before the routes, so it guards every route.
 * @see https://github.com/fastify/under-pressure#readme
 */
export const overloadGuard = fp<OverloadOptions>(async (app, o) => {
  const limits = { maxEventLoopDelayMs: o.maxEventLoopDelayMs, maxHeapUsedBytes: o.maxHeapUsedBytes ?? defaultMaxHeapUsedBytes() }
  const onPressure = (req: FastifyRequest, reply: FastifyReply, type: string, value: number | undefined): void => {
    const why = pressureFinding(type, value, limits)
    const path = req.url.split('?')[0]
    const onNotify = req.routeOptions.url === o.notifyPath
    const [coded, msg] = logFinding(finding(onNotify ? 'OVERLOAD_LOG_NOTIFY' : 'OVERLOAD_LOG', { method: req.method, path, cause: why }))
    req.log.warn({ overload: { type, value, path }, ...coded }, msg)
    // Sent here, so under-pressure sees undefined and Fastify stops at this hook (the reply is sent).
    void reply.code(503).header('retry-after', String(OVERLOAD_RETRY_AFTER_S))
      .send(onNotify ? OVERLOAD_ANSWER : OVERLOAD_OTHER)
  }
  const options: FastifyUnderPressureOptions = {
    maxEventLoopDelay: o.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    sampleInterval: o.sampleIntervalMs ?? defaultSampleIntervalMs(o.maxEventLoopDelayMs),
    pressureHandler: onPressure,
  }
  await app.register(underPressure, options)
}, { name: 'nontax-overload-guard', fastify: '5.x' })

const mb = (bytes: number) => Math.round(bytes / 1_048_576)
