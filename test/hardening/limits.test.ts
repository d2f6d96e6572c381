import { once } from 'node:events'
import { connect } from 'node:net'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { connectionsCheckingIntervalMs } from '../../src/plugins/connection-limits.js'
import { testConfig } from '../helpers/config.js'
import { paymentDelivery, startReceiver } from './helpers.js'

/** Writes raw bytes, then collects what the server answers until it closes the socket. */
function rawExchange (url: string, bytes: string, timeoutMs = 15_000): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = connect(Number(port), hostname, () => socket.write(bytes))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', d => { answer += d })
    socket.on('error', () => {})
    socket.on('close', () => { clearTimeout(timer); resolve({ answer, closedAfterMs: Date.now() - started }) })
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`server kept the stalled socket open for ${timeoutMs} ms`)) }, timeoutMs)
  })
}

const SLOW = { HEADERS_TIMEOUT_MS: '200', REQUEST_TIMEOUT_MS: '400' }

describe('limits', () => {
  it('a body over BODY_LIMIT_BYTES gets 413 + errcode 210, is recorded and logged, and the server keeps serving', async () => {
    const { app, notifyUrl, sink, send } = await startReceiver({ BODY_LIMIT_BYTES: '2048' })
    const res = await request(notifyUrl + '?wxnontaxstr=0123456789abcdef', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"encrypt":"${'A'.repeat(4096)}"}` })
    expect(res.statusCode).toBe(413)
    expect(await res.body.json()).toEqual({ errcode: 210, errmsg: 'data format error' })
    const [rec] = await app.nontax.store.list()
    expect(rec?.inspection.message).toMatch(/^the body is larger than BODY_LIMIT_BYTES allows \(FST_ERR_CTP_BODY_TOO_LARGE\)/)
    expect(rec).toMatchObject({ wxnontaxstr: '0123456789abcdef', answer: { status: 413, body: { errcode: 210 } } })
    expect(sink.lines().find(l => l.delivery)).toMatchObject({ level: 40, msg: expect.stringContaining('errcode 210') })
    expect((await send()).json.errcode).toBe(0)
  })

  it.each([
    ['headers never finished', 'POST /nontax/notify?wxnontaxstr=1 HTTP/1.1\r\nHost: x\r\nContent-Type: appl', 200],
    ['body never finished', 'POST /nontax/notify?wxnontaxstr=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"encrypt":"', 400],
    ['connection opened, nothing sent', '', 200],
  ] as const)('slowloris (%s): cut off with 408 near its timeout, logged, server keeps serving', async (_name, bytes, timeoutMs) => {
    const { base, sink, send } = await startReceiver(SLOW)
    const { answer, closedAfterMs } = await rawExchange(base, bytes)
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    // Never before its timeout; and far sooner than Node's default 30 s check (a busy machine may add seconds).
    expect(closedAfterMs).toBeGreaterThanOrEqual(timeoutMs - 20)
    expect(closedAfterMs).toBeLessThan(10_000)
    expect(sink.text()).toContain('closed with 408: the request did not arrive in time (headers within HEADERS_TIMEOUT_MS=200 ms, whole request within REQUEST_TIMEOUT_MS=400 ms)')
    expect((await send()).json.errcode).toBe(0)
  })

  it('a delivery whose body stalls is recorded with errcode 210, never as answered 0', async () => {
    const { app, base } = await startReceiver(SLOW)
    // The receiver's own signal that a record is in the store (listened to before anything is sent).
    const recorded = once(app.nontax.events, 'delivery')
    await rawExchange(base, 'POST /nontax/notify?wxnontaxstr=fedcba9876543210 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{')
    await recorded
    const records = await app.nontax.store.list()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ wxnontaxstr: 'fedcba9876543210', answer: { status: 400, body: { errcode: 210 } } })
  })

  it('garbage instead of HTTP gets 400 and a warning naming the cause', async () => {
    const { base, sink, send } = await startReceiver()
    const { answer } = await rawExchange(base, 'HELLO\x00WORLD\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(sink.text()).toMatch(/closed with 400: the bytes are not valid HTTP\/1\.1 \(HPE_/)
    expect((await send()).json.errcode).toBe(0)
  })

  it('checks stalled connections often enough for the configured timeouts (Node checks every 30 s by default)', async () => {
    expect(connectionsCheckingIntervalMs({ headersTimeoutMs: 5000, requestTimeoutMs: 10_000 })).toBe(1000)
    expect(connectionsCheckingIntervalMs({ headersTimeoutMs: 200, requestTimeoutMs: 400 })).toBe(50)
    expect(connectionsCheckingIntervalMs({ headersTimeoutMs: 300, requestTimeoutMs: 10_000 })).toBe(75)
  })

  it('keeps at most MAX_CAPTURES_IN_MEMORY records however many deliveries arrive', async () => {
    const config = testConfig({ MAX_CAPTURES_IN_MEMORY: '5' })
    const app = await buildApp(config)
    const sent: string[] = []
    for (let i = 0; i < 12; i++) {
      const d = paymentDelivery(config.secrets, `ORD-${i}`)
      sent.push(d.query.wxnontaxstr ?? '')
      const res = await app.inject({ method: 'POST', url: config.notifyPath, query: d.query, headers: { 'content-type': d.contentType }, payload: d.body })
      expect(res.json().errcode).toBe(0)
    }
    const kept = await app.nontax.store.list({ limit: 1000 })
    expect(kept.map(r => r.wxnontaxstr).sort()).toEqual(sent.slice(-5).sort())
    await app.close()
  })
})
