import Fastify from 'fastify'
import { pino } from 'pino'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { overloadGuard } from '../../src/plugins/overload-guard.js'
import { listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'

const NOTIFY = '/nontax/notify'

/** The guard alone on a bare Fastify, with a counter showing whether a request reached its handler. */
async function guarded () {
  const sink = logSink()
  const app = Fastify({ loggerInstance: pino({ level: 'warn' }, sink.stream) })
  await app.register(overloadGuard, { notifyPath: NOTIFY, maxEventLoopDelayMs: 10 })
  let handled = 0
  app.post(NOTIFY, async () => { handled++; return { errcode: 0, errmsg: 'ok' } })
  app.get('/other', async () => { handled++; return { ok: true } })
  const base = await listenLoopback(app)
  return { app, base, sink, handled: () => handled }
}

/** Resolves on the first loop turn where cond holds; the test's own timeout bounds it, not a clock here. */
async function until (cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise(resolve => setImmediate(resolve))
}

const post = async (base: string) => {
  const res = await request(base + NOTIFY, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  return { status: res.statusCode, retryAfter: res.headers['retry-after'], json: await res.body.json() as Record<string, unknown> }
}

describe('overload guard plugin (bare Fastify)', () => {
  it('under event-loop lag sheds every request before its handler: 503 + errcode 299 on the notify path, a plain 503 elsewhere; serves again once the lag ends', async () => {
    const { app, base, sink, handled } = await guarded()
    // Every loop turn blocks 40 ms against a 10 ms limit: every lag sample is over the limit, however
    // busy the machine is (a busier machine only lags more). Pressure is certain, not timing luck.
    let blocking = true
    const block = () => { if (blocking) { const end = performance.now() + 40; while (performance.now() < end); setImmediate(block) } }
    block()
    try {
      await until(() => app.isUnderPressure())
      const burst = await Promise.all(Array.from({ length: 6 }, () => post(base)))
      const other = await request(base + '/other')
      for (const res of burst) {
        expect(res).toEqual({ status: 503, retryAfter: '5', json: { errcode: 299, errmsg: 'system error: receiver overloaded; WeChat will retry' } })
      }
      expect(other.statusCode).toBe(503)
      expect(await other.body.json()).toEqual({ error: 'receiver overloaded; retry in a few seconds' })
    } finally {
      blocking = false
    }
    expect(handled()).toBe(0)
    const warnings = sink.lines().filter(l => String(l.msg).includes('receiver overloaded'))
    expect(warnings.length).toBeGreaterThanOrEqual(7)
    expect(warnings[0]).toMatchObject({ level: 40, overload: { type: 'eventLoopDelay', path: NOTIFY } })

    // Recovery is judged by what a caller sees: a busy machine may lag past 10 ms now and then, so
    // the test retries (each retry is one more loop turn) until a request is served, never on a clock.
    let after = await post(base)
    while (after.status === 503) after = await post(base)
    expect(after).toEqual({ status: 200, retryAfter: undefined, json: { errcode: 0, errmsg: 'ok' } })
    expect(handled()).toBe(1)
  })

  it('is named, so an app can depend on it, and registers under-pressure at the root', async () => {
    const app = Fastify()
    await app.register(overloadGuard, { notifyPath: NOTIFY, maxEventLoopDelayMs: 1000 })
    await app.ready()
    expect(app.hasPlugin('nontax-overload-guard')).toBe(true)
    expect(typeof app.isUnderPressure).toBe('function')
    await app.close()
  })
})
