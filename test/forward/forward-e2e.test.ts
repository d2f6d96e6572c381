import { once } from 'node:events'
import { createServer } from 'node:http'
import { pino } from 'pino'
import { request } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../src/app.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import { createForwarder } from '../../src/forward/forwarder.js'
import { checkAnswer } from '../../src/protocol/answer.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'

const profile = createWxBizMsgCryptProfile()

/** The receiver in forward mode in front of `target`, and a sender that posts one delivery to it. */
async function setup (target: (secrets: ReturnType<typeof testConfig>['secrets']) => Promise<string>, env: Record<string, string> = {}) {
  const config = testConfig({ LOG_LEVEL: 'info', ...env })
  const sink = logSink()
  const forward = createForwarder({ target: await target(config.secrets), secrets: config.secrets, profile, timeoutMs: 10_000 })
  const app = await buildApp(config, { logger: pino({ level: 'info' }, sink.stream), forward })
  const base = await listenLoopback(app)
  const all: CaptureRecord[] = []
  app.nontax.events.on('delivery', r => { all.push(r) })
  const deliveries = () => all
  const send = async (badSignature = false) => {
    const d = buildDelivery({ payload: { appid: config.secrets.appid, order_id: 'E2E-1', status: 3, department_name: '某某财政局' }, secrets: config.secrets, profile, nowMs: Date.now(), badSignature })
    const recorded = once(app.nontax.events, 'delivery') as Promise<[CaptureRecord]>
    const res = await request(deliveryUrl(base + config.notifyPath, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
    const text = await res.body.text()
    return { status: res.statusCode, text, record: (await recorded)[0] }
  }
  return { config, sink, send, deliveries }
}

describe('serve --forward-to, end to end', () => {
  it('relays the handler\'s answer to the sender and records the grade', async () => {
    const { config, send } = await setup(async secrets => (await startReferenceHandler({ secrets })).url)
    const res = await send()
    expect(checkAnswer(res.status, res.text, config.secrets, profile)).toMatchObject({ errcode: 0, signatureOk: true, data: { order_id: 'E2E-1', status: 3 }, problems: [] })
    expect(res.record.forwarded).toMatchObject({ ok: true, status: 200, grade: { outcome: 'PASS' } })
  })

  it('grades a handler that accepts a wrong signature FAIL, and still relays its answer', async () => {
    const { send } = await setup(async secrets => (await startReferenceHandler({ secrets, skipSignature: true })).url)
    const res = await send(true)
    expect(JSON.parse(res.text)).toMatchObject({ errcode: 0 })
    expect(res.record.forwarded).toMatchObject({ ok: true, grade: { outcome: 'FAIL', expected: { code: 'EXPECT_PASS' } } })
  })

  it('a dead handler: the sender gets 299 and the log says why', async () => {
    const { send, sink } = await setup(async () => 'http://127.0.0.1:9/notify')
    const res = await send()
    // The handler's address and the OS error are for the log and the record, never the sender.
    expect(JSON.parse(res.text)).toEqual({ errcode: 299, errmsg: 'system error' })
    expect(res.record.forwarded).toMatchObject({ ok: false, error: expect.stringMatching(/^ECONNREFUSED/), grade: { outcome: 'FAIL', failure: 'no-answer' } })
    expect(sink.text()).toContain('ECONNREFUSED: nothing listens at http://127.0.0.1:9')
  })

  it('masks a 3-character Token (the shortest the console and NONTAX_TOKEN allow) that a careless handler echoes', async () => {
    const { send, sink } = await setup(async secrets => (await startReferenceHandler({ secrets, echoSecrets: true })).url, { NONTAX_TOKEN: 'Q7z' })
    const res = await send(true)
    // The sender gets the handler's bytes as they are; what we keep and log is masked.
    expect(res.text).toContain('token Q7z')
    expect(res.record.forwarded?.body).toContain('token ***(3 chars)')
    expect(JSON.stringify(res.record)).not.toContain('token Q7z')
    expect(sink.text()).not.toContain('token Q7z')
  })

  it('a handler status Fastify cannot send (HTTP 600) is answered 299 once and recorded as sent, not as a second delivery', async () => {
    const server = createServer((_req, res) => { res.writeHead(600, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}') })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    onTestFinished(() => { server.close() })
    const { port } = server.address() as { port: number }
    const { send, deliveries } = await setup(async () => `http://127.0.0.1:${port}/notify`)
    const res = await send()
    expect({ status: res.status, body: JSON.parse(res.text) }).toEqual({ status: 200, body: { errcode: 299, errmsg: 'system error' } })
    expect(deliveries()).toHaveLength(1)
    expect(res.record.answer).toEqual({ status: 200, body: { errcode: 299, errmsg: 'system error' } })
    expect(res.record.forwarded).toMatchObject({ ok: false, status: 600, error: expect.stringMatching(/HTTP 600/) })
  })
})
