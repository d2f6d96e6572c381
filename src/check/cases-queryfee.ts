import { randomBytes } from 'node:crypto'
import { corruptBase64, cutBodyInHalf, encryptJson, frame, encryptUnderOtherKey } from './craft.js'
import { accepts0, expectationForTest, rejects } from '../grade/expectation.js'
import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import type { Acceptable, Reply } from '../grade/types.js'
import type { CaseContext, CheckCase } from './types.js'

/**
 * `check --api mockqueryfee`: the battery for a query-fee handler (docs/PROTOCOL.md §2.1, §4.4, §4.5).
 * WeChat asks for the bill of a payment notice; the handler answers 0 with the bill encrypted in
 * `data`, or 232 (already paid) / 236 (not payable at this bank) when its ledger says so: check
 * cannot know the user's ledger, so both business answers pass, each named in a note.
 */

/** A query-fee request as the emulator's fixture shapes it; the user's --set fields on top. */
export function queryFeeRequest (ctx: CaseContext, n: number): Record<string, unknown> {
  return {
    service_id: 1,
    bank_id: 'DEMO',
    payment_notice_no: noticeOf(ctx, n),
    department_code: '110101',
    payment_notice_type: 1,
    region_code: '110000',
    ...ctx.overrides,
    appid: ctx.secrets.appid,
  }
}

/** Each class asks about its own notice, unless the user named one with --set payment_notice_no. */
export function noticeOf (ctx: CaseContext, n: number): string {
  const set = ctx.overrides?.payment_notice_no
  return typeof set === 'string' ? set : `4403${ctx.runId.replace(/\D/g, '').padEnd(8, '0').slice(0, 8)}${String(n).padStart(7, '0')}`
}

const BUSINESS: Acceptable[] = [
  { errcode: 232, outcome: 'PASS', note: finding('CHECK_QF_232') },
  { errcode: 236, outcome: 'PASS', note: finding('CHECK_QF_236') },
]

/** A bill WeChat can show: the amount in fen as a whole number, items (if any) an array. */
export function billProblem (reply: Reply, decrypt: (data: string) => string): Finding | undefined {
  if (reply.kind !== 'answer') return undefined
  let bill: unknown
  try {
    const data = (JSON.parse(reply.body.toString('utf8')) as { data?: unknown }).data
    if (typeof data !== 'string') return undefined
    bill = JSON.parse(decrypt(data))
  } catch { return undefined } // an unreadable answer is graded already
  if (typeof bill !== 'object' || bill === null) return undefined
  const b = bill as Record<string, unknown>
  if (typeof b.fee !== 'number' || !Number.isSafeInteger(b.fee) || b.fee < 0) return finding('CHECK_QF_BILL_FEE', { fee: JSON.stringify(b.fee) ?? finding('VALUE_ABSENT') })
  if (b.items !== undefined && !Array.isArray(b.items)) return finding('CHECK_QF_BILL_ITEMS', { items: JSON.stringify(b.items).slice(0, 60) })
  return undefined
}

const bill = (ctx: CaseContext, n: number) => accepts0({ echo: { payment_notice_no: noticeOf(ctx, n) }, also: BUSINESS })
const billProblemOf = (ctx: CaseContext, reply: Reply) => billProblem(reply, data => ctx.profile.decrypt(data, ctx.secrets).msg)

export const queryFeeCases: CheckCase[] = [
  {
    name: 'qf-crypto-test',
    group: 'version-1',
    sent: 'v1 query-fee 1: valid, signed',
    build: ctx => frame(ctx, encryptJson(ctx, queryFeeRequest(ctx, 1))),
    expect: ctx => bill(ctx, 1),
    answerProblem: billProblemOf,
  },
  {
    name: 'qf-signature-test',
    group: 'version-1',
    sent: 'v1 query-fee 2: bad msg_signature',
    build: ctx => frame(ctx, encryptJson(ctx, queryFeeRequest(ctx, 2)), { token: randomBytes(16).toString('hex') }),
    expect: () => expectationForTest('signature'),
  },
  {
    name: 'qf-other-token',
    group: 'signature',
    sent: 'signed with another token',
    build: ctx => frame(ctx, encryptJson(ctx, queryFeeRequest(ctx, 3)), { token: 'AnotherAccountsToken2024' }),
    expect: () => rejects(300, { why: { accepted: finding('CHECK_QF_UNSIGNED_BILL') } }),
  },
  {
    name: 'qf-other-key',
    group: 'decryption',
    sent: 'encrypted under another AES key',
    build: ctx => frame(ctx, encryptUnderOtherKey(ctx, queryFeeRequest(ctx, 4))),
    expect: () => rejects(298),
  },
  {
    name: 'qf-bad-base64',
    group: 'decryption',
    sent: 'ciphertext with non-base64 chars',
    build: ctx => frame(ctx, corruptBase64(encryptJson(ctx, queryFeeRequest(ctx, 5)))),
    expect: () => rejects(298, { also: [{ errcode: 210, outcome: 'WARN', note: finding('CHECK_QF_210_FOR_298') }] }),
  },
  {
    name: 'qf-bad-json',
    group: 'format',
    sent: 'JSON body cut in the middle',
    build: ctx => cutBodyInHalf(frame(ctx, encryptJson(ctx, queryFeeRequest(ctx, 6)))),
    expect: () => rejects(210),
  },
  {
    name: 'qf-repeat',
    group: 'business',
    sent: 'same notice asked again',
    build: ctx => frame(ctx, encryptJson(ctx, queryFeeRequest(ctx, 1))),
    expect: ctx => bill(ctx, 1),
    answerProblem: billProblemOf,
  },
]

