import { render } from '../messages/render.js'
import { randomBytes } from 'node:crypto'
import type { Dispatcher } from 'undici'
import { newWxNontaxStr } from '../protocol/delivery.js'
import { inspectDelivery } from '../protocol/inspect.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { batteryCases } from './cases.js'
import { rootCauses } from './root-cause.js'
import { combineRedelivery, firstFailed } from './redelivery.js'
import { orderOf } from './cases-core.js'
import type { Overrides } from '../payload/overrides.js'
import { notApplicable } from './applicability.js'
import { withQuery } from '../net/raw-query.js'
import { queryString } from './craft.js'
import { shortExpected } from '../grade/expectation.js'
import { referenceForensics } from '../grade/forensics.js'
import { gradeReply, inProfileWords, shortGot } from '../grade/grade.js'
import { DEFAULT_TIMEOUT_MS, notSent, sendRequest, type SendFailure } from '../net/send-request.js'
import type { CaseContext, CheckCase, CheckReport, CheckResult, CraftedRequest } from './types.js'
import type { Reply } from '../grade/types.js'

export const CHECK_USER_AGENT = 'nontax-debugger-check'

export interface BatteryOptions {
  /** The user's handler, e.g. http://127.0.0.1:8080/notify; the crafted query is appended. */
  target: string
  /** The secrets the handler is configured with. */
  secrets: Secrets
  profile: CryptoProfile
  now?: () => number
  timeoutMs?: number
  dispatcher?: Dispatcher
  /** Defaults to the whole battery, in CASE_ORDER. */
  cases?: CheckCase[]
  /** The user's notification fields (--set, --set-file) in every payment notification. */
  overrides?: Overrides
}

/** Send every class of the battery to the handler, one delivery each, in order, and grade each answer. */
export async function runBattery (o: BatteryOptions): Promise<CheckReport> {
  const now = o.now ?? Date.now
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const startedMs = now()
  const started = performance.now()
  const runId = `CHK${randomBytes(4).toString('hex').toUpperCase()}`
  const ctx: CaseContext = { secrets: o.secrets, profile: o.profile, nowMs: startedMs, runId, overrides: o.overrides, first: { nonce: newWxNontaxStr(), orderId: '', status: 3 } }
  ctx.first = { ...ctx.first, ...orderOf(ctx, 1) }
  const all = o.cases ?? batteryCases()
  const skipped = all.flatMap(c => {
    const why = notApplicable(c.name, o.profile)
    return why === undefined ? [] : [{ class: c.name, group: c.group, sent: c.sent, reason: render(why), finding: why }]
  })
  const cases = all.filter(c => !skipped.some(s => s.class === c.name))
  const results: CheckResult[] = []
  let unreachable: SendFailure | undefined
  for (const c of cases) {
    const req = c.build(ctx)
    // Once nothing listens, sending the rest only repeats the same error.
    const reply: Reply = unreachable !== undefined
      ? { kind: 'error', ...notSent(unreachable), notSent: true, durationMs: 0 }
      : await send(o, req, timeoutMs)
    if (reply.kind === 'error' && reply.unreachable) unreachable ??= reply
    const result = gradeCase(c, ctx, req, reply)
    results.push(c.redeliver !== true || reply.kind === 'error' ? result : await sendAgain(c, ctx, req, result, () => send(o, req, timeoutMs)))
  }
  const count = (x: string) => results.filter(r => r.outcome === x).length
  const causes = rootCauses(results, o.profile.descriptor.signature.encoding)
  causes.forEach((cause, i) => { for (const r of results) if (cause.classes.includes(r.class)) r.cause ??= i + 1 })
  return {
    target: o.target,
    profile: o.profile.name,
    assumption: o.profile.assumption,
    startedAt: new Date(startedMs).toISOString(),
    durationMs: Math.round(performance.now() - started),
    classes: cases.map(c => ({ name: c.name, group: c.group, sent: c.sent })),
    results,
    notApplicable: skipped,
    // A class never sent (the target stopped answering before it) was not graded: counted apart, never as a FAIL.
    summary: { total: results.length, pass: count('PASS'), warn: count('WARN'), fail: results.filter(r => r.outcome === 'FAIL' && !r.reply.notSent).length, notSent: results.filter(r => r.reply.notSent).length },
    causes,
  }
}

async function send (o: BatteryOptions, req: CraftedRequest, timeoutMs: number): Promise<Reply> {
  const headers: Record<string, string> = { ...req.headers, 'user-agent': CHECK_USER_AGENT }
  if (req.contentType !== undefined) headers['content-type'] = req.contentType
  return sendRequest(withQuery(o.target, queryString(req.query)), { method: 'POST', headers, body: req.body, timeoutMs, dispatcher: o.dispatcher })
}

/** The same bytes again, as a WeChat retry; the class passes only if both answers do. */
async function sendAgain (c: CheckCase, ctx: CaseContext, req: CraftedRequest, first: CheckResult, again: () => Promise<Reply>): Promise<CheckResult> {
  if (first.outcome === 'FAIL') return firstFailed(first)
  const reply = await again()
  return combineRedelivery(first, gradeCase(c, ctx, req, reply), reply)
}

export function gradeCase (c: CheckCase, ctx: CaseContext, req: CraftedRequest, reply: Reply): CheckResult {
  const expectation = c.expect(ctx)
  const reference = inspectDelivery(
    { body: req.body, contentType: req.contentType, query: Object.fromEntries(req.query), headers: req.headers ?? {} },
    { secrets: ctx.secrets, profile: ctx.profile, nowMs: ctx.nowMs },
  )
  const env = reference.envelope
  const grade = gradeReply(expectation, reply, { secrets: ctx.secrets, profile: ctx.profile, sent: { timestamp: env?.timestamp, nonce: env?.nonce, encrypt: env?.encrypt } })
  if (grade.failure === 'errcode') grade.forensics.push(...referenceForensics(reference, { crafted: true, profile: ctx.profile }))
  const got = shortGot(reply, grade)
  const expectedShort = shortExpected(expectation)
  const problem = grade.outcome !== 'FAIL' && grade.answer?.errcode === 0 ? c.answerProblem?.(ctx, reply) : undefined
  if (problem !== undefined) Object.assign(grade, { outcome: 'FAIL', failure: 'answer', reason: inProfileWords(problem, ctx.profile) })
  const a = grade.answer
  return {
    class: c.name,
    group: c.group,
    sent: c.sent,
    request: { method: 'POST', query: queryString(req.query), contentType: req.contentType, bodyBytes: req.body.length },
    got: render(got),
    reply: {
      httpStatus: reply.kind === 'answer' ? reply.status : undefined,
      errcode: a?.errcode,
      errmsg: a?.errmsg,
      problems: a?.problems ?? [],
      error: reply.kind === 'error' ? reply.error : undefined,
      failure: reply.kind === 'error' ? reply.finding : undefined,
      notSent: reply.kind === 'error' && reply.notSent === true,
      unreachable: reply.kind === 'error' && reply.unreachable,
      durationMs: reply.durationMs,
    },
    expected: render(grade.expected),
    expectedShort: render(expectedShort),
    outcome: grade.outcome,
    reason: grade.reason === undefined ? undefined : render(grade.reason),
    notes: grade.notes.map(n => render(n)),
    findings: { reason: grade.reason, notes: grade.notes, expected: grade.expected, expectedShort, got, forensics: grade.forensics },
    forensics: grade.forensics.map(f => render(f)),
    reference: { errcode: reference.errcode, reason: reference.reason, message: reference.message },
    accepts0: expectation.accept.some(x => x.errcode === 0 && x.outcome === 'PASS'),
    signals: c.observe?.(ctx, reply) ?? [],
  }
}
