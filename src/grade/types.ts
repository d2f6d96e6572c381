import type { AnswerCheck } from '../protocol/answer.js'
import type { Finding } from '../messages/types.js'
import type { Reply } from '../net/send-request.js'

export type { Reply }

export type Outcome = 'PASS' | 'WARN' | 'FAIL'

/** `errcode: 'any-rejection'` matches every non-zero errcode; `httpStatus` matches a refusal before the handler ran. */
export interface Acceptable {
  errcode?: number | 'any-rejection'
  httpStatus?: number
  outcome: 'PASS' | 'WARN'
  /** Why it is only a warning, or what the answer means. */
  note?: Finding
}

/** What docs/PROTOCOL.md §4 expects for one delivery, with the latitude of part C. */
export interface Expectation {
  /** In docs/PROTOCOL.md §4 terms, e.g. "errcode 300 (signature error)" (EXPECT_* in src/messages/en/grade-details.ts). */
  described: Finding
  accept: Acceptable[]
  /** For errcode 0: the fields the decrypted answer data should echo (docs/PROTOCOL.md §4: order_id, status). */
  echo?: Record<string, unknown>
  /** Plain words for a FAIL: `accepted` when the handler answered 0, `rejected` for another errcode, or per errcode. */
  why?: { accepted?: Finding; rejected?: Finding; errcode?: Record<number, Finding> }
}

/** What the grader concluded about one answer: the emulator, `check` and forward mode share it. */
export interface Grade {
  outcome: Outcome
  /** What was expected and what came back, coded (EXPECT_*, GOT_*): each reader sees them in its language. */
  expected: Finding
  got: Finding
  /** For FAIL: what is wrong and how to fix it (coded; src/messages/en/grade.ts, check.ts). */
  reason?: Finding
  /** For FAIL: no answer at all, the wrong errcode, or the right errcode 0 with an answer WeChat cannot use. */
  failure?: 'no-answer' | 'errcode' | 'answer'
  answer?: AnswerCheck
  /** WARN notes and smaller remarks (coded). */
  notes: Finding[]
  /** Numbers behind a failure: signatures expected vs received, decryption failure details (FX_*). */
  forensics: Finding[]
}

