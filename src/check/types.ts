import type { RootCause } from './root-cause.js'
import type { Overrides } from '../payload/overrides.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import type { Expectation, Outcome, Reply } from '../grade/types.js'
import type { Finding } from '../messages/types.js'

/** A delivery as check puts it on the wire: the query keeps its order and names exactly as crafted. */
export interface CraftedRequest {
  query: Array<[string, string]>
  /** undefined: no content-type header at all. */
  contentType: string | undefined
  /** Values a profile carries in headers (lower-case names). */
  headers?: Record<string, string>
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
  /** The user's own notification fields (--set, --set-file), on top of every payment notification sent. */
  overrides?: Overrides
}

/** One class of the battery: declarative, one delivery each. */
export interface CheckCase {
  name: string
  group: CaseGroup
  /** What is sent, in a few words (table column). */
  sent: string
  build (ctx: CaseContext): CraftedRequest
  expect (ctx: CaseContext): Expectation
  /** For an accepted answer: a problem the errcode and echo do not show (e.g. its padding), as a FAIL reason. */
  answerProblem? (ctx: CaseContext, reply: Reply): Finding | undefined
  /** Send the same request twice (a WeChat retry); the second answer is graded too (redelivery.ts). */
  redeliver?: boolean
  /** Stable signals about the answer for the root-cause summary (root-cause.ts SIGNAL). */
  observe? (ctx: CaseContext, reply: Reply): string[]
}

export interface CheckResult {
  class: string
  group: CaseGroup
  sent: string
  request: { method: 'POST'; query: string; contentType: string | undefined; bodyBytes: number }
  /** Short form of what came back, for the table (English; `findings.got` holds it coded). */
  got: string
  reply: { httpStatus?: number; errcode?: number; errmsg?: string; problems: Finding[]; error?: string; failure?: Finding; notSent: boolean; /** Nothing answers at the target (refused, no such host, TLS): not a graded answer. */ unreachable: boolean; durationMs: number }
  /** What docs/PROTOCOL.md §4 expects, in English (`findings.expected` holds it coded). */
  expected: string
  /** Short form of what is accepted, for the table: PASS codes, [WARN codes]. */
  expectedShort: string
  outcome: Outcome
  /**
   * reason, notes, forensics and the forms of expected and got are rendered in English, as the JSON
   * report has always carried them; `findings` holds the same as codes, for a report in another language.
   */
  reason?: string
  notes: string[]
  findings: { reason?: Finding; notes: Finding[]; expected?: Finding; expectedShort?: Finding; got?: Finding; forensics?: Finding[] }
  forensics: string[]
  /** What this project's own receiver concludes about the same delivery (docs/PROTOCOL.md §4). */
  reference: { errcode: number; reason?: string; message?: string }
  /** Whether errcode 0 passes for this delivery (it is valid). */
  accepts0: boolean
  /** What the class observed beyond the grade, as stable codes (root-cause.ts SIGNAL). */
  signals: string[]
  /** Set when a root cause above explains this FAIL (1-based index into CheckReport.causes). */
  cause?: number
}

export interface CheckReport {
  target: string
  profile: string
  assumption: string
  startedAt: string
  durationMs: number
  classes: Array<{ name: string; group: CaseGroup; sent: string }>
  results: CheckResult[]
  /** Classes not sent because they mean nothing under this profile (never counted as PASS). */
  notApplicable: Array<{ class: string; group: CaseGroup; sent: string; reason: string; finding: Finding }>
  summary: { total: number; pass: number; warn: number; fail: number; notSent: number }
  /** Bugs recognised from the pattern of results, said once above the per-class detail. */
  causes: RootCause[]
}
