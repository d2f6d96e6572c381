import { checkAnswer, type AnswerCheck } from '../protocol/answer.js'
import { finding, listOf } from '../messages/render.js'
import type { Finding, ParamValue } from '../messages/types.js'
import { callbackSecrets, maskerFor, maskSecrets } from '../protocol/mask.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { failReason, networkReason } from './explain.js'
import { answerForensics, type SentStrings } from './forensics.js'
import type { Acceptable, Expectation, Grade, Reply } from './types.js'

export interface GradeContext {
  secrets: Secrets
  profile: CryptoProfile
  /** The delivery's signed strings, to recognise an answer signed over them by mistake. */
  sent?: SentStrings
}

/**
 * Grade one answer of a handler against what docs/PROTOCOL.md §4 expects for the delivery. The one grader:
 * the emulator, `check` and forward mode all call it, so they say the same thing about the same answer.
 * A status other than HTTP 200 with an acceptable errcode is a WARN, never a FAIL: docs/PROTOCOL.md §4 answers
 * HTTP 200, but WeChat documents no status (part C latitude).
 */
export function gradeReply (e: Expectation, reply: Reply, ctx: GradeContext): Grade {
  const g = gradeAnswer(e, reply, ctx)
  g.notes = g.notes.map(n => inProfileWords(n, ctx.profile))
  if (g.reason !== undefined) g.reason = inProfileWords(g.reason, ctx.profile)
  return g
}

/**
 * Fix texts name the algorithm of the profile in use ({signature}, {cipher}, {sigField}, … in
 * src/messages/en/grade.ts): its words fill the templates, under the finding's own params.
 */
export function inProfileWords (f: Finding, profile: CryptoProfile): Finding {
  return { code: f.code, params: { ...profile.words, ...f.params } }
}

function gradeAnswer (e: Expectation, reply: Reply, ctx: GradeContext): Grade {
  if (reply.kind === 'error') {
    return { outcome: 'FAIL', failure: 'no-answer', expected: e.described, got: finding('GOT_NO_ANSWER', { error: reply.finding }), reason: networkReason(reply), notes: [], forensics: [] }
  }
  const text = reply.body.toString('utf8')
  const secrets = callbackSecrets(ctx.secrets)
  // What is shown comes from the masked text: masking after slicing could leave part of a secret.
  const shown = maskSecrets(text, secrets)
  const answer = maskAnswer(checkAnswer(reply.status, text, ctx.secrets, ctx.profile), shown, secrets)
  const grade: Grade = { outcome: 'PASS', expected: e.described, got: describeGot(reply.status, answer, shown), answer, notes: [], forensics: [] }
  const match = matchOf(e.accept, reply.status, answer.errcode)
  if (!match) {
    grade.outcome = 'FAIL'
    grade.failure = 'errcode'
    grade.reason = failReason(e, reply.status, answer, shown.slice(0, 200))
    return grade
  }
  if (match.outcome === 'WARN') warn(grade, match.note ?? finding('NOTE_LATITUDE'))
  if (match.httpStatus !== undefined) return grade
  if (reply.status !== 200) warn(grade, finding('NOTE_HTTP_STATUS', { status: reply.status }))
  if (answer.errcode === 0) gradeSuccessAnswer(grade, answer, e, text, ctx)
  else if (answer.signatureOk !== null) warn(grade, finding('NOTE_REJECTION_WITH_DATA'))
  return grade
}

function warn (g: Grade, note: Finding): void {
  if (g.outcome === 'PASS') g.outcome = 'WARN'
  g.notes.push(note)
}

function matchOf (accept: Acceptable[], status: number, errcode: number | undefined): Acceptable | undefined {
  const byStatus = accept.find(a => a.httpStatus === status)
  if (byStatus) return byStatus
  if (errcode === undefined) return undefined
  return accept.find(a => a.errcode === errcode) ?? (errcode !== 0 ? accept.find(a => a.errcode === 'any-rejection') : undefined)
}

/** A 0 is only worth something if WeChat can read it: signed, encrypted data that decrypts to JSON. */
function gradeSuccessAnswer (g: Grade, answer: AnswerCheck, e: Expectation, text: string, ctx: GradeContext): void {
  const problems = answer.problems.filter(p => p.code !== 'ANSWER_HTTP_STATUS')
  if (answer.data !== undefined && (typeof answer.data !== 'object' || answer.data === null || Array.isArray(answer.data))) {
    problems.push(finding('ANSWER_DATA_NOT_OBJECT', { head: JSON.stringify(answer.data).slice(0, 60) }))
  }
  if (problems.length > 0) {
    g.outcome = 'FAIL'
    g.failure = 'answer'
    g.reason = finding('GRADE_ANSWER_UNUSABLE', { problems: listOf(problems, 'semi') })
    const mask = maskerFor(ctx.secrets)
    g.forensics.push(...answerForensics(text, ctx.secrets, ctx.profile, ctx.sent).map(f => maskParams(f, mask)))
    return
  }
  for (const w of answer.warnings) warn(g, w)
  if (!e.echo || answer.data === undefined) return
  const data = answer.data as Record<string, unknown>
  const off = Object.entries(e.echo).filter(([k, v]) => v !== undefined && String(data[k]) !== String(v))
  if (off.length > 0) {
    warn(g, finding('NOTE_NO_ECHO', { data: JSON.stringify(data).slice(0, 100), missing: off.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ') }))
  }
}

/** Long form of what came back; the handler's own values (errmsg, data) are shown quoted, as sent. */
export function describeGot (status: number, a: AnswerCheck, text: string): Finding {
  if (a.errcode === undefined) return finding('GOT_NO_ERRCODE', { status, head: JSON.stringify(text.slice(0, 120)) })
  const errmsg = a.errmsg === undefined ? '' : ` ${JSON.stringify(a.errmsg.slice(0, 120))}`
  const data = a.data !== undefined ? finding('GOT_DATA', { json: JSON.stringify(a.data).slice(0, 100) }) : ''
  const sig = a.signatureOk === null ? '' : finding(a.signatureOk ? 'GOT_SIG_VALID' : 'GOT_SIG_INVALID')
  return finding('GOT_ANSWER', { status, errcode: a.errcode, errmsg, data, sig })
}

/** Table form of what came back. */
export function shortGot (reply: Reply, g: Grade): Finding {
  if (reply.kind === 'error') return finding(reply.timedOut ? 'GOT_SHORT_TIMEOUT' : reply.unreachable ? 'GOT_SHORT_UNREACHABLE' : 'GOT_SHORT_NO_ANSWER')
  const a = g.answer
  if (a?.errcode === undefined) return finding('GOT_SHORT_NO_ERRCODE', { status: reply.status })
  const http = reply.status === 200 ? '' : finding('GOT_SHORT_HTTP', { status: reply.status })
  if (a.errcode !== 0) return finding('GOT_SHORT_ERRCODE', { errcode: a.errcode, http })
  const ok = a.signatureOk === true && a.problems.every(p => p.code === 'ANSWER_HTTP_STATUS')
  return finding(ok ? 'GOT_SHORT_DATA' : 'GOT_SHORT_BAD_ANSWER', { http })
}

/** A handler may echo its secrets: mask what the answer check quotes from the body, before anything is cut. */
function maskAnswer (a: AnswerCheck, shown: string, secrets: string[]): AnswerCheck {
  const m = (t: string) => maskSecrets(t, secrets)
  return {
    ...a,
    errmsg: a.errmsg === undefined ? undefined : m(a.errmsg),
    problems: a.problems.map(p => (p.code === 'ANSWER_NOT_JSON' ? finding('ANSWER_NOT_JSON', { head: JSON.stringify(shown.slice(0, 120)) }) : maskParams(p, m))),
    data: a.data === undefined ? undefined : JSON.parse(m(JSON.stringify(a.data))) as unknown,
  }
}

/** Every string a finding quotes, nested findings and lists included, through the masker. */
function maskParams (f: Finding, m: (t: string) => string): Finding {
  if (!f.params) return f
  return { code: f.code, params: Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, maskValue(v, m)])) }
}

function maskValue (v: ParamValue, m: (t: string) => string): ParamValue {
  if (typeof v === 'string') return m(v)
  if (typeof v !== 'object' || v === null) return v
  return 'list' in v ? listOf(v.list.map(x => maskValue(x, m)), v.join) : maskParams(v, m)
}
