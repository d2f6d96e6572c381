import type { AnswerCheck } from '../protocol/answer.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export type Outcome = 'PASS' | 'WARN' | 'FAIL'

/** What the handler did: an HTTP answer, or no answer at all (refused, reset, timeout). */
export type Reply =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: Buffer; durationMs: number }
  | { kind: 'error'; error: string; unreachable: boolean; durationMs: number }

/** `errcode: 'any-rejection'` matches every non-zero errcode; `httpStatus` matches a refusal before the handler ran. */
export interface Acceptable {
  errcode?: number | 'any-rejection'
  httpStatus?: number
  outcome: 'PASS' | 'WARN'
  /** Why it is only a warning, or what the answer means. */
  note?: string
}

/** What PROTOCOL.md expects for one delivery, with the latitude of part C. */
export interface Expectation {
  /** In PROTOCOL.md terms, e.g. "errcode 300 (signature error), no data". */
  text: string
  accept: Acceptable[]
  /** For errcode 0: the fields the decrypted answer data should echo (PROTOCOL.md B: order_id, status). */
  echo?: Record<string, unknown>
  /** Plain words for a FAIL: `accepted` when the handler answered 0, `rejected` for another errcode, or per errcode. */
  why?: { accepted?: string; rejected?: string; errcode?: Record<number, string> }
}

/** What the grader concluded about one answer. The forwarder and the battery share it. */
export interface Grade {
  outcome: Outcome
  expected: string
  got: string
  /** For FAIL: what is wrong and how to fix it. */
  reason?: string
  /** For FAIL: no answer at all, the wrong errcode, or the right errcode 0 with an answer WeChat cannot use. */
  failure?: 'no-answer' | 'errcode' | 'answer'
  answer?: AnswerCheck
  /** WARN notes and smaller remarks. */
  notes: string[]
  /** Numbers behind a failure: signatures expected vs received, decryption failure details. */
  forensics: string[]
}

/** A delivery as check puts it on the wire: the query keeps its order and names exactly as crafted. */
export interface CraftedRequest {
  query: Array<[string, string]>
  /** undefined: no content-type header at all. */
  contentType: string | undefined
  body: Buffer
}

export type CaseGroup = 'version-1' | 'signature' | 'decryption' | 'format' | 'latitude' | 'business'

export interface CaseContext {
  secrets: Secrets
  profile: CryptoProfile
  nowMs: number
  /** Shared by the cases that refer to an earlier delivery (replay, duplicate order). */
  first: { nonce: string; orderId: string; status: number }
  runId: string
}

/** One class of the battery: declarative, one delivery each. */
export interface CheckCase {
  name: string
  group: CaseGroup
  /** What is sent, in a few words (table column). */
  sent: string
  build (ctx: CaseContext): CraftedRequest
  expect (ctx: CaseContext): Expectation
}

export interface CheckResult {
  class: string
  group: CaseGroup
  sent: string
  request: { method: 'POST'; query: string; contentType: string | undefined; bodyBytes: number }
  /** Short form of what came back, for the table. */
  got: string
  reply: { httpStatus?: number; errcode?: number; errmsg?: string; problems: string[]; error?: string; durationMs: number }
  expected: string
  /** Short form of what is accepted, for the table: PASS codes, [WARN codes]. */
  expectedShort: string
  outcome: Outcome
  reason?: string
  notes: string[]
  forensics: string[]
  /** What this project's own receiver concludes about the same delivery (PROTOCOL.md B). */
  reference: { errcode: number; reason?: string; message?: string }
}

export interface CheckReport {
  target: string
  profile: string
  assumption: string
  startedAt: string
  durationMs: number
  classes: Array<{ name: string; group: CaseGroup; sent: string }>
  results: CheckResult[]
  summary: { total: number; pass: number; warn: number; fail: number }
}
