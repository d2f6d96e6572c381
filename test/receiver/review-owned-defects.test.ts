/**
 * Defects found in review in files other helpers own (the lead: src/receiver/handle-delivery.ts,
 * src/capture/**). Each test fails on main as it is, and passes once its defect is fixed.
 */
import { pino } from 'pino'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { bodyBytes } from '../../src/capture/body.js'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import type { CaptureRecord, CaptureStore } from '../../src/capture/record.js'
import { createForwarder } from '../../src/forward/forwarder.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'
import { startReferenceHandler, type HandlerOptions } from '../helpers/reference-handler.js'

const profile = createWxBizMsgCryptProfile()

async function receiver (o: { store?: CaptureStore; handler?: Omit<HandlerOptions, 'secrets'>; env?: Record<string, string> } = {}) {
  const config = testConfig({ LOG_LEVEL: 'info', ...o.env })
  const secrets = config.secrets
  const handler = o.handler ? await startReferenceHandler({ ...o.handler, secrets }) : undefined
  const forward = handler ? createForwarder({ target: handler.url, secrets, profile, timeoutMs: 5000 }) : undefined
  const store = o.store ?? createMemoryStore()
  const app = await buildApp(config, { store, logger: pino({ level: 'info' }, logSink().stream), ...(forward ? { forward } : {}) })
  const recorded: CaptureRecord[] = []
  app.nontax.events.on('delivery', r => { recorded.push(r) })
  const base = await listenLoopback(app)
  const post = async (d: ReturnType<typeof buildDelivery>, body: Buffer = d.body) => {
    const res = await request(deliveryUrl(base + config.notifyPath, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body })
    return await res.body.json() as { errcode: number }
  }
  const delivery = (payload: Record<string, unknown>, nonce?: string) => buildDelivery({ payload: { appid: secrets.appid, ...payload }, secrets, profile, nowMs: Date.now(), ...(nonce ? { nonce } : {}) })
  return { post, delivery, store, recorded, secrets: secrets as Secrets, handler }
}

describe('review: defects in owned files (fail until fixed)', () => {
  // src/capture/body.ts:4 — TextDecoder strips a leading UTF-8 BOM unless ignoreBOM is set.
  it('records a body that starts with a UTF-8 BOM byte for byte', async () => {
    const { post, delivery, recorded } = await receiver()
    const d = delivery({ order_id: 'BOM-1', status: 3 })
    const sent = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), d.body])
    await post(d, sent)
    const body = recorded[0]?.body
    expect(body?.bytes).toBe(sent.length)
    expect(bodyBytes(body!).equals(sent)).toBe(true)
  })

  // src/receiver/handle-delivery.ts:46 — the nonce is noted before the record is durable, and never forgotten.
  it('does not flag a retry as repeating a delivery that was never recorded', async () => {
    let fail = true
    const memory = createMemoryStore()
    const store: CaptureStore = { ...memory, append: async (r, line) => { if (fail) { fail = false; throw new Error('ENOSPC') } return memory.append(r, line) } }
    const { post, delivery } = await receiver({ store })
    const d = delivery({ order_id: 'N-1', status: 3 })
    expect((await post(d)).errcode).toBe(299)
    expect((await post(d)).errcode).toBe(0)
    const [retry] = await store.list()
    const reused = retry?.inspection.warnings.find(w => w.code === 'WARN_NONCE_REUSED')
    // Either not flagged, or flagged with a capture that exists.
    if (reused) expect(await store.get(String(reused.params?.earlier))).toBeDefined()
  })

  // src/receiver/handle-delivery.ts:43-44 — the duplicate lookup runs before the (slow) forward, so a
  // duplicate that arrives while the first is at the handler is recorded as new.
  it('forward mode: marks a duplicate that arrived while the first was at the handler', async () => {
    let release!: () => void
    const gate = new Promise<void>(resolve => { release = resolve })
    const { post, delivery, recorded, handler } = await receiver({ handler: { gate } })
    const first = post(delivery({ order_id: 'D-1', status: 3 }))
    const second = post(delivery({ order_id: 'D-1', status: 3 }))
    // Both are at the handler (a signal, not a timer): then let them answer.
    while (handler!.received < 2) await new Promise(resolve => setImmediate(resolve))
    release()
    expect([(await first).errcode, (await second).errcode]).toEqual([0, 0])
    const [a, b] = recorded
    expect(b?.duplicateOf).toBe(a?.id)
  })

  // src/receiver/handle-delivery.ts:44-46 — the nonce is flagged after forwarding, so the grader never
  // sees it: a handler that rejects a replayed wxnontaxstr (allowed, docs/PROTOCOL.md §8) is graded FAIL,
  // while check's replayed-nonce case grades the same answer WARN.
  it('forward mode: a handler that rejects a replayed wxnontaxstr is graded as check grades it (WARN)', async () => {
    const { post, delivery, recorded } = await receiver({
      handler: { answer: p => (p.order_id === 'R-2' ? 300 : { order_id: p.order_id, status: p.status }) },
    })
    const first = delivery({ order_id: 'R-1', status: 3 })
    expect((await post(first)).errcode).toBe(0)
    expect((await post(delivery({ order_id: 'R-2', status: 3 }, first.nonce))).errcode).toBe(300)
    expect(recorded[1]?.inspection.warnings.map(w => w.code)).toContain('WARN_NONCE_REUSED')
    expect(recorded[1]?.forwarded?.grade.outcome).toBe('WARN')
  })

  // src/protocol/signature-check.ts:46-47 — the token is masked by splitting every signed value on it, so a
  // short Token that occurs inside the nonce, timestamp or ciphertext is cut out of that value too: next
  // to the raw query in the same capture, the gap spells the Token.
  it('never masks the Token inside another signed value (the capture would spell it out)', async () => {
    const { post, delivery, recorded, secrets } = await receiver({ env: { NONTAX_TOKEN: '456' } })
    expect(secrets.token).toBe('456')
    await post(delivery({ order_id: 'T-1', status: 3 }, '0123456789abcdef'))
    const parts = recorded[0]?.inspection.signature?.parts ?? []
    expect(parts).toContain('0123456789abcdef')
    expect(recorded[0]?.inspection.signature?.hashed).toContain('0123456789abcdef')
  })
})
