import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { busyWait, paymentDelivery, startReceiver, until } from './helpers.js'

describe('overload: event loop lag past MAX_EVENT_LOOP_DELAY_MS', () => {
  it('answers a burst 503 + errcode 299 without processing it, logs a warning, and serves normally afterwards', async () => {
    const { app, config, base, sink, send } = await startReceiver({ MAX_EVENT_LOOP_DELAY_MS: '10' })
    // Every loop turn blocks 40 ms, so every lag sample is >= 40 ms: pressure is certain, not timing luck.
    let blocking = true
    const block = () => { if (blocking) { busyWait(40); setImmediate(block) } }
    block()
    try {
      await until(() => app.isUnderPressure(), 'under-pressure to see the lag')
      const burst = await Promise.all(Array.from({ length: 12 }, () => send(paymentDelivery(config.secrets))))
      const health = await request(base + '/healthz')
      for (const res of burst) {
        expect(res.status).toBe(503)
        expect(res.headers['retry-after']).toBe('5')
        expect(res.json).toEqual({ errcode: 299, errmsg: expect.stringMatching(/^system error: receiver overloaded \(event loop (delay \d+ ms|blocked through a whole lag sample) > limit 10 ms\); WeChat will retry$/) })
      }
      expect(health.statusCode).toBe(503)
      expect(await health.body.json()).toEqual({ error: expect.stringMatching(/^receiver overloaded \(event loop (delay|blocked)/) })
    } finally {
      blocking = false
    }
    // Shed, not queued: none of the burst reached the handler or the store.
    expect(await app.nontax.store.list()).toEqual([])
    const warnings = sink.lines().filter(l => String(l.msg).includes('receiver overloaded'))
    expect(warnings.length).toBeGreaterThanOrEqual(12)
    expect(warnings[0]).toMatchObject({ level: 40, overload: { type: 'eventLoopDelay', path: config.notifyPath } })

    await until(() => !app.isUnderPressure(), 'the lag to clear')
    const after = await send()
    expect(after.status).toBe(200)
    expect(after.json.errcode).toBe(0)
    expect(await app.nontax.store.list()).toHaveLength(1)
  })
})
