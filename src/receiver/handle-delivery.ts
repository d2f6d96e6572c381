import { finding } from '../messages/render.js'
import type { CaptureRecord, CaptureStore } from '../capture/record.js'
import { serializeRecord } from '../capture/record-line.js'
import { buildFailureAnswer, buildSuccessAnswer, type Answer } from '../protocol/answer.js'
import { ERRCODE, ERRMSG } from '../protocol/errors.js'
import { errmsgFor, inspectDelivery, type Inspection } from '../protocol/inspect.js'
import { maskerFor } from '../protocol/mask.js'
import { randomBytesPooled } from '../protocol/random.js'
import { keyFingerprints } from '../preflight/keys.js'
import { localCompact } from '../time/local.js'
import { deliveryHeadline } from '../log/pretty-delivery.js'
import { businessAnswer } from './business-answer.js'
import { buildCaptureRecord, parsedQuery, requestUrl } from './capture-record.js'
import type { DeliveryDeps, HandledDelivery, ReceivedRequest, Rejection, WireAnswer } from './received-request.js'
import { relayOutcome, type AnswerPlan } from './relay.js'
import { createSeenNonces } from './seen-nonces.js'
import { valueText } from '../log/terminal-safe.js'
import { first } from '../profiles/wire.js'
import { logFinding } from '../log/pretty-message.js'

export type DeliveryHandler = (req: ReceivedRequest) => Promise<HandledDelivery>

/** e.g. 20260301-160000-f1a7e5: local second of arrival (as the person reads it), then 3 random bytes. */
export function newCaptureId (nowMs: number): string {
  return `${localCompact(nowMs)}-${randomBytesPooled(3).toString('hex')}`
}

/**
 * The whole delivery path, without a framework: inspect → duplicates → answer (ours or the
 * forwarded handler's) → nonce replay → record durably (299 if that fails) → announce → log.
 * Returns the bytes to answer and the record; the HTTP layer only writes them out.
 */
export function createDeliveryHandler (deps: DeliveryDeps): DeliveryHandler {
  const nonces = createSeenNonces()
  // Once per handler: each capture says which keys it was received with, by fingerprint only.
  const keys = keyFingerprints(deps.secrets)
  return async req => {
    const started = performance.now()
    const receivedAtMs = deps.now()
    const query = parsedQuery(req.query)
    const inspection = req.rejection ? rejected(req.rejection) : inspectDelivery(
      { body: req.body, contentType: first(req.headers['content-type']), query, headers: req.headers },
      { secrets: deps.secrets, profile: deps.profile, nowMs: receivedAtMs },
    )
    const earlier = flagDuplicate(inspection, deps.store)
    const id = newCaptureId(receivedAtMs)
    const nonce = inspection.envelope?.nonce
    // Before forwarding, so the grader knows the nonce repeats (docs/PROTOCOL.md §8 latitude).
    flagNonceReuse(inspection, nonces.note(nonce, id))
    const outcome = await answerFor(req, inspection, deps, receivedAtMs)
    // Again after forwarding: a duplicate recorded while this one was at the handler counts too.
    const duplicateOf = earlier ?? flagDuplicate(inspection, deps.store)
    const record = buildCaptureRecord({
      id, req, query, inspection, duplicateOf, forwarded: outcome.forwarded,
      answer: { status: outcome.status, body: outcome.body }, receivedAtMs, durationMs: elapsedSince(started),
    })
    record.keys = keys
    const handled = await recordAndAnswer(record, outcome, deps, req.rejection?.status ?? 200)
    // A delivery that was not recorded is not an earlier capture a retry can point to.
    if (!handled.recorded) nonces.forget(nonce, id)
    return handled
  }
}

/** Forward only what the HTTP layer says may go (a complete POST), never a rejected request. */
async function answerFor (req: ReceivedRequest, inspection: Inspection, deps: DeliveryDeps, nowMs: number): Promise<AnswerPlan> {
  if (deps.forward && req.mayForward && !req.rejection) {
    const result = await deps.forward({ method: req.method, url: requestUrl(req), headers: req.headers, body: req.body, expected: inspection })
    return relayOutcome(result, maskerFor(deps.secrets))
  }
  return { status: req.rejection?.status ?? 200, body: ownAnswer(inspection, deps, nowMs) }
}

/** Never answer 0 for a delivery that is not safely recorded: 299 makes WeChat deliver again. */
async function recordAndAnswer (record: CaptureRecord, outcome: AnswerPlan, deps: DeliveryDeps, failStatus: number): Promise<HandledDelivery> {
  // Serialized once: the same string is the capture line and the JSON log line.
  const json = serializeRecord(record)
  try {
    await deps.store.append(record, json)
  } catch (err) {
    // The sender gets the fixed reason only: CAPTURE_DIR and the OS error are for the operator's log.
    const [coded, msg] = logFinding(finding('RECORD_FAILED', { detail: (err as Error).message }))
    const failed: CaptureRecord = { ...record, answer: { status: failStatus, body: buildFailureAnswer(ERRCODE.SYSTEM, ERRMSG[ERRCODE.SYSTEM]) } }
    deps.log.error({ delivery: failed, recordError: (err as Error).message, ...coded }, msg)
    return { answer: jsonAnswer(failStatus, failed.answer.body), record: failed, recorded: false }
  }
  deps.onDelivery(record)
  logDelivery(deps, record, json)
  // A relayed answer goes out byte for byte, as the user's handler wrote it.
  const answer = outcome.raw
    ? { status: outcome.status, headers: { 'content-type': outcome.contentType ?? 'application/json' }, body: outcome.raw }
    : jsonAnswer(outcome.status, outcome.body)
  return { answer, record, recorded: true }
}

export function jsonAnswer (status: number, body: Answer): WireAnswer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(body), 'utf8') }
}

function ownAnswer (i: Inspection, deps: DeliveryDeps, nowMs: number): Answer {
  return i.errcode === ERRCODE.OK
    ? buildSuccessAnswer(businessAnswer(i), deps.secrets, deps.profile, nowMs)
    : buildFailureAnswer(i.errcode, errmsgFor(i))
}

function rejected (r: Rejection): Inspection {
  return { errcode: r.errcode, reason: r.reason, message: r.message, ...(r.finding ? { messageFinding: r.finding } : {}), kind: 'unknown', warnings: [] }
}

function flagDuplicate (i: Inspection, store: CaptureStore): string | undefined {
  const p = i.payload
  if (i.errcode !== ERRCODE.OK || i.kind !== 'payment_notification' || p?.order_id === undefined) return undefined
  const dup = store.findOrder(valueText(p.order_id), valueText(p.status))
  if (dup) i.warnings.push(finding('WARN_DUPLICATE_ORDER', { earlier: dup }))
  return dup
}

/** docs/PROTOCOL.md §8: a repeated wxnontaxstr may be accepted or rejected, but the debugger always flags it. */
function flagNonceReuse (i: Inspection, earlier: string | undefined): void {
  if (earlier) i.warnings.push(finding('WARN_NONCE_REUSED', { nonce: i.envelope?.nonce, earlier }))
}

function logDelivery (deps: DeliveryDeps, r: CaptureRecord, json: string): void {
  const a = r.answer.body
  deps.log.delivery(a.errcode === 0 ? 'info' : 'warn', deliveryHeadline(r), r, json)
}

function elapsedSince (startedMs: number): number {
  return Math.round((performance.now() - startedMs) * 10) / 10
}
