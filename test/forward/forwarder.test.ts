import { render } from '../../src/messages/render.js'
import { describe, expect, it } from 'vitest'
import { createForwarder } from '../../src/forward/forwarder.js'
import type { ForwardRequest } from '../../src/forward/types.js'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { inspectDelivery } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../src/protocol/profile.js'
import { closedPortUrl } from '../helpers/listen.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { testSecrets } from '../check/helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const order = { order_id: 'FWD-1', status: 3, fee: 100, department_name: '某某财政局' }

/** A delivery as the receiver got it, with our own inspection as the expectation. */
function received (secrets: Secrets, o: { badSignature?: boolean; path?: string } = {}): ForwardRequest {
  const d = buildDelivery({ payload: { ...order, appid: secrets.appid }, secrets, profile, nowMs: Date.now(), badSignature: o.badSignature })
  // Deliberately not in URLSearchParams order or encoding: the query must pass through untouched.
  const rawQuery = `timestamp=${d.query.timestamp}&wxnontaxstr=${d.query.wxnontaxstr}&msg_signature=${d.query.msg_signature}&extra=a%20b`
  const expected = inspectDelivery({ body: d.body, contentType: d.contentType, query: { ...d.query, extra: 'a b' } }, { secrets, profile, nowMs: Date.now() })
  return {
    method: 'POST',
    url: `${o.path ?? '/nontax/notify'}?${rawQuery}`,
    headers: { 'content-type': d.contentType, 'user-agent': 'Mozilla/5.0 WeChat', host: 'example.ngrok.app', 'content-length': '1', connection: 'close', 'x-forwarded-for': '1.2.3.4' },
    body: d.body,
    expected,
  }
}

describe('forwarder', () => {
  it('passes the exact bytes, the query as received and only the relevant headers', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const req = received(secrets)
    const res = await createForwarder({ target: `${h.url}?tenant=7`, secrets, profile })(req)
    expect(res.ok).toBe(true)
    const got = h.seen[0]!
    expect(got.body.equals(req.body)).toBe(true)
    expect(got.url).toBe(`/notify?tenant=7&${req.url.split('?')[1]}`)
    expect(got.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 WeChat', 'content-length': String(req.body.length) })
    expect(got.headers.host).toBe(new URL(h.url).host)
    expect(got.headers['x-forwarded-for']).toBeUndefined()
  })

  it('relays a correct handler\'s answer and grades it PASS', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const req = received(secrets)
    const res = await createForwarder({ target: h.url, secrets, profile })(req)
    expect(res).toMatchObject({ ok: true, status: 200, headers: { 'content-type': expect.stringMatching(/^application\/json/) } })
    expect(res.headers).not.toHaveProperty('connection')
    expect(res.headers).not.toHaveProperty('content-length')
    expect(JSON.parse(res.body!.toString())).toMatchObject({ errcode: 0, data: expect.any(String), msg_signature: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(render(res.grade.expected)).toBe('errcode 0 + signed, encrypted data')
    expect(res.grade).toMatchObject({ outcome: 'PASS', answer: { errcode: 0, signatureOk: true, data: { order_id: 'FWD-1', status: 3 } } })
  })

  it('grades a handler that accepts a wrong signature FAIL, with the fix and the signatures', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const res = await createForwarder({ target: h.url, secrets, profile })(received(secrets, { badSignature: true }))
    expect(res.ok).toBe(true)
    expect(res.grade).toMatchObject({ outcome: 'FAIL', failure: 'errcode' })
    expect(render(res.grade.expected)).toBe('errcode 300 (signature error)')
    expect(render(res.grade.expected, 'zh')).toBe('errcode 300（签名错误）')
    expect(res.grade.reason?.code).toBe('GRADE_ACCEPTED')
    expect(render(res.grade.reason!)).toMatch(/^your handler answered 0 \(success\) where docs\/PROTOCOL.md §4 expects errcode 300/)
    expect(res.grade.forensics.map(l => render(l)).join('\n')).toMatch(/delivery msg_signature: expected [0-9a-f]{40}, received [0-9a-f]{40}/)
    expect(res.grade.forensics.map(l => render(l)).join('\n')).toMatch(/delivery ciphertext decrypts with this receiver's key: \d+ bytes/)
  })

  it('a handler with another Token rejects a correct delivery: the fix names this receiver\'s NONTAX_TOKEN, not check\'s flags', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets: { ...secrets, token: 'SomeoneElsesToken0123456789abcdef' } })
    const res = await createForwarder({ target: h.url, secrets, profile })(received(secrets))
    expect(res.grade).toMatchObject({ outcome: 'FAIL', failure: 'errcode' })
    expect(res.grade.reason?.code).toBe('GRADE_MISSED_300_FORWARDED')
    const en = render(res.grade.reason!)
    expect(en).toBe('your handler rejected a correctly signed delivery as a signature error (300): its Token differs from this receiver\'s NONTAX_TOKEN, which verified the delivery, or it signs other strings: SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex, each value exactly as received')
    expect(render(res.grade.reason!, 'zh')).toMatch(/^你的处理程序把一个签名正确的推送当作签名错误（300）拒绝了：它的 Token 与本接收端验签用的 NONTAX_TOKEN 不同，或者它签名的字符串不同/)
    expect(en).not.toContain('check')
  })

  it('a correct handler rejecting the wrong signature passes', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const res = await createForwarder({ target: h.url, secrets, profile })(received(secrets, { badSignature: true }))
    expect(res.grade.outcome).toBe('PASS')
    expect(JSON.parse(res.body!.toString())).toMatchObject({ errcode: 300 })
  })

  it('masks secrets the handler echoes in the grade (the relayed body stays exact)', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, echoSecrets: true })
    const res = await createForwarder({ target: h.url, secrets, profile })(received(secrets, { badSignature: true }))
    expect(res.grade.outcome).toBe('PASS')
    expect(res.grade.answer?.errmsg).toMatch(/\(token \*\*\*\(32 chars\), key \*\*\*\(43 chars\)\)$/)
    expect(JSON.stringify(res.grade)).not.toContain(secrets.token)
    expect(JSON.stringify(res.grade)).not.toContain(secrets.encodingAESKey)
    expect(res.body?.toString()).toContain(secrets.token)
  })

  it('a dead target is an error result naming the cause, graded FAIL; it never throws', async () => {
    const secrets = testSecrets()
    const base = await closedPortUrl()
    const res = await createForwarder({ target: `${base}/notify`, secrets, profile })(received(secrets))
    expect(res.ok).toBe(false)
    expect(res.status).toBeUndefined()
    expect(res.body).toBeUndefined()
    expect(res.error).toBe(`ECONNREFUSED: nothing listens at ${base}; start your handler or fix the URL`)
    expect(res.grade).toMatchObject({ outcome: 'FAIL', failure: 'no-answer', got: { code: 'GOT_NO_ANSWER' } })
    expect(render(res.grade.got)).toBe(`no answer: ${res.error}`)
  })

  it('a slow target times out after timeoutMs', async () => {
    const secrets = testSecrets()
    let release!: () => void
    const h = await startReferenceHandler({ secrets, gate: new Promise<void>(resolve => { release = resolve }) })
    const res = await createForwarder({ target: h.url, secrets, profile, timeoutMs: 100 })(received(secrets))
    release()
    expect(h.received).toBe(1)
    expect(res.ok).toBe(false)
    expect(res.error).toMatch(/^timeout after 100 ms: no answer from http:\/\/127\.0\.0\.1:\d+\/notify$/)
    expect(res.grade.reason?.code).toBe('GRADE_TIMEOUT')
    expect(render(res.grade.reason!)).toMatch(/WeChat gives up and retries/)
  })

  it('refuses a target that is not an http(s) URL', () => {
    // A usage error with a stable code (exit 2, not "internal error"), in run --forward-to's words.
    expect(() => createForwarder({ target: 'localhost:8080', secrets: testSecrets(), profile })).toThrow(expect.objectContaining({ code: 'LOOP_FORWARD_URL', exitCode: 2 }))
  })
})
