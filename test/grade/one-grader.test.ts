import { once } from 'node:events'
import Fastify from 'fastify'
import { request } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBattery } from '../../src/check/battery.js'
import { batteryCases } from '../../src/check/cases.js'
import type { TriggerSummary } from '../../src/emulator/report.js'
import { createForwarder } from '../../src/forward/forwarder.js'
import { buildFailureAnswer, buildSuccessAnswer } from '../../src/protocol/answer.js'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { inspectDelivery } from '../../src/protocol/inspect.js'
import type { Secrets } from '../../src/protocol/profile.js'
import { newAccount, profile, startEmulator } from '../emulator/helpers.js'
import { listenLoopback } from '../helpers/listen.js'

/** A handler that verifies and decrypts correctly, but answers every delivery with this HTTP status. */
async function handlerAnswering (status: number, secrets: Secrets): Promise<string> {
  const app = Fastify()
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  app.post('/notify', async (req, reply) => {
    const i = inspectDelivery({ body: req.body as Buffer, contentType: req.headers['content-type'], query: req.query as Record<string, string> }, { secrets, profile, nowMs: Date.now() })
    const body = i.errcode === 0
      ? buildSuccessAnswer({ order_id: i.payload?.order_id, status: i.payload?.status, payment_notice_no: i.payload?.payment_notice_no }, secrets, profile, Date.now())
      : buildFailureAnswer(i.errcode, i.message ?? 'rejected')
    return reply.code(status).send(body)
  })
  onTestFinished(() => app.close())
  return `${await listenLoopback(app)}/notify`
}

async function emulatorOutcome (status: number) {
  const { app, base, account } = await startEmulator()
  const url = await handlerAnswering(status, account.secrets)
  const tokenRes = await request(`${base}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: account.appid, secret: account.appsecret }) })
  const { access_token: token } = await tokenRes.body.json() as { access_token: string }
  const done = once(app.emulator.events, 'trigger-done') as Promise<[TriggerSummary]>
  await request(`${base}/nontax/mocknotification?access_token=${token}`, { method: 'POST', body: JSON.stringify({ appid: account.appid, url, version: 1 }) }).then(r => r.body.dump())
  const [summary] = await done
  return summary.reports.map(r => ({ test: r.test, outcome: r.outcome, ok: r.ok }))
}

async function checkOutcome (status: number) {
  const { secrets } = newAccount()
  const target = await handlerAnswering(status, secrets)
  const cases = batteryCases().filter(c => c.name === 'crypto-test' || c.name === 'signature-test')
  const r = await runBattery({ target, secrets, profile, cases })
  return r.results.map(x => ({ test: x.class === 'crypto-test' ? 'crypto' : 'signature', outcome: x.outcome }))
}

async function forwardOutcome (status: number) {
  const { secrets } = newAccount()
  const target = await handlerAnswering(status, secrets)
  const forward = createForwarder({ target, secrets, profile })
  const out = []
  for (const test of ['crypto', 'signature'] as const) {
    const d = buildDelivery({ payload: { appid: secrets.appid, order_id: 'ONE-1', status: 3 }, secrets, profile, nowMs: Date.now(), badSignature: test === 'signature' })
    const expected = inspectDelivery({ body: d.body, contentType: d.contentType, query: d.query }, { secrets, profile, nowMs: Date.now() })
    const query = new URLSearchParams(d.query).toString()
    const res = await forward({ method: 'POST', url: `/notify?${query}`, headers: { 'content-type': d.contentType }, body: d.body, expected })
    out.push({ test, outcome: res.grade.outcome })
  }
  return out
}

/**
 * The emulator, `check` and forward mode grade with one grader (src/grade/), so the same answer gets the
 * same outcome from all three. docs/PROTOCOL.md §4 answers HTTP 200; WeChat documents no status, so another
 * 2xx with the right errcode is a WARN (part C), never a FAIL.
 */
describe('one grader: the emulator, check and forward mode agree', () => {
  it.each([
    [200, 'PASS', 'PASS'],
    [201, 'WARN', 'WARN'],
  ] as const)('a correct answer sent as HTTP %i: crypto test %s, signature test %s', async (status, crypto, signature) => {
    const want = [{ test: 'crypto', outcome: crypto }, { test: 'signature', outcome: signature }]
    const emulator = await emulatorOutcome(status)
    expect(emulator).toEqual(want.map(w => ({ ...w, ok: true })))
    expect(await checkOutcome(status)).toEqual(want)
    expect(await forwardOutcome(status)).toEqual(want)
  })
})
