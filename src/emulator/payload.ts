import { randomInt } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { answerEcho } from '../grade/expectation.js'
import { paymentNotification, type PaymentNotification } from '../protocol/payment-notification.js'
import { applyOverrides, type Overrides } from '../payload/overrides.js'

/** Fixtures are data, not code: one declarative file per event, like stripe-cli's triggers. */
const FIXTURE_URL = new URL('./fixtures/payment-notification.json', import.meta.url)
const QUERY_FEE_FIXTURE_URL = new URL('./fixtures/query-fee-request.json', import.meta.url)

/** The two mock APIs (docs/PROTOCOL.md §2): a payment notification, or a query-fee request, delivered the same way. */
export type MockApi = 'mocknotification' | 'mockqueryfee'
export interface Fixtures { mocknotification: Record<string, unknown>; mockqueryfee: Record<string, unknown> }

export type { PaymentNotification } from '../protocol/payment-notification.js'

async function loadFixture (url: URL): Promise<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(await readFile(url, 'utf8'))
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${url.pathname} must hold a JSON object`)
  return parsed as Record<string, unknown>
}

export async function loadFixtures (): Promise<Fixtures> {
  return { mocknotification: await loadFixture(FIXTURE_URL), mockqueryfee: await loadFixture(QUERY_FEE_FIXTURE_URL) }
}

/** What one delivery carries, its id (order_id or payment_notice_no) and the fields its answer should echo. */
export interface MockPayload { payload: Record<string, unknown> & { appid: string }; id: string; echo: Record<string, unknown> }

export function buildPayload (api: MockApi, fixtures: Fixtures, appid: string, nowMs: number, overrides: Overrides = {}): MockPayload {
  if (api === 'mocknotification') {
    const payload = applyOverrides(buildPaymentNotification(fixtures.mocknotification, appid, nowMs), overrides)
    return { payload, id: String(payload.order_id), echo: answerEcho('payment_notification', payload) ?? {} }
  }
  const payload = { ...structuredClone(fixtures.mockqueryfee), payment_notice_no: `44030500${digits(11)}`, ...overrides, appid }
  return { payload, id: String(payload.payment_notice_no), echo: answerEcho('query_fee', payload) ?? {} }
}

function digits (n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String(randomInt(10))
  return s
}

/** A fresh notification: the account's appid and a new order_id, trans_id and pay_finish_time. */
export function buildPaymentNotification (fixture: Record<string, unknown>, appid: string, nowMs: number): PaymentNotification {
  const ymd = new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '')
  return paymentNotification(fixture, {
    appid,
    orderId: `MOCK${ymd}${digits(10)}`,
    status: typeof fixture.status === 'number' ? fixture.status : 3,
    // Shaped like a WeChat Pay transaction id: 42000 + 5 digits + yyyymmdd + 10 digits.
    transId: `42000${digits(5)}${ymd}${digits(10)}`,
    nowMs,
  })
}
