import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import type { Forwarder } from '../../src/forward/types.js'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { createDeliveryHandler } from '../../src/receiver/handle-delivery.js'
import type { ReceivedRequest } from '../../src/receiver/received-request.js'
import { testConfig } from '../helpers/config.js'

const profile = createWxBizMsgCryptProfile()
const { secrets } = testConfig()
const silent = { delivery () {}, error () {} }

function setup (forward?: Forwarder) {
  const delivered: CaptureRecord[] = []
  const handle = createDeliveryHandler({
    store: createMemoryStore(), profile, secrets, now: () => Date.parse('2026-01-02T03:04:05Z'),
    onDelivery: r => { delivered.push(r) }, log: silent, ...(forward ? { forward } : {}),
  })
  return { handle, delivered }
}

function signed (mayForward = true): ReceivedRequest {
  const d = buildDelivery({ payload: { appid: secrets.appid, order_id: 'O-1', status: 3 }, secrets, profile, nowMs: Date.now() })
  const query = new URLSearchParams(d.query as Record<string, string>).toString()
  return { method: 'POST', path: '/notify', query, headers: { 'content-type': d.contentType }, body: d.body, remoteAddress: '127.0.0.1', mayForward }
}

describe('the framework-free delivery handler', () => {
  it('takes plain data and returns the bytes to answer and the record', async () => {
    const { handle, delivered } = setup()
    const req = signed()
    const out = await handle(req)
    expect(out.recorded).toBe(true)
    expect(out.answer.status).toBe(200)
    expect(out.answer.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(out.answer.body.toString())).toMatchObject({ errcode: 0, data: expect.any(String) })
    expect(out.record.receivedAt).toMatch(/^2026-01-0[12]T\d\d:\d\d:05\.000[+-]\d\d:\d\d$/)
    expect(Date.parse(out.record.receivedAt)).toBe(Date.parse('2026-01-02T03:04:05.000Z'))
    expect(out.record).toMatchObject({ url: `/notify?${req.query}`, path: '/notify', remoteAddress: '127.0.0.1' })
    expect(delivered).toEqual([out.record])
  })

  it('keeps repeated query parameters as arrays and flags them', async () => {
    const { handle } = setup()
    const req = signed()
    const out = await handle({ ...req, query: `${req.query}&x=1&x=2` })
    expect(out.record.query.x).toEqual(['1', '2'])
    expect(out.record.url.endsWith('&x=1&x=2')).toBe(true)
  })

  it('forwards only when told it may, never by looking at the status', async () => {
    const calls: string[] = []
    const forward: Forwarder = async r => { calls.push(r.url); return { ok: false, durationMs: 1, error: 'down', grade: { outcome: 'FAIL', expected: { code: 'EXPECT_ERRCODE_0' }, got: { code: 'GOT_SHORT_NO_ANSWER' }, notes: [], forensics: [] } } }
    const { handle } = setup(forward)
    const kept = await handle(signed(false))
    expect(JSON.parse(kept.answer.body.toString()).errcode).toBe(0)
    expect(calls).toEqual([])
    const sent = await handle(signed(true))
    expect(calls).toHaveLength(1)
    expect(JSON.parse(sent.answer.body.toString()).errcode).toBe(299)
  })

  it('answers a rejection from the HTTP layer with its status and errcode, and records it', async () => {
    const { handle, delivered } = setup()
    const out = await handle({ method: 'POST', path: '/notify', query: undefined, headers: {}, body: Buffer.from('partial'), remoteAddress: '::1', mayForward: true,
      rejection: { status: 413, errcode: 210, reason: 'ENVELOPE_UNPARSEABLE', message: 'too large' } })
    expect(out.answer.status).toBe(413)
    expect(JSON.parse(out.answer.body.toString())).toEqual({ errcode: 210, errmsg: 'data format error' })
    expect(delivered[0]?.inspection.message).toBe('too large')
    expect(delivered[0]?.body.text).toBe('partial')
    expect(delivered[0]?.url).toBe('/notify')
  })
})
