import { once } from 'node:events'
import { request } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { EmulatorInstance } from '../../src/emulator/app.js'
import type { TriggerSummary } from '../../src/emulator/report.js'
import Fastify from 'fastify'
import { generate } from 'selfsigned'
import { closedPortUrl, rawServer } from '../helpers/listen.js'
import { newAccount, profile, startEmulator, startReceiver } from './helpers.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { buildSuccessAnswer } from '../../src/protocol/answer.js'
import { inspectDelivery } from '../../src/protocol/inspect.js'

async function tokenFor (base: string, appid: string, secret: string): Promise<string> {
  const res = await request(`${base}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid, secret }) })
  return ((await res.body.json()) as { access_token: string }).access_token
}

/** Calls mocknotification and waits for the trigger's deliveries (the listener is set before the call). */
async function trigger (app: EmulatorInstance, base: string, body: Record<string, unknown>, token: string): Promise<{ answer: unknown; summary: TriggerSummary }> {
  const done = once(app.emulator.events, 'trigger-done') as Promise<[TriggerSummary]>
  const res = await request(`${base}/nontax/mocknotification?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })
  const answer = await res.body.json()
  const [summary] = await done
  return { answer, summary }
}

describe('emulator deliveries', () => {
  it('version 1 sends the crypto test then the signature test; a correct receiver passes both', async () => {
    const { app, base, account } = await startEmulator()
    const rx = await startReceiver(account.secrets, 'correct')
    const token = await tokenFor(base, account.appid, account.appsecret)
    const reportEvents: number[] = []
    app.emulator.events.on('report', r => reportEvents.push(r.index))
    const { answer, summary } = await trigger(app, base, { appid: account.appid, url: rx.url, version: 1 }, token)

    expect(answer).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(reportEvents).toEqual([1, 2])
    expect(summary.ok).toBe(true)
    const [crypto, sig] = summary.reports
    expect(crypto).toMatchObject({ index: 1, total: 2, test: 'crypto', expectedErrcode: 0, httpStatus: 200, ok: true, problems: [], warnings: [] })
    expect(crypto?.answer).toMatchObject({ errcode: 0, signatureOk: true, data: { order_id: crypto?.orderId, status: 3 } })
    expect(sig).toMatchObject({ index: 2, test: 'signature', expectedErrcode: 300, ok: true, problems: [] })
    expect(sig?.answer).toMatchObject({ errcode: 300, signatureOk: null })
    expect(crypto?.wxnontaxstr).not.toBe(sig?.wxnontaxstr)
    expect(app.emulator.reports()).toEqual(summary.reports)
    const listed = await request(`${base}/_emulator/reports`)
    expect(((await listed.body.json()) as { reports: unknown[] }).reports).toEqual(JSON.parse(JSON.stringify(summary.reports)))

    // What went over the wire: docs/PROTOCOL.md §4's delivery shape, a fresh UTF-8 payment notification each time.
    expect(rx.seen).toHaveLength(2)
    for (const d of rx.seen) {
      expect(d.contentType).toBe('application/json')
      expect(Object.keys(d.query).sort()).toEqual(['msg_signature', 'timestamp', 'wxnontaxstr'])
      expect(d.query.wxnontaxstr).toMatch(/^[0-9a-f]{16}$/)
      expect(d.query.msg_signature).toMatch(/^[0-9a-f]{40}$/)
      expect(Object.keys(JSON.parse(d.body.toString('utf8')))).toEqual(['appid', 'encrypt'])
    }
    expect(rx.seen[0]?.inspection.signature?.ok).toBe(true)
    expect(rx.seen[1]?.inspection.signature?.ok).toBe(false)
    const [p1, p2] = rx.seen.map(d => d.inspection.payload)
    expect(p1).toMatchObject({ appid: account.appid, department_name: '深圳市南山区交通运输局', items: [{ item_name: '机动车违章罚款（测试）' }] })
    expect(p1?.order_id).not.toBe(p2?.order_id)
    expect(p1?.trans_id).not.toBe(p2?.trans_id)
  })

  it('a receiver that answers 0 to everything fails both tests, saying what was expected', async () => {
    const { app, base, account } = await startEmulator()
    const rx = await startReceiver(account.secrets, 'always-ok')
    const { summary } = await trigger(app, base, { appid: account.appid, url: rx.url, version: 1 }, await tokenFor(base, account.appid, account.appsecret))
    const [crypto, sig] = summary.reports
    expect(summary.ok).toBe(false)
    expect(crypto?.ok).toBe(false)
    expect(crypto?.outcome).toBe('FAIL')
    expect(crypto?.problems[0]).toMatch(/answered 0 but WeChat cannot use the answer: errcode 0 but no encrypted "data" in the answer/)
    expect(sig).toMatchObject({ ok: false, outcome: 'FAIL' })
    expect(sig?.problems[0]).toMatch(/^your handler answered 0 to WeChat's signature test.*it does not verify signatures/)
  })

  it('a receiver with another EncodingAESKey fails the crypto test with the likely cause', async () => {
    const { app, base, account } = await startEmulator()
    const wrongKey = { ...account.secrets, encodingAESKey: newAccount().secrets.encodingAESKey }
    const rx = await startReceiver(wrongKey, 'correct')
    const { summary } = await trigger(app, base, { appid: account.appid, url: rx.url, version: 1 }, await tokenFor(base, account.appid, account.appsecret))
    expect(summary.reports[0]?.ok).toBe(false)
    expect(summary.reports[0]?.problems[0]).toMatch(/^your handler could not decrypt a correct delivery \(298\).*NONTAX_ENCODING_AES_KEY/)
  })

  it('an answer that echoes the order_id but not the status is a WARN, as check and forward mode grade it', async () => {
    const { app, base, account } = await startEmulator()
    const rx = await startReferenceHandler({ secrets: account.secrets, profile, answer: p => ({ order_id: p.order_id, status: 99 }) })
    const { summary } = await trigger(app, base, { appid: account.appid, url: rx.url, version: 2 }, await tokenFor(base, account.appid, account.appsecret))
    expect(summary.reports[0]).toMatchObject({ test: 'crypto', ok: true, outcome: 'WARN' })
    expect(summary.reports[0]?.findings?.notes.map(n => n.code)).toEqual(['NOTE_NO_ECHO'])
    expect(summary.reports[0]?.warnings[0]).toMatch(/status=3/)
  })

  it('names an answer signed over the delivery\'s ciphertext, as check and forward mode do', async () => {
    const { app, base, account } = await startEmulator()
    const rx = Fastify()
    rx.removeAllContentTypeParsers()
    rx.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
    rx.post<{ Querystring: Record<string, string> }>('/notify', async req => {
      const i = inspectDelivery({ body: req.body as Buffer, contentType: req.headers['content-type'], query: req.query }, { secrets: account.secrets, profile, nowMs: Date.now() })
      const ok = buildSuccessAnswer({ order_id: i.payload?.order_id, status: i.payload?.status }, account.secrets, profile, Date.now())
      // The classic slip: the delivery's own ciphertext signed instead of the answer's data.
      return { ...ok, msg_signature: profile.sign({ token: account.secrets.token, timestamp: ok.timestamp!, nonce: ok.nonce!, encrypt: i.envelope?.encrypt ?? '' }) }
    })
    onTestFinished(() => rx.close())
    const url = `${await rx.listen({ port: 0, host: '127.0.0.1' })}/notify`
    const { summary } = await trigger(app, base, { appid: account.appid, url, version: 2 }, await tokenFor(base, account.appid, account.appsecret))
    expect(summary.reports[0]).toMatchObject({ ok: false, outcome: 'FAIL' })
    expect(summary.reports[0]?.problems.join('\n')).toMatch(/signed the delivery's ciphertext instead of the answer's data/)
  })

  it('any version other than 1 sends one correctly signed delivery: a crypto test', async () => {
    const { app, base, account } = await startEmulator()
    const rx = await startReceiver(account.secrets, 'correct')
    const { summary } = await trigger(app, base, { appid: account.appid, url: rx.url, version: 2 }, await tokenFor(base, account.appid, account.appsecret))
    expect(summary.reports).toHaveLength(1)
    expect(summary.reports[0]).toMatchObject({ test: 'crypto', total: 1, expectedErrcode: 0, ok: true })
    expect(rx.seen).toHaveLength(1)
  })

  it('reports a refused connection per delivery instead of an answer', async () => {
    const { app, base, account } = await startEmulator()
    const url = `${await closedPortUrl()}/notify`
    const { answer, summary } = await trigger(app, base, { appid: account.appid, url, version: 1 }, await tokenFor(base, account.appid, account.appsecret))
    expect(answer).toEqual({ errcode: 0, errmsg: 'ok' }) // WeChat accepts the trigger; only the deliveries fail
    expect(summary.reports).toHaveLength(2)
    for (const r of summary.reports) {
      expect(r.ok).toBe(false)
      expect(r.answer).toBeUndefined()
      expect(r.error).toMatch(/connection refused.*ECONNREFUSED/)
      expect(r.problems[0]).toMatch(/is the receiver running/)
    }
  })

  it('reports a receiver that never answers as a timeout', async () => {
    const { app, base, account } = await startEmulator({ deliveryTimeoutMs: 200 })
    const silent = await rawServer()
    const { summary } = await trigger(app, base, { appid: account.appid, url: `${silent.origin}/notify`, version: 2 }, await tokenFor(base, account.appid, account.appsecret))
    expect(summary.reports[0]?.error).toMatch(/no complete answer within 200 ms/)
  })

  it('closing the emulator mid-delivery aborts it at once and reports why', async () => {
    // Longer than the test's own timeout: only the abort on close can end this delivery in time.
    const { app, base, account } = await startEmulator({ deliveryTimeoutMs: 600_000 })
    const silent = await rawServer()
    const token = await tokenFor(base, account.appid, account.appsecret)
    const done = once(app.emulator.events, 'trigger-done') as Promise<[TriggerSummary]>
    const gotRequest = once(silent.server, 'request')
    await request(`${base}/nontax/mocknotification?access_token=${token}`, { method: 'POST', body: JSON.stringify({ appid: account.appid, url: `${silent.origin}/n`, version: 2 }) }).then(r => r.body.dump())
    await gotRequest
    await app.close()
    expect((await done)[0].reports[0]).toMatchObject({ ok: false, error: 'not answered: the emulator was closing' })
  })

  it('delivers to an https receiver with a self-signed certificate only when insecureTls is set', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048, algorithm: 'sha256' })
    const rx = Fastify({ https: { key: pems.private, cert: pems.cert } })
    rx.post('/n', async () => ({ errcode: 300, errmsg: 'signature error' }))
    onTestFinished(() => rx.close())
    const url = `${await rx.listen({ port: 0, host: '127.0.0.1' })}/n`
    expect(url).toMatch(/^https:/)
    for (const insecureTls of [true, false]) {
      const { app, base, account } = await startEmulator({ insecureTls })
      const { summary } = await trigger(app, base, { appid: account.appid, url, version: 1 }, await tokenFor(base, account.appid, account.appsecret))
      const sig = summary.reports[1]
      if (insecureTls) expect(sig).toMatchObject({ test: 'signature', httpStatus: 200, ok: true })
      else expect(sig?.error).toMatch(/^TLS handshake failed \(.*SELF_SIGNED.*\): the certificate is not trusted/)
    }
  })

  it('keeps URL credentials out of the report', async () => {
    const { app, base, account } = await startEmulator()
    const rx = await startReceiver(account.secrets)
    const withCreds = rx.url.replace('http://', 'http://user:hunter2pass@')
    const { summary } = await trigger(app, base, { appid: account.appid, url: withCreds, version: 2 }, await tokenFor(base, account.appid, account.appsecret))
    expect(summary.reports[0]?.ok).toBe(true)
    expect(JSON.stringify([app.emulator.reports(), app.emulator.triggers(), summary])).not.toContain('hunter2pass')
    expect(summary.reports[0]?.url.startsWith(rx.url + '?wxnontaxstr=')).toBe(true)
  })
})
