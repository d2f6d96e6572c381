import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyBytes } from '../../src/capture/body.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import { runMain } from '../helpers/main-io.js'
import { http } from './corpus.js'
import { answersIn, exchange, startHostileReceiver } from './receiver-harness.js'

/**
 * A body the receiver refuses or never gets whole is still recorded with the bytes that came
 * (up to BODY_LIMIT_BYTES), and the record says how they fall short (README "Security").
 */
type Receiver = Awaited<ReturnType<typeof startHostileReceiver>>
let rx: Receiver
const LIMIT = 65_536

beforeAll(async () => { rx = await startHostileReceiver() })
afterAll(async () => { await rx.close() })

/** Bytes no two tests share, so a record is found by its nonce and its body checked byte for byte. */
const filler = (n: number, seed: string) => Buffer.from(Array.from({ length: n }, (_, i) => seed.charCodeAt(i % seed.length)))

/** Every record of this nonce, once as many as expected are in (waits on the store's delivery events). */
async function recordsOf (nonce: string, count = 1): Promise<CaptureRecord[]> {
  for (;;) {
    // Listening before looking: a delivery recorded while the list is read is not missed.
    const next = once(rx.app.nontax.events, 'delivery')
    const found = (await rx.store.list()).filter(r => r.wxnontaxstr === nonce)
    if (found.length >= count) return found
    await next
  }
}

function expectKept (r: CaptureRecord, sent: Buffer): void {
  const kept = bodyBytes(r.body)
  expect(kept.equals(sent)).toBe(true)
  expect(r.body.bytes).toBe(sent.length)
  expect(r.body.sha256).toBe(createHash('sha256').update(sent).digest('hex'))
}

function chunked (body: Buffer, size: number): Buffer {
  const parts: Buffer[] = []
  for (let at = 0; at < body.length; at += size) {
    const c = body.subarray(at, at + size)
    parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'))
  }
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')])
}

describe('bodies the receiver refuses or never gets whole are recorded with the bytes that came', () => {
  it('Content-Length over the limit: 413 + errcode 210 at once, recorded as declared and not read', async () => {
    const body = filler(LIMIT + 4000, 'declared-')
    const raw = await exchange(rx.port, http(rx.ctx, { query: 'wxnontaxstr=declared-big', headers: { 'Content-Type': 'application/json' }, body }), false)
    expect(answersIn(raw)[0]).toMatchObject({ status: 413, body: '{"errcode":210,"errmsg":"data format error"}' })
    const [r] = await recordsOf('declared-big')
    expectKept(r as CaptureRecord, Buffer.alloc(0))
    expect(r?.body.truncated).toEqual({ cause: 'too-large', declaredBytes: LIMIT + 4000, receivedBytes: 0, limitBytes: LIMIT })
    expect(r?.inspection).toMatchObject({ reason: 'ENVELOPE_UNPARSEABLE', messageFinding: { code: 'REJECT_BODY_TOO_LARGE' } })
    const show = await runMain(['captures', 'show', r?.id ?? ''], rx.env)
    expect(show.out).toContain(`body not read: its Content-Length (${LIMIT + 4000} bytes) is over BODY_LIMIT_BYTES (${LIMIT}), so it was refused before reading; no body bytes kept`)
  })

  it('chunked body over the limit: 413 + errcode 210, the first BODY_LIMIT_BYTES kept exactly', async () => {
    const body = filler(LIMIT + 20_000, 'chunked-0123456789')
    const raw = await exchange(rx.port, http(rx.ctx, { query: 'wxnontaxstr=chunked-big', headers: [['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']], body: chunked(body, 7000) }), false)
    expect(answersIn(raw)[0]).toMatchObject({ status: 413, body: '{"errcode":210,"errmsg":"data format error"}' })
    const [r] = await recordsOf('chunked-big')
    expectKept(r as CaptureRecord, body.subarray(0, LIMIT))
    const t = r?.body.truncated
    expect(t).toMatchObject({ cause: 'too-large', limitBytes: LIMIT })
    expect(t?.declaredBytes).toBeUndefined()
    // Reading stops within the chunk that crossed the limit: more than the limit came, never more than was sent.
    expect(t?.receivedBytes).toBeGreaterThan(LIMIT)
    expect(t?.receivedBytes).toBeLessThanOrEqual(body.length)
    const show = await runMain(['captures', 'show', r?.id ?? ''], rx.env)
    expect(show.out).toContain(`body over BODY_LIMIT_BYTES (${LIMIT}): ${t?.receivedBytes} bytes read before it was refused (Content-Length: -); the first ${LIMIT} kept`)
  })

  it('a shorter body than its Content-Length, then the client ends: recorded 400 + errcode 210 with every byte that came', async () => {
    const sent = filler(300, 'short-')
    const head = http(rx.ctx, { query: 'wxnontaxstr=short-body', headers: [['Content-Type', 'application/json'], ['Content-Length', '1000']] })
    const raw = await new Promise<string>(resolve => {
      const chunks: Buffer[] = []
      const socket = connect({ host: '127.0.0.1', port: rx.port }, () => socket.end(Buffer.concat([head, sent])))
      socket.on('data', (b: Buffer) => chunks.push(b))
      socket.on('error', () => {})
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    })
    const [r] = await recordsOf('short-body')
    expectKept(r as CaptureRecord, sent)
    expect(r?.body.truncated).toEqual({ cause: 'ended', declaredBytes: 1000, receivedBytes: 300 })
    expect(r?.answer).toMatchObject({ status: 400, body: { errcode: 210 } })
    // The wire got Node's 400 for the broken request (the connection was already closing), never a 2xx.
    expect(answersIn(raw).map(a => a.status)).toEqual([400])
    // So the answer the record holds never reached the client: the record says so.
    expect(await rx.correctionOf(r?.id ?? '')).toMatchObject({ what: 'answer-not-delivered' })
    const show = await runMain(['captures', 'show', r?.id ?? ''], rx.env)
    expect(show.out).toContain('body incomplete: the connection ended after 300 bytes (Content-Length: 1000); all 300 kept')
  })

  it('a longer body than its Content-Length: the declared bytes are the delivery (210), the rest is a broken next request', async () => {
    // Not JSON on its own: 210 whatever the signature (only the declared bytes are inspected).
    const declared = Buffer.from('{"encrypt":"AAAA"')
    const extra = Buffer.from('\x00\x01garbage\r\n\r\n', 'latin1')
    const req = http(rx.ctx, { query: 'wxnontaxstr=long-body&timestamp=1&msg_signature=00', headers: [['Content-Type', 'application/json'], ['Content-Length', String(declared.length)]], body: Buffer.concat([declared, extra]) })
    const raw = await exchange(rx.port, req, false)
    expect(answersIn(raw)).toEqual([{ status: 200, body: '{"errcode":210,"errmsg":"data format error"}' }])
    const [r] = await recordsOf('long-body')
    expectKept(r as CaptureRecord, declared)
    expect(r?.body.truncated).toBeUndefined()
    expect(r?.answer).toMatchObject({ status: 200, body: { errcode: 210 } })
  })

  it('a body within the limit is read whole, as before', async () => {
    const body = filler(LIMIT, '{"x":1}')
    const raw = await exchange(rx.port, http(rx.ctx, { query: 'wxnontaxstr=at-limit', headers: [['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']], body: chunked(body, 5000) }), true)
    expect(answersIn(raw)[0]?.status).toBe(200)
    const [r] = await recordsOf('at-limit')
    expectKept(r as CaptureRecord, body)
    expect(r?.body.truncated).toBeUndefined()
  })
})
