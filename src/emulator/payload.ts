import { randomInt } from 'node:crypto'
import { readFile } from 'node:fs/promises'

/** The fixture is data, not code: one declarative file per event, like stripe-cli's triggers. */
const FIXTURE_URL = new URL('./fixtures/payment-notification.json', import.meta.url)

export type PaymentNotification = Record<string, unknown> & { appid: string; order_id: string; status: number; trans_id: string; pay_finish_time: number }

export async function loadPaymentFixture (): Promise<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(await readFile(FIXTURE_URL, 'utf8'))
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${FIXTURE_URL.pathname} must hold a JSON object`)
  return parsed as Record<string, unknown>
}

function digits (n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String(randomInt(10))
  return s
}

/** A fresh notification: the account's appid and a new order_id, trans_id and pay_finish_time. */
export function buildPaymentNotification (fixture: Record<string, unknown>, appid: string, nowMs: number): PaymentNotification {
  const ymd = new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '')
  return {
    ...structuredClone(fixture),
    appid,
    order_id: `MOCK${ymd}${digits(10)}`,
    status: typeof fixture.status === 'number' ? fixture.status : 3,
    // Shaped like a WeChat Pay transaction id: 42000 + 5 digits + yyyymmdd + 10 digits.
    trans_id: `42000${digits(5)}${ymd}${digits(10)}`,
    pay_finish_time: Math.floor(nowMs / 1000),
  }
}
