import { pino } from 'pino'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { render } from '../../src/messages/render.js'
import type { Finding } from '../../src/messages/types.js'
import { buildApp } from '../../src/app.js'
import { checkAnswer } from '../../src/protocol/answer.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { secretValues } from '../../src/config.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'

const profile = createWxBizMsgCryptProfile()
const order = { appid: '', order_id: 'ORD-1', status: 3, fee: 100, department_name: '某某财政局', items: [{ no: 1, item_name: '罚没收入', fee: 100 }] }

async function setup () {
  const config = testConfig({ LOG_LEVEL: 'info' })
  const sink = logSink()
  const app = await buildApp(config, { logger: pino({ level: 'info' }, sink.stream) })
  const base = await listenLoopback(app)
  const secrets = config.secrets
  const send = async (opts: { query?: Record<string, string>; body?: Buffer | string; contentType?: string; badSignature?: boolean; payload?: unknown } = {}) => {
    const d = buildDelivery({ payload: opts.payload ?? { ...order, appid: secrets.appid }, secrets, profile, nowMs: Date.now(), badSignature: opts.badSignature })
    const res = await request(deliveryUrl(base + config.notifyPath, { ...d.query, ...opts.query }), {
      method: 'POST',
      headers: opts.contentType === '' ? {} : { 'content-type': opts.contentType ?? d.contentType },
      body: opts.body ?? d.body,
    })
    const text = await res.body.text()
    // The sender gets the errcode's fixed reason; the diagnosis is in the log and the capture only.
    const logged = sink.lines().filter(l => l.delivery).at(-1) as { delivery: { inspection: { message?: string } } } | undefined
    return { status: res.statusCode, text, json: JSON.parse(text) as { errcode: number; errmsg: string; data?: string }, d, diagnosis: logged?.delivery.inspection.message ?? '' }
  }
  return { config, app, sink, send, secrets }
}

describe('receiver over loopback HTTP', () => {
  it('answers a correct delivery with errcode 0 and signed, encrypted data the sender can read', async () => {
    const { send, secrets } = await setup()
    const res = await send()
    expect(res.status).toBe(200)
    const check = checkAnswer(res.status, res.text, secrets, profile)
    expect(check).toMatchObject({ errcode: 0, signatureOk: true, data: { order_id: 'ORD-1', status: 3 }, problems: [] })
  })

  it('answers 300 to a wrong signature, and still logs the decrypted payload', async () => {
    const { send, sink } = await setup()
    const res = await send({ badSignature: true })
    expect(res.json).toEqual({ errcode: 300, errmsg: 'signature error' })
    expect(res.diagnosis).toMatch(/^the ciphertext is intact/)
    const rec = sink.lines().find(l => l.delivery) as { delivery: { test: string; inspection: { decryption: { ok: boolean; plaintext: string } } } }
    expect(rec.delivery.test).toBe('signature')
    expect(rec.delivery.inspection.decryption.plaintext).toContain('某某财政局')
  })

  it.each([
    ['missing signature', { query: { msg_signature: '' } }, 300, /no signature \(looked for query field "msg_signature"/],
    ['missing wxnontaxstr', { query: { wxnontaxstr: '' } }, 300, /wxnontaxstr/],
    ['altered body', { body: 'ALTER' }, 210, /does not parse/],
    ['empty body', { body: '' }, 210, /body is empty/],
    ['unknown content type', { contentType: 'text/plain' }, 210, /content-type "text\/plain" is not supported/],
  ] as const)('%s → %i', async (_name, opts, errcode, msg) => {
    const { send } = await setup()
    const res = await send(opts)
    expect(res.json.errcode).toBe(errcode)
    expect(res.json.errmsg).toBe(errcode === 300 ? 'signature error' : 'data format error')
    expect(res.diagnosis).toMatch(msg)
    expect(res.json.data).toBeUndefined()
  })

  it('a flipped ciphertext character fails the signature (300); with the signature recomputed it fails decryption (298)', async () => {
    const { send, secrets } = await setup()
    const d = buildDelivery({ payload: { ...order, appid: secrets.appid }, secrets, profile, nowMs: Date.now() })
    const env = JSON.parse(d.body.toString()) as { appid: string; encrypt: string }
    // Char 1 sits in the first cipher block; CBC carries the flip into the length field of the plaintext.
    const flipped = env.encrypt[0] + (env.encrypt[1] === 'A' ? 'B' : 'A') + env.encrypt.slice(2)
    const altered = JSON.stringify({ ...env, encrypt: flipped })
    expect((await send({ body: altered })).json.errcode).toBe(300)
    const sig = profile.sign({ token: secrets.token, timestamp: d.query.timestamp ?? '', nonce: d.query.wxnontaxstr ?? '', encrypt: flipped })
    const res = await send({ body: altered, query: { ...d.query, msg_signature: sig } })
    expect(res.json).toEqual({ errcode: 298, errmsg: 'decryption failed' })
    expect(res.diagnosis).toMatch(/^declared message length \d+ bytes exceeds the \d+ bytes available/)
  })

  it('another appid inside the plaintext gets 298 naming both appids', async () => {
    const { send, secrets } = await setup()
    const other = { ...secrets, appid: 'wx0000000000000000' }
    const d = buildDelivery({ payload: order, secrets: other, profile, nowMs: Date.now() })
    const res = await send({ body: d.body, query: d.query })
    expect(res.json.errcode).toBe(298)
    expect(res.json.errmsg).toBe('decryption failed')
    expect(res.diagnosis).toContain(`"wx0000000000000000", expected "${secrets.appid}"`)
  })

  it('accepts form-urlencoded and XML envelopes, and says which non-canonical names it used', async () => {
    const { send, secrets, sink } = await setup()
    const d = buildDelivery({ payload: { ...order, appid: secrets.appid }, secrets, profile, nowMs: Date.now() })
    const { encrypt } = JSON.parse(d.body.toString()) as { encrypt: string }
    const form = new URLSearchParams({ appid: secrets.appid, encrypt }).toString()
    expect((await send({ body: form, contentType: 'application/x-www-form-urlencoded', query: d.query })).json.errcode).toBe(0)
    const xml = `<xml><AppId>${secrets.appid}</AppId><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`
    expect((await send({ body: xml, contentType: 'text/xml', query: { ...d.query } })).json.errcode).toBe(0)
    const warnings = sink.lines().flatMap(l => (l.delivery as { inspection: { warnings: Finding[] } } | undefined)?.inspection.warnings ?? [])
    expect(warnings).toContainEqual({ code: 'WARN_BODY_NONCANONICAL', params: { name: 'Encrypt', canonical: 'encrypt' } })
    expect(warnings.map(w => render(w))).toContain('body field "Encrypt" used; the canonical name is "encrypt"')
  })

  it('refuses a body over the limit with 413 + errcode 210, logs it, and keeps serving', async () => {
    const config = testConfig({ LOG_LEVEL: 'info', BODY_LIMIT_BYTES: '2048' })
    const sink = logSink()
    const app = await buildApp(config, { logger: pino({ level: 'info' }, sink.stream) })
    const base = await listenLoopback(app)
    const res = await request(base + config.notifyPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(5000) })
    expect(res.statusCode).toBe(413)
    expect(await res.body.json()).toMatchObject({ errcode: 210 })
    expect(sink.text()).toContain('errcode 210')
    const ok = await request(base + '/healthz')
    expect(ok.statusCode).toBe(200)
    await ok.body.dump()
  })

  it('never writes a secret to the log', async () => {
    const { send, sink, config } = await setup()
    await send()
    await send({ badSignature: true })
    const text = sink.text()
    expect(text.length).toBeGreaterThan(500)
    for (const s of secretValues(config)) expect(text).not.toContain(s)
  })
})

describe('repeated wxnontaxstr', () => {
  it('is accepted but flagged with the earlier capture it repeats', async () => {
    const { send, secrets, sink } = await setup()
    const first = await send()
    expect(first.json.errcode).toBe(0)
    const again = buildDelivery({ payload: { ...order, order_id: 'ORD-2', appid: secrets.appid }, secrets, profile, nowMs: Date.now(), nonce: first.d.query.wxnontaxstr })
    const res = await send({ body: again.body, query: again.query })
    expect(res.json.errcode).toBe(0)
    const records = sink.lines().filter(l => l.delivery) as Array<{ delivery: { id: string; inspection: { warnings: Finding[] } } }>
    const reused = records[1]?.delivery.inspection.warnings.find(w => w.code === 'WARN_NONCE_REUSED')
    expect(reused).toEqual({ code: 'WARN_NONCE_REUSED', params: { nonce: first.d.query.wxnontaxstr, earlier: records[0]?.delivery.id } })
    expect(render(reused!)).toBe(`wxnontaxstr ${first.d.query.wxnontaxstr} was already used by delivery ${records[0]?.delivery.id}: a replay, or a sender that reuses nonces`)
  })
})
