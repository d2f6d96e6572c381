import { EventEmitter } from 'node:events'
import { Client, request } from 'undici'
import { describe, expect, it } from 'vitest'
import { createSessionTally } from '../../src/cli/shutdown.js'
import { readCaptures, startServeChild, startSplitDelivery } from './child-serve.js'
import { paymentDelivery } from './helpers.js'

const IN_FLIGHT = 5

describe('graceful shutdown of npm run serve', () => {
  it('on SIGTERM refuses new connections, answers and records every in-flight delivery, prints the session, exits 0', async () => {
    const srv = await startServeChild()
    const warmup = paymentDelivery(srv.secrets)
    const res = await request(srv.url + '?' + new URLSearchParams(warmup.query).toString(), { method: 'POST', headers: { 'content-type': warmup.contentType }, body: warmup.body })
    expect((await res.body.json() as { errcode: number }).errcode).toBe(0)

    const deliveries = Array.from({ length: IN_FLIGHT }, () => paymentDelivery(srv.secrets))
    const inFlight = deliveries.map(d => startSplitDelivery(srv.url, d))
    await Promise.all(inFlight.map(f => f.started))
    srv.child.kill('SIGTERM')
    await srv.waitFor(/SIGTERM received: no new connections/)
    const late = paymentDelivery(srv.secrets)
    // A fresh connection: the listening socket is closed, so it is refused, never answered.
    const fresh = new Client(new URL(srv.url).origin)
    const lateOutcome = await fresh.request({ path: new URL(srv.url).pathname + '?' + new URLSearchParams(late.query).toString(), method: 'POST', body: late.body })
      .then(r => r.statusCode, (err: { code?: string }) => err.code)
    // Refused, or reset when it raced the close of the listening socket, or 503 (return503OnClosing): never 0.
    expect(['ECONNREFUSED', 'ECONNRESET', 503]).toContain(lateOutcome)
    await fresh.destroy()
    for (const f of inFlight) f.finish()
    const answers = await Promise.all(inFlight.map(f => f.answer))
    const answeredAt = Date.now()
    expect(await srv.exited).toEqual({ code: 0, signal: null })
    // Answers during the close carry Connection: close, so the exit does not wait out KEEP_ALIVE_TIMEOUT_MS (5 s).
    expect(Date.now() - answeredAt).toBeLessThan(3000)
    for (const a of answers) {
      expect(a.status).toBe(200)
      expect(JSON.parse(a.body)).toMatchObject({ errcode: 0 })
    }
    const recorded = new Map(readCaptures(srv.captureDir).map(r => [r.wxnontaxstr, r.answer.body.errcode]))
    for (const d of [warmup, ...deliveries]) expect(recorded.get(d.query.wxnontaxstr)).toBe(0)
    expect(recorded.has(late.query.wxnontaxstr)).toBe(false)
    expect(srv.stdout()).toContain(`session: ${IN_FLIGHT + 1} deliveries received (${IN_FLIGHT + 1} answered errcode 0)`)
  })

  it('Ctrl-C twice (a second SIGINT) forces the exit (1) while a delivery is still stalled', async () => {
    const srv = await startServeChild()
    const stalled = startSplitDelivery(srv.url, paymentDelivery(srv.secrets))
    await stalled.started
    srv.child.kill('SIGINT')
    await srv.waitFor(/SIGINT received: no new connections/)
    const t0 = Date.now()
    srv.child.kill('SIGINT')
    expect(await srv.exited).toEqual({ code: 1, signal: null })
    // The stalled request would hold a graceful close for REQUEST_TIMEOUT_MS (10 s): the exit did not wait.
    expect(Date.now() - t0).toBeLessThan(3000)
    expect(srv.stdout()).toContain('second SIGINT: exiting now (exit 1)')
    expect(await stalled.answer).toMatchObject({ status: 0 })
  })
})

describe('session tally', () => {
  it('counts the deliveries answered this session by errcode', () => {
    const events = new EventEmitter()
    const tally = createSessionTally(events)
    expect(tally.summary()).toBe('session: no deliveries received')
    for (const errcode of [0, 300, 0]) events.emit('delivery', { answer: { status: 200, body: { errcode } } })
    expect(tally.summary()).toBe('session: 3 deliveries received (2 answered errcode 0, 1 answered errcode 300)')
    tally.stop()
    events.emit('delivery', { answer: { status: 200, body: { errcode: 0 } } })
    expect(tally.total).toBe(3)
  })
})
