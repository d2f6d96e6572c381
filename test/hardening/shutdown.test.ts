import { EventEmitter } from 'node:events'
import { connect, type Socket } from 'node:net'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { createSessionTally } from '../../src/cli/shutdown.js'
import { deliveryUrl } from '../../src/protocol/delivery.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { readCaptures, startServe, type ServeProcess } from '../helpers/serve-process.js'
import { paymentDelivery } from './helpers.js'

const IN_FLIGHT = 3

/**
 * `npm run serve -- --forward-to <reference handler>` whose handler holds every answer until
 * released: a delivery the handler has seen is complete and in flight inside the server, so the
 * test knows, without a clock, that the shutdown starts with deliveries in flight.
 */
async function serveWithHeldDeliveries () {
  let release = () => {}
  const gate = new Promise<void>(resolve => { release = resolve })
  const handler = await startReferenceHandler({ secrets: { appid: 'wx0123456789abcdef', token: '', encodingAESKey: '' }, alwaysOk: true, gate })
  // Stall timeouts longer than the test's own: only the close itself can cut a stalled client in time.
  const srv = await startServe({ args: ['--forward-to', handler.url], env: { HEADERS_TIMEOUT_MS: '600000', REQUEST_TIMEOUT_MS: '600000' } })
  const deliveries = Array.from({ length: IN_FLIGHT }, () => paymentDelivery(srv.secrets))
  const answers = deliveries.map(d => request(deliveryUrl(srv.url, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
    .then(async r => ({ status: r.statusCode, json: await r.body.json() as { errcode: number } | undefined }), () => ({ status: 0, json: undefined })))
  // Signalled by the handler's route itself: a check on the server's 'request' event (headers only)
  // could run before a late body reached the route, and then never run again.
  await handler.arrived(IN_FLIGHT)
  return { srv, deliveries, answers, release }
}

/** A client that sent its headers and part of its body, then stalls; resolves `closed` when the server ends it. */
function stalledClient (url: string): { socket: Socket; closed: Promise<string> } {
  const u = new URL(url)
  const socket = connect(Number(u.port), u.hostname)
  socket.on('error', () => {})
  let got = ''
  socket.setEncoding('utf8').on('data', (d: string) => { got += d })
  socket.write(`POST ${u.pathname}?wxnontaxstr=stalled HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"encrypt":"`)
  return { socket, closed: new Promise(resolve => socket.once('close', () => resolve(got))) }
}

async function expectGraceful (srv: ServeProcess, held: Awaited<ReturnType<typeof serveWithHeldDeliveries>>) {
  held.release()
  for (const a of await Promise.all(held.answers)) expect(a).toEqual({ status: 200, json: { errcode: 0, errmsg: 'ok' } })
  await srv.gone
  const recorded = new Map(readCaptures(srv.captureDir).map(r => [r.wxnontaxstr, r.answer.body.errcode]))
  for (const d of held.deliveries) expect(recorded.get(d.query.wxnontaxstr)).toBe(0)
  // Cut stalled clients are recorded too (errcode 210): bad input is always recorded.
  expect(srv.output()).toMatch(new RegExp(`session: \\d+ deliveries received \\(${IN_FLIGHT} answered errcode 0`))
  expect(srv.output()).toContain('stopped: every delivery received was answered and recorded (exit 0)')
  expect(srv.output()).not.toMatch(/exit 1|fatal|shutdown error/)
}

describe('graceful shutdown of npm run serve (npm → sh → node)', () => {
  it('SIGTERM to the process group: stalled clients are cut at once, in-flight deliveries answered and on disk, one shutdown, exit 0', async () => {
    const held = await serveWithHeldDeliveries()
    const { srv } = held
    const stalled = [stalledClient(srv.url), stalledClient(srv.url)]
    // Accepted in order: once a later connection is answered, the server holds the stalled ones (a
    // signal sent before that could close the listener on them, and prove nothing about the cut).
    await (await request(new URL('/healthz', srv.url))).body.dump()
    srv.signal('group', 'SIGTERM')
    // Closed while the in-flight deliveries are still held: nothing waits for a stalled client's timeout.
    for (const s of stalled) await s.closed
    await expectGraceful(srv, held)
    expect(srv.output().match(/SIGTERM received/g)).toHaveLength(1)
  })

  it('SIGTERM to npm alone (a container\'s PID 1): npm passes it to its shell only, and the server still closes gracefully', async () => {
    const held = await serveWithHeldDeliveries()
    held.srv.signal('npm', 'SIGTERM')
    await held.srv.waitFor(/the npm script that started this receiver has ended: no new connections/)
    await expectGraceful(held.srv, held)
  })

  it('SIGTERM again while closing (a wrapper passing it on) is the same request: still graceful, exit 0', async () => {
    const held = await serveWithHeldDeliveries()
    held.srv.signal('server', 'SIGTERM')
    // Sent after the first was handled: two kills at once may merge into one pending signal in the kernel.
    await held.srv.waitFor(/SIGTERM received: no new connections/)
    held.srv.signal('server', 'SIGTERM')
    await held.srv.waitFor(/SIGTERM again/)
    await expectGraceful(held.srv, held)
    // Signalled directly, the server's exit code passes through sh and npm unchanged.
    expect(await held.srv.exited).toEqual({ code: 0, signal: null })
  })

  it('Ctrl-C, then Ctrl-C again a second later (a distinct act) forces the exit while a delivery is held', async () => {
    const held = await serveWithHeldDeliveries()
    held.srv.signal('server', 'SIGINT')
    await held.srv.waitFor(/SIGINT received: no new connections/)
    await new Promise(resolve => setTimeout(resolve, 1100)) // past DUPLICATE_WINDOW_MS: this rule is about time
    held.srv.signal('server', 'SIGINT')
    expect(await held.srv.exited).toEqual({ code: 1, signal: null })
    expect(held.srv.output()).toContain('second Ctrl-C: exiting now (exit 1)')
    // Forced: the held deliveries get no answer (WeChat would retry them).
    for (const a of await Promise.all(held.answers)) expect(a).toEqual({ status: 0, json: undefined })
    held.release()
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
