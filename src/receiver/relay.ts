import sjson from 'secure-json-parse'
import type { Answer } from '../protocol/answer.js'
import { buildFailureAnswer } from '../protocol/answer.js'
import { ERRCODE, ERRMSG } from '../protocol/errors.js'
import { finding, render } from '../messages/render.js'
import type { ForwardResult } from '../forward/types.js'
import type { ForwardedSummary } from '../capture/record.js'

export type { ForwardedSummary }

/** The statuses Fastify's reply.code() accepts. */
const MIN_RELAYED_STATUS = 100
const MAX_RELAYED_STATUS = 599
const SYSTEM_ERROR = buildFailureAnswer(ERRCODE.SYSTEM, ERRMSG[ERRCODE.SYSTEM])

/** What the receiver sends back, and for forward mode what it relays and records. */
export interface AnswerPlan {
  status: number
  body: Answer
  raw?: Buffer
  contentType?: string
  forwarded?: ForwardedSummary
}


/**
 * A handler that answered is relayed as is; a dead or slow one, or one whose status cannot be
 * relayed, gets the sender 299, so WeChat retries.
 * That 299 carries the fixed errmsg only: why the handler did not answer names its address and the
 * OS error, which are for the record and the log (`forwarded.error`), never for whoever sent the bytes.
 * What is recorded and logged goes through `mask`: a careless handler may echo its secrets.
 */
export function relayOutcome (f: ForwardResult, mask: (text: string) => string): AnswerPlan {
  const forwarded: ForwardedSummary = { ok: f.ok, durationMs: f.durationMs, grade: f.grade }
  if (f.status !== undefined) forwarded.status = f.status
  if (f.error !== undefined) forwarded.error = f.error
  if (!f.ok || f.body === undefined || f.status === undefined) return { status: 200, body: SYSTEM_ERROR, forwarded }
  const text = mask(f.body.toString('utf8'))
  forwarded.body = text
  // HTTP allows 100-999 but the edge can send only 100-599: relaying 600 would fail after recording it as sent.
  if (f.status < MIN_RELAYED_STATUS || f.status > MAX_RELAYED_STATUS) {
    forwarded.ok = false
    forwarded.error = render(finding('SEND_STATUS_UNRELAYABLE', { status: f.status }))
    return { status: 200, body: SYSTEM_ERROR, forwarded }
  }
  return { status: f.status, body: parseAnswer(text), raw: f.body, contentType: f.headers?.['content-type'], forwarded }
}

function parseAnswer (text: string): Answer {
  try {
    const v = sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as Partial<Answer> | null
    if (v && typeof v.errcode === 'number') return { ...v, errcode: v.errcode, errmsg: String(v.errmsg ?? '') }
  } catch {}
  return { errcode: -1, errmsg: `handler answer is not a JSON object with a numeric errcode: ${text.slice(0, 200)}` }
}
