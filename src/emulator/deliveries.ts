import { request, type Dispatcher } from 'undici'
import { buildDelivery, deliveryUrl } from '../protocol/delivery.js'
import { maskerFor } from '../protocol/mask.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { describeNetworkError } from '../wechat/network-error.js'
import { finding, render } from '../messages/render.js'
import { buildPayload, type Fixtures, type MockApi } from './payload.js'
import { expectedErrcodeOf, testsFor } from '../grade/mock-tests.js'
import type { Overrides } from '../payload/overrides.js'
import { gradeAnswer, type DeliveryAttempt, type DeliveryReport, type DeliveryTest, type TriggerSummary } from './report.js'

export { testsFor }

export interface Trigger { triggerId: string; api: MockApi; secrets: Secrets; url: string; version: number }

export interface DeliveryDeps {
  profile: CryptoProfile
  now: () => number
  dispatcher: Dispatcher
  timeoutMs: number
  fixtures: Fixtures
  /** Aborted when the emulator closes. */
  signal: AbortSignal
  /** Wait before each retry of a delivery not answered 0 (WeChat retries those); empty: no retries. */
  retryDelaysMs?: number[]
  /** The user's own payload fields (--set, --set-file). */
  overrides?: Overrides
}

/** Sends the deliveries one after the other, as WeChat would, reporting each as soon as it is answered. */
export async function runTrigger (t: Trigger, deps: DeliveryDeps, onReport: (r: DeliveryReport) => void): Promise<TriggerSummary> {
  const startedAt = new Date(deps.now()).toISOString()
  const tests = testsFor(t.version)
  const reports: DeliveryReport[] = []
  for (const [i, test] of tests.entries()) {
    const r = await sendOne(t, test, i + 1, tests.length, deps)
    reports.push(r)
    onReport(r)
  }
  return { triggerId: t.triggerId, appid: t.secrets.appid, url: shownUrl(t.url, t.secrets), version: t.version, startedAt, finishedAt: new Date(deps.now()).toISOString(), reports, ok: reports.every(r => r.ok) }
}

/**
 * One delivery, retried as WeChat does while it is not answered 0: the same bytes again after each
 * delay. The report grades the last answer and lists every attempt (getorder's notify_cnt).
 */
async function sendOne (t: Trigger, test: DeliveryTest, index: number, total: number, deps: DeliveryDeps): Promise<DeliveryReport> {
  const nowMs = deps.now()
  const { payload, id, echo } = buildPayload(t.api, deps.fixtures, t.secrets.appid, nowMs, deps.overrides)
  const d = buildDelivery({ payload, secrets: t.secrets, profile: deps.profile, nowMs, badSignature: test === 'signature' })
  const attempts: DeliveryAttempt[] = []
  const delays = deps.retryDelaysMs ?? []
  for (;;) {
    const r = await attemptOnce(t, test, index, total, deps, d, id, echo)
    attempts.push({ sentAt: r.sentAt, durationMs: r.durationMs, httpStatus: r.httpStatus, errcode: r.answer?.errcode, error: r.error })
    const delay = delays[attempts.length - 1]
    if (r.answer?.errcode === 0 || delay === undefined || !(await pause(delay, deps.signal))) return { ...r, attempts }
  }
}

/** Resolves false when the emulator closes during the wait. */
function pause (ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false)
  return new Promise(resolve => {
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(true) }, ms)
    const onAbort = () => { clearTimeout(timer); resolve(false) }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

async function attemptOnce (t: Trigger, test: DeliveryTest, index: number, total: number, deps: DeliveryDeps, d: ReturnType<typeof buildDelivery>, id: string, echo: Record<string, unknown>): Promise<Omit<DeliveryReport, 'attempts'>> {
  const nowMs = deps.now()
  const url = deliveryUrl(t.url, d.query)
  const expectedErrcode = expectedErrcodeOf(test)
  const base = { triggerId: t.triggerId, index, total, test, wxnontaxstr: d.nonce, url: shownUrl(url, t.secrets), orderId: id, sentAt: new Date(nowMs).toISOString(), expectedErrcode }
  const started = performance.now()
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { ...d.headers, 'content-type': d.contentType },
      body: d.body,
      dispatcher: deps.dispatcher,
      headersTimeout: deps.timeoutMs,
      bodyTimeout: deps.timeoutMs,
      signal: AbortSignal.any([deps.signal, AbortSignal.timeout(deps.timeoutMs)]),
    })
    const body = Buffer.from(await res.body.arrayBuffer())
    const durationMs = elapsed(started)
    const grade = gradeAnswer(test, { status: res.statusCode, body, durationMs }, { secrets: t.secrets, profile: deps.profile, sent: { timestamp: d.timestamp, nonce: d.nonce, encrypt: d.ciphertext } }, echo)
    return { ...base, durationMs, httpStatus: res.statusCode, ...grade }
  } catch (err) {
    // Coded, so the verdict says it in the reader's language; error and problems keep the English text.
    const cause = deps.signal.aborted ? finding('EMULATOR_CLOSING') : describeNetworkError(err, deps.timeoutMs).finding
    const reason = finding('EMULATOR_NO_ANSWER', { origin: new URL(t.url).origin, error: cause })
    return { ...base, durationMs: elapsed(started), error: render(cause), outcome: 'FAIL', ok: false, problems: [render(reason)], warnings: [], findings: { reason, notes: [] } }
  }
}

/** The report is shown and logged: drop URL credentials and mask the account's secrets should a url carry them. */
export function shownUrl (url: string, s: Secrets): string {
  const u = new URL(url)
  u.username = ''
  u.password = ''
  return maskerFor(s)(u.toString())
}

function elapsed (startedMs: number): number {
  return Math.round(performance.now() - startedMs)
}
