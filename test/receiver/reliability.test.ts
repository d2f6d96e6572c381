import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { request } from 'undici'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../src/app.js'
import { createFileStore } from '../../src/capture/file-store.js'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import type { CaptureRecord, CaptureStore } from '../../src/capture/record.js'
import type { Forwarder } from '../../src/forward/types.js'
import { createLogger } from '../../src/log/logger.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'

const profile = createWxBizMsgCryptProfile()
const order = { order_id: 'ORD-7', status: 3, fee: 100 }

async function receiver (store: CaptureStore, forward?: Forwarder) {
  const config = testConfig({ LOG_LEVEL: 'info' })
  const sink = logSink()
  const delivered: CaptureRecord[] = []
  const app = await buildApp(config, { store, logger: pino({ level: 'info' }, sink.stream), ...(forward ? { forward } : {}) })
  app.nontax.events.on('delivery', r => { delivered.push(r) })
  const base = await listenLoopback(app)
  const send = async (payload: unknown = { ...order, appid: config.secrets.appid }) => {
    const d = buildDelivery({ payload, secrets: config.secrets, profile, nowMs: Date.now() })
    const res = await request(deliveryUrl(base + config.notifyPath, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
    return { status: res.statusCode, json: await res.body.json() as { errcode: number; errmsg: string } }
  }
  return { send, sink, delivered }
}

describe('a delivery that cannot be recorded', () => {
  it('is answered 299 (never 0), and the log names why', async () => {
    const failing: CaptureStore = { ...createMemoryStore(), append: async () => { throw new Error('ENOSPC: no space left on device') } }
    const { send, sink, delivered } = await receiver(failing)
    const res = await send()
    expect(res.status).toBe(200)
    expect(res.json.errcode).toBe(299)
    // The sender learns nothing about the disk or CAPTURE_DIR; the operator's log does.
    expect(res.json.errmsg).toBe('system error')
    const line = sink.lines().find(l => l.recordError) as { level: number; msg: string; recordError: string; delivery: CaptureRecord }
    expect(line.msg).toMatch(/could not record the delivery \(ENOSPC: no space left on device\); answered 299 so WeChat retries/)
    expect(line.level).toBe(50)
    expect(line.recordError).toBe('ENOSPC: no space left on device')
    expect(line.delivery.answer.body.errcode).toBe(299)
    expect(delivered).toEqual([])
  })
})

describe('forward mode on an internal error', () => {
  it('answers 299 itself and sends nothing to the user\'s handler', async () => {
    const calls: unknown[] = []
    const forward: Forwarder = async req => { calls.push(req); throw new Error('must not be called') }
    // A bug inside the delivery path: the duplicate lookup throws, so the error handler answers.
    const broken: CaptureStore = { ...createMemoryStore(), findOrder: () => { throw new Error('index exploded') } }
    const { send, delivered } = await receiver(broken, forward)
    const res = await send()
    expect(res).toMatchObject({ status: 200, json: { errcode: 299, errmsg: 'system error' } })
    expect(JSON.stringify(res.json)).not.toContain('exploded')
    expect(calls).toEqual([])
    expect(delivered.map(r => [r.answer.body.errcode, r.forwarded])).toEqual([[299, undefined]])
    // The bytes it received are recorded, not an empty body.
    expect(delivered[0]?.body.bytes).toBeGreaterThan(0)
  })
})

describe('duplicates (same order_id + status)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nontax-dup-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  it.each([
    ['memory store', async () => createMemoryStore()],
    ['file store', async () => createFileStore({ dir: mkdtempSync(join(dir, 'f-')), maxInMemory: 100 })],
  ])('point to the first delivery of that order in the %s', async (_name, open) => {
    const { send, delivered } = await receiver(await open())
    for (let i = 0; i < 3; i++) expect((await send()).json.errcode).toBe(0)
    const [first, second, third] = delivered
    expect(first?.duplicateOf).toBeUndefined()
    expect([second?.duplicateOf, third?.duplicateOf]).toEqual([first?.id, first?.id])
  })
})

describe('each record is serialized once', () => {
  it('the JSON log line carries exactly the bytes of the capture line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nontax-once-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const config = testConfig({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' })
    const sink = logSink()
    const store = await createFileStore({ dir, maxInMemory: 10 })
    const app = await buildApp(config, { store, logger: createLogger(config, sink.stream) })
    const base = await listenLoopback(app)
    const d = buildDelivery({ payload: { ...order, appid: config.secrets.appid }, secrets: config.secrets, profile, nowMs: Date.now() })
    const res = await request(deliveryUrl(base + config.notifyPath, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
    expect((await res.body.json() as { errcode: number }).errcode).toBe(0)
    const [file] = readdirSync(dir)
    const captureLine = readFileSync(join(dir, file ?? ''), 'utf8').trimEnd()
    const logLine = sink.text().split('\n').find(l => l.includes('"delivery"')) ?? ''
    expect(logLine).toContain(`"delivery":${captureLine},"msg":`)
    expect(JSON.parse(logLine)).toMatchObject({ level: 30, time: expect.any(Number), msg: expect.stringMatching(/→ errcode 0 \(crypto test\)$/) })
  })
})
