import { render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { expectationForTest } from '../grade/expectation.js'
import { gradeReply, type GradeContext } from '../grade/grade.js'
import type { SentTest } from '../grade/mock-tests.js'
import type { Outcome } from '../grade/types.js'
import type { AnswerCheck } from '../protocol/answer.js'

/** Which of WeChat's mock tests a delivery is (docs/PROTOCOL.md §4); the vocabulary lives in src/grade/mock-tests.ts. */
export type DeliveryTest = SentTest

/** What the emulator sent to the callback url and what it made of the answer. Holds no secrets. */
export interface DeliveryReport {
  triggerId: string
  /** 1-based position within the trigger, in sending order. */
  index: number
  total: number
  test: DeliveryTest
  wxnontaxstr: string
  /** The delivery URL (callback url + wxnontaxstr, timestamp, msg_signature). */
  url: string
  orderId: string
  sentAt: string
  durationMs: number
  httpStatus?: number
  answer?: AnswerCheck
  /** Transport failure (refused, timeout, TLS), when there was no answer. */
  error?: string
  expectedErrcode: 0 | 300
  /** The grader's outcome (src/grade/): the same verdict `check` and forward mode give for this answer. */
  outcome: Outcome
  /** outcome is not FAIL. */
  ok: boolean
  /** Why ok is false; empty when ok. */
  problems: string[]
  /** Looser answers that docs/PROTOCOL.md §8 accepts, worth a look. */
  warnings: string[]
  /** The grader's reason and notes as codes (problems and warnings are their English rendering). */
  findings?: { reason?: Finding; notes: Finding[]; forensics?: Finding[]; expected?: Finding; got?: Finding }
  /** Every sending of this delivery, first to last (WeChat's notify_cnt is their number); retries only when configured. */
  attempts: DeliveryAttempt[]
}

export interface DeliveryAttempt { sentAt: string; durationMs: number; httpStatus?: number; errcode?: number; error?: string }

export interface TriggerSummary {
  triggerId: string
  appid: string
  url: string
  version: number
  startedAt: string
  finishedAt: string
  reports: DeliveryReport[]
  ok: boolean
}

export type DeliveryGrade = Pick<DeliveryReport, 'answer' | 'outcome' | 'ok' | 'problems' | 'warnings' | 'findings'>

/** Grade an answer against what the test expects, with the one grader (docs/PROTOCOL.md §4, "The two version: 1 deliveries"). */
export function gradeAnswer (test: DeliveryTest, reply: { status: number; body: Buffer; durationMs: number }, ctx: GradeContext, echo: Record<string, unknown>): DeliveryGrade {
  const g = gradeReply(expectationForTest(test, echo), { kind: 'answer', headers: {}, ...reply }, ctx)
  return {
    answer: g.answer,
    outcome: g.outcome,
    ok: g.outcome !== 'FAIL',
    problems: g.outcome === 'FAIL' ? [g.reason === undefined ? 'FAIL' : render(g.reason), ...g.forensics.map(f => render(f))] : [],
    warnings: g.notes.map(n => render(n)),
    findings: { reason: g.reason, notes: g.notes, forensics: g.forensics, expected: g.expected, got: g.got },
  }
}
