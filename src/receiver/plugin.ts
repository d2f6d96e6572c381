import type { EventEmitter } from 'node:events'
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { CaptureRecord, CaptureStore } from '../capture/record.js'
import { buildFailureAnswer, buildSuccessAnswer, type Answer } from '../protocol/answer.js'
import { ERRCODE, NotificationError, type Errcode } from '../protocol/errors.js'
import { errmsgFor, inspectDelivery, type Inspection } from '../protocol/inspect.js'
import { maskSecrets } from '../protocol/mask.js'
import { randomBytesPooled } from '../protocol/random.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import type { Forwarder } from '../forward/types.js'
import { businessAnswer } from './business-answer.js'
import { relayOutcome, type Outcome } from './relay.js'
import { createSeenNonces } from './seen-nonces.js'
import { buildCaptureRecord } from './capture-record.js'

export interface ReceiverOptions {
  notifyPath: string
  secrets: Secrets
  profile: CryptoProfile
  store: CaptureStore
  /** Emits 'delivery' with each CaptureRecord once recorded (the verdict listens). */
  events: EventEmitter
  now: () => number
  /** Forward mode: the user's handler answers instead of us; we record, grade and relay. */
  forward?: Forwarder
}

export function newCaptureId (nowMs: number): string {
  const t = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `${t}-${randomBytesPooled(3).toString('hex')}`
}

/**
 * Encapsulated: only this scope drops Fastify's parsers and keeps the body as bytes, so a
 * malformed body still reaches the handler, is recorded and gets a documented errcode.
 */
export const receiverPlugin: FastifyPluginAsync<ReceiverOptions> = async (app, opts) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  const nonces = createSeenNonces()
  const answerDelivery = async (req: FastifyRequest, reply: FastifyReply, raw: Buffer, inspection: Inspection, status = 200) => {
    const receivedAtMs = opts.now()
    const dup = duplicateOf(inspection, opts.store)
    if (dup) inspection.warnings.push(`duplicate of ${dup} (same order_id + status): answered 0 again since WeChat retries lost answers; do not apply it twice`)
    const outcome: Outcome = opts.forward && status === 200 && req.method === 'POST'
      ? relayOutcome(await opts.forward({ method: req.method, url: req.url, headers: req.headers, body: raw, expected: inspection }),
        text => maskSecrets(text, [opts.secrets.token, opts.secrets.encodingAESKey]))
      : { status, body: ownAnswer(inspection, opts, receivedAtMs) }
    const id = newCaptureId(receivedAtMs)
    // PROTOCOL.md C: a repeated wxnontaxstr may be accepted or rejected, but the debugger always flags it.
    const sameNonce = nonces.note(inspection.envelope?.nonce, id)
    if (sameNonce) inspection.warnings.push(`wxnontaxstr ${inspection.envelope?.nonce} was already used by delivery ${sameNonce}: a replay, or a sender that reuses nonces`)
    let record = buildCaptureRecord({
      id, req, raw, inspection, duplicateOf: dup,
      answer: { status: outcome.status, body: outcome.body }, receivedAtMs, durationMs: elapsedMs(reply),
    })
    if (outcome.forwarded) record.forwarded = outcome.forwarded
    try {
      await opts.store.append(record)
    } catch (err) {
      // Never answer 0 for a delivery that is not safely recorded: 299 makes WeChat deliver again.
      const msg = `could not record the delivery (${(err as Error).message}); answered 299 so WeChat retries — check CAPTURE_DIR is writable and the disk has room`
      record = { ...record, answer: { status, body: buildFailureAnswer(ERRCODE.SYSTEM, `system error: ${msg}`) } }
      req.log.error({ delivery: record }, msg)
      return reply.code(status).send(record.answer.body)
    }
    opts.events.emit('delivery', record)
    logDelivery(req, record)
    // A relayed answer goes out byte for byte, as the user's handler wrote it.
    if (outcome.raw) return reply.code(outcome.status).header('content-type', outcome.contentType ?? 'application/json').send(outcome.raw)
    return reply.code(outcome.status).send(outcome.body)
  }

  app.post(opts.notifyPath, async (req, reply) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const inspection = inspectDelivery(
      { body: raw, contentType: req.headers['content-type'], query: req.query as Record<string, string> },
      { secrets: opts.secrets, profile: opts.profile, nowMs: opts.now() },
    )
    return answerDelivery(req, reply, raw, inspection)
  })

  app.get(opts.notifyPath, async (req, reply) =>
    answerDelivery(req, reply, Buffer.alloc(0), rejected(ERRCODE.FORMAT, new NotificationError('ENVELOPE_UNPARSEABLE', 'GET has no body: WeChat POSTs deliveries to this URL'))))

  // Body too large, bad content-length, aborted parse: these never reach the handler, so they are answered and recorded here.
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const client = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500
    const errcode: Errcode = client ? ERRCODE.FORMAT : ERRCODE.SYSTEM
    const message = client ? `${err.message} (${err.code ?? 'client error'})` : `receiver error: ${err.message}`
    if (!client) req.log.error({ err }, 'receiver bug')
    return answerDelivery(req, reply, Buffer.alloc(0), rejected(errcode, new NotificationError(client ? 'ENVELOPE_UNPARSEABLE' : 'INTERNAL', message)), client ? (err.statusCode ?? 400) : 200)
  })
}

function ownAnswer (i: Inspection, opts: ReceiverOptions, nowMs: number): Answer {
  return i.errcode === ERRCODE.OK
    ? buildSuccessAnswer(businessAnswer(i), opts.secrets, opts.profile, nowMs)
    : buildFailureAnswer(i.errcode, errmsgFor(i))
}

function rejected (errcode: Errcode, err: NotificationError): Inspection {
  return { errcode, reason: err.reason, message: err.message, kind: 'unknown', warnings: [] }
}

function duplicateOf (i: Inspection, store: CaptureStore): string | undefined {
  const p = i.payload
  if (i.errcode !== ERRCODE.OK || i.kind !== 'payment_notification' || p?.order_id === undefined) return undefined
  return store.findOrder(String(p.order_id), String(p.status))
}

function elapsedMs (reply: FastifyReply): number {
  return Math.round(reply.elapsedTime * 10) / 10
}

function logDelivery (req: FastifyRequest, r: CaptureRecord): void {
  const a = r.answer.body
  const line = `${r.method} ${r.path} wxnontaxstr=${r.wxnontaxstr ?? '-'} → errcode ${a.errcode}${r.test !== 'other' ? ` (${r.test} test)` : ''}`
  if (a.errcode === 0) req.log.info({ delivery: r }, line)
  else req.log.warn({ delivery: r }, line)
}
