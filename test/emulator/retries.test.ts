import { once } from 'node:events'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import type { EmulatorInstance } from '../../src/emulator/app.js'
import type { TriggerSummary } from '../../src/emulator/report.js'
import { PayloadError } from '../../src/payload/overrides.js'
import { retrySchedule, WECHAT_PAY_RETRY_DELAYS_MS } from '../../src/payload/retries.js'
import { render } from '../../src/messages/render.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { profile, startEmulator } from './helpers.js'

async function trigger (app: EmulatorInstance, base: string, appid: string, appsecret: string, url: string): Promise<TriggerSummary> {
  const tok = await request(`${base}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid, secret: appsecret }) })
  const { access_token: token } = (await tok.body.json()) as { access_token: string }
  // The signal: the trigger's last report, after every retry.
  const done = once(app.emulator.events, 'trigger-done') as Promise<[TriggerSummary]>
  await request(`${base}/nontax/mocknotification?access_token=${token}`, { method: 'POST', body: JSON.stringify({ appid, url, version: 1 }) }).then(r => r.body.dump())
  return (await done)[0]
}

describe('emulator retries, as WeChat retries a delivery not answered 0', () => {
  it('off by default: each delivery is sent once, attempts lists one', async () => {
    const { app, base, account } = await startEmulator()
    const h = await startReferenceHandler({ secrets: account.secrets, profile })
    const s = await trigger(app, base, account.appid, account.appsecret, h.url)
    expect(h.received).toBe(2)
    expect(s.reports.map(r => r.attempts.length)).toEqual([1, 1])
  })

  it('a handler that fails once (299) is retried with the same bytes and passes on the retry; the signature test is retried to the end', async () => {
    const { app, base, account } = await startEmulator({ retryDelaysMs: [5, 5] })
    let calls = 0
    const h = await startReferenceHandler({ secrets: account.secrets, profile, answer: p => (++calls === 1 ? 299 : { order_id: p.order_id, status: p.status }) })
    const s = await trigger(app, base, account.appid, account.appsecret, h.url)
    const [crypto, sig] = s.reports
    expect(crypto).toMatchObject({ ok: true, answer: { errcode: 0 } })
    expect(crypto?.attempts.map(a => a.errcode)).toEqual([299, 0])
    // 300 is not 0: WeChat would retry it too, every time.
    expect(sig?.attempts.map(a => a.errcode)).toEqual([300, 300, 300])
    expect(sig?.ok).toBe(true)
    expect(h.received).toBe(5)
    expect(h.seen[1]?.body.equals(h.seen[0]!.body)).toBe(true)
    expect(h.seen[1]?.url).toBe(h.seen[0]?.url)
    // Idempotent: the retried order was applied once.
    expect(h.applied.size).toBe(1)
  })

  it('a handler that never answers 0 to the crypto test fails after the last retry', async () => {
    const { app, base, account } = await startEmulator({ retryDelaysMs: [5] })
    const h = await startReferenceHandler({ secrets: account.secrets, profile, answer: () => 299 })
    const s = await trigger(app, base, account.appid, account.appsecret, h.url)
    expect(s.reports[0]).toMatchObject({ ok: false, answer: { errcode: 299 } })
    expect(s.reports[0]?.attempts).toHaveLength(2)
    expect(s.ok).toBe(false)
  })

  it('payload overrides shape what the emulator sends', async () => {
    const { app, base, account } = await startEmulator({ payload: { order_id: 'NT2024001', fee: 1250, status: 5 } })
    const h = await startReferenceHandler({ secrets: account.secrets, profile })
    const s = await trigger(app, base, account.appid, account.appsecret, h.url)
    expect(h.seen[0]?.inspection.payload).toMatchObject({ order_id: 'NT2024001', fee: 1250, status: 5, items: [{ fee: 1250 }] })
    expect(s.reports[0]).toMatchObject({ ok: true, orderId: 'NT2024001', answer: { data: { order_id: 'NT2024001', status: 5 } } })
  })
})

describe('retrySchedule (--retries, --retry-delays)', () => {
  it('neither: no retries; --retries alone: WeChat Pay\'s intervals; delays alone: one retry each; fewer delays than retries: the last repeats', () => {
    expect(retrySchedule({})).toEqual([])
    expect(retrySchedule({ retries: '3' })).toEqual(WECHAT_PAY_RETRY_DELAYS_MS.slice(0, 3))
    expect(retrySchedule({ delays: '500ms,1s,2m' })).toEqual([500, 1000, 120_000])
    expect(retrySchedule({ retries: '4', delays: '1s,5s' })).toEqual([1000, 5000, 5000, 5000])
    expect(retrySchedule({ retries: '0', delays: '1s' })).toEqual([])
  })

  it.each([
    [{ retries: 'two' }, '--retries must be a whole number 0-15 (got "two")'],
    [{ retries: '99' }, '--retries must be a whole number 0-15 (got "99")'],
    [{ delays: '5' }, '--retry-delays takes waits like 500ms,1s,5s,2m, comma-separated, each at most 6 hours (got "5")'],
    [{ delays: '1s,7h' }, '(got "7h")'],
  ])('%j is refused precisely', (flags, message) => {
    let err: unknown
    try { retrySchedule(flags) } catch (e) { err = e }
    expect(err).toBeInstanceOf(PayloadError)
    expect(render((err as PayloadError).finding)).toContain(message)
  })
})
