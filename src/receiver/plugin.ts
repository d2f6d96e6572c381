import type { FastifyBaseLogger, FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { notDeliveredLine } from '../capture/record-notes.js'
import type { CaptureRecord, CaptureStore } from '../capture/record.js'
import type { Forwarder } from '../forward/types.js'
import { deliveryLog } from '../log/logger.js'
import type { AnswerTracker } from '../plugins/client-errors.js'
import { ownProbeNonce, probeAnswer } from '../preflight/probe.js'
import { ERRCODE, type Errcode } from '../protocol/errors.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { localIso } from '../time/local.js'
import { boundedBodyReader, partialBodyOf } from './body-reader.js'
import type { DeliveryEvents } from './events.js'
import { createDeliveryHandler } from './handle-delivery.js'
import type { HandledDelivery, ReceivedRequest, Rejection } from './received-request.js'
import { finding, render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { logFinding } from '../log/pretty-message.js'

export { newCaptureId } from './handle-delivery.js'

export interface ReceiverOptions {
  notifyPath: string
  secrets: Secrets
  profile: CryptoProfile
  store: CaptureStore
  /** Emits 'delivery' with each CaptureRecord once recorded (the verdict listens). */
  events: DeliveryEvents
  now: () => number
  /** This server's answers in flight (connection-limits.ts tracks them): tells of one never written. */
  answers?: AnswerTracker
  /** Forward mode: the user's handler answers instead of us; we record, grade and relay. */
  forward?: Forwarder
}

/** Fastify's own default, for an app built without bodyLimit. */
const FASTIFY_BODY_LIMIT = 1024 * 1024

/**
 * The HTTP edge of the delivery path: turns a Fastify request into plain data for
 * handle-delivery.ts and writes its answer back. Encapsulated: only this scope drops Fastify's
 * parsers and keeps the body as bytes (body-reader.ts), so a malformed body still reaches the
 * handler and a refused one still reaches the record.
 */
export const receiverPlugin: FastifyPluginAsync<ReceiverOptions> = async (app, opts) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', boundedBodyReader(app.initialConfig.bodyLimit ?? FASTIFY_BODY_LIMIT))
  const sent = answerSender(opts, app.log)

  const handle = createDeliveryHandler({
    store: opts.store, profile: opts.profile, secrets: opts.secrets, now: opts.now,
    ...(opts.forward ? { forward: opts.forward } : {}),
    onDelivery: record => opts.events.emit('delivery', record),
    log: deliveryLog(app.log),
  })

  app.post(opts.notifyPath, async (req, reply) => {
    // The preflight's own tunnel probe (signed with our Token): answered, never recorded as a delivery.
    const probe = ownProbeNonce(req.headers, opts.secrets.token)
    if (probe !== undefined) return reply.send(probeAnswer(opts.secrets.token, probe))
    return sent(reply, await handle(received(req, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), true)))
  })

  app.get(opts.notifyPath, async (req, reply) =>
    sent(reply, await handle(received(req, Buffer.alloc(0), false, {
      status: 200, errcode: ERRCODE.FORMAT, reason: 'ENVELOPE_UNPARSEABLE', ...explained(finding('REJECT_GET')),
    }))))

  // Body too large, bad content-length, aborted parse, a bug: these never reach (or escape) the
  // route handler, so they are answered and recorded here, and never forwarded.
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const client = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500
    if (!client) req.log.error({ err }, 'receiver bug')
    const errcode: Errcode = client ? ERRCODE.FORMAT : ERRCODE.SYSTEM
    // A failure after parsing (a bug in the delivery path) still has the body; a refused or broken
    // body (too large, bad length, client gone) carries what was received (body-reader.ts).
    const partial = partialBodyOf(err)
    const body = partial?.body ?? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0))
    const rec = received(req, body, false, {
      status: client ? (err.statusCode ?? 400) : 200,
      errcode,
      reason: client ? 'ENVELOPE_UNPARSEABLE' : 'INTERNAL',
      ...explained(client ? clientFinding(err) : finding('REJECT_INTERNAL', { detail: err.message })),
    })
    if (partial) rec.truncated = partial.truncated
    return sent(reply, await handle(rec))
  })
}

/** A rejection's explanation: English in the record's message, the code for the reader's language. */
const explained = (f: Finding) => ({ message: render(f), finding: f })
const clientFinding = (err: FastifyError): Finding => err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
  ? finding('REJECT_BODY_TOO_LARGE', { code: err.code })
  : finding('REJECT_CLIENT', { detail: err.message, code: err.code ?? 'client error' })

/**
 * Writes the answer out; if the connection closes before it is written, appends a correction to
 * the record (WeChat never got it and will deliver again), so the record stays the wire.
 */
function answerSender ({ store, events, now, answers }: ReceiverOptions, log: FastifyBaseLogger) {
  const notDelivered = (record: CaptureRecord) => {
    const line = notDeliveredLine(record, localIso(now()))
    const about = { correctionOf: line.correctionOf, what: line.what }
    store.correct(line).then(
      () => {
        const [coded, msg] = logFinding(finding('LOG_ANSWER_NOT_DELIVERED', { id: record.id }))
        log.warn({ ...about, ...coded }, msg)
        events.emit('correction', line)
      },
      (err: Error) => {
        const [coded, msg] = logFinding(finding('LOG_CORRECTION_NOT_RECORDED', { id: record.id, error: err.message }))
        log.error({ ...about, recordError: err.message, ...coded }, msg)
      })
  }
  return (reply: FastifyReply, { answer: a, record, recorded }: HandledDelivery): FastifyReply => {
    if (recorded) answers?.whenNotWritten(reply.raw, () => notDelivered(record))
    return reply.code(a.status).headers(a.headers).send(a.body)
  }
}

function received (req: FastifyRequest, body: Buffer, mayForward: boolean, rejection?: Rejection): ReceivedRequest {
  const q = req.url.indexOf('?')
  return {
    method: req.method,
    path: q < 0 ? req.url : req.url.slice(0, q),
    query: q < 0 ? undefined : req.url.slice(q + 1),
    headers: req.headers,
    body,
    remoteAddress: req.ip,
    listener: { scheme: (req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http', host: req.socket.localAddress ?? '127.0.0.1', port: req.socket.localPort ?? 0 },
    mayForward,
    ...(rejection ? { rejection } : {}),
  }
}
