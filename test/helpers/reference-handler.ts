import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'
import { buildFailureAnswer, buildSuccessAnswer } from '../../src/protocol/answer.js'
import { ERRCODE } from '../../src/protocol/errors.js'
import { businessAnswer } from '../../src/receiver/business-answer.js'
import { errmsgFor, inspectDelivery, type Inspection } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile, type CryptoProfile, type Secrets } from '../../src/protocol/profile.js'

export interface HandlerOptions {
  secrets: Secrets
  profile?: CryptoProfile
  /** The classic bug: decryption works, so the signature check was dropped. */
  skipSignature?: boolean
  /** Payment notifications are a few KiB; refuse anything much larger. */
  bodyLimit?: number
  /** Answer success with data that is not signed (an answer-side bug). */
  unsignedAnswer?: boolean
  /** A careless handler that puts its secrets in errmsg. */
  echoSecrets?: boolean
  /** A handler that skips every check and answers {errcode:0} to anything. */
  alwaysOk?: boolean
  /** Each delivery waits for this before it is answered (a test holds deliveries in flight). */
  gate?: Promise<void>
  /** What a valid delivery is answered: data to encrypt, or a business errcode (232, 236). Default: businessAnswer (a query-fee request gets a bill). */
  answer?: (payload: Record<string, unknown>) => Record<string, unknown> | number
  /** Idempotent-Replayed on success answers: 'honest' says whether it was a repeat; 'applies-twice' always says false. */
  replayMarker?: 'honest' | 'applies-twice'
}

/** One delivery as it arrived, with the protocol's own reading of it. */
export interface SeenDelivery { url: string; query: Record<string, string>; headers: Record<string, string | string[] | undefined>; contentType: string | undefined; body: Buffer; inspection: Inspection }

export interface ReferenceHandler {
  app: FastifyInstance
  url: string
  /** How many times each order_id:status was applied: idempotence means 1 each. */
  applied: Map<string, number>
  received: number
  /** Every delivery in arrival order (recorded before any delay or gate). */
  seen: SeenDelivery[]
  /** Resolves once n deliveries have reached the route (their bodies read), gated or not: a signal, not a poll. */
  arrived: (n: number) => Promise<void>
}

/**
 * The one reference handler of the test suite: written the way docs/PROTOCOL.md §4 asks, using the
 * project's own protocol functions, it is the yardstick `check` must pass, the target of forward
 * mode and the receiver the emulator delivers to. The options switch on one bug or behaviour each.
 */
export async function startReferenceHandler (o: HandlerOptions): Promise<ReferenceHandler> {
  const profile = o.profile ?? createWxBizMsgCryptProfile()
  const app = Fastify({ bodyLimit: o.bodyLimit ?? 64 * 1024 })
  const waiters: Array<{ n: number; resolve: () => void }> = []
  const arrived = (n: number) => new Promise<void>(resolve => { if (h.received >= n) resolve(); else waiters.push({ n, resolve }) })
  const h: ReferenceHandler = { app, url: '', applied: new Map(), received: 0, seen: [], arrived }
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  app.setErrorHandler(async (err: FastifyError, _req, reply) => {
    const client = err.statusCode !== undefined && err.statusCode < 500
    return reply.code(200).send(buildFailureAnswer(client ? ERRCODE.FORMAT : ERRCODE.SYSTEM, err.message))
  })
  app.post<{ Querystring: Record<string, string> }>('/notify', async (req, reply) => {
    h.received++
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const contentType = req.headers['content-type']
    let i = inspectDelivery({ body, contentType, query: req.query, headers: req.headers }, { secrets: o.secrets, profile, nowMs: Date.now() })
    h.seen.push({ url: req.url, query: req.query, headers: req.headers, contentType, body, inspection: i })
    for (const w of waiters.filter(x => h.received >= x.n)) { waiters.splice(waiters.indexOf(w), 1); w.resolve() }
    if (o.gate) await o.gate
    if (o.alwaysOk) return { errcode: 0, errmsg: 'ok' }
    if (o.skipSignature) i = ignoringSignature(i)
    if (i.errcode !== ERRCODE.OK) return buildFailureAnswer(i.errcode, o.echoSecrets ? `${errmsgFor(i)} (token ${o.secrets.token}, key ${o.secrets.encodingAESKey})` : errmsgFor(i))
    const p = i.payload ?? {}
    const key = `${String(p.order_id)}:${String(p.status)}`
    // Idempotent: a repeated order_id + status is answered 0 again but applied once.
    const repeat = h.applied.has(key)
    if (!repeat) h.applied.set(key, 1)
    if (o.replayMarker) void reply.header('idempotent-replayed', String(o.replayMarker === 'honest' && repeat))
    const answer = o.answer ? o.answer(p) : businessAnswer(i)
    if (typeof answer === 'number') return { errcode: answer, errmsg: `business answer ${answer}` }
    const ok = buildSuccessAnswer(answer, o.secrets, profile, Date.now())
    return o.unsignedAnswer ? { ...ok, msg_signature: 'f'.repeat(40) } : ok
  })
  onTestFinished(() => app.close())
  h.url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/notify`
  return h
}

/** Re-derive the errcode as if the signature step did not exist. */
function ignoringSignature (i: Inspection): Inspection {
  if (i.errcode !== ERRCODE.SIGNATURE) return i
  if (!i.decryption?.ok) return { ...i, errcode: ERRCODE.DECRYPT, reason: i.decryption?.reason, message: i.decryption?.message }
  if (!i.payload) return { ...i, errcode: ERRCODE.FORMAT, reason: 'PAYLOAD_NOT_JSON_OBJECT', message: 'decrypted message is not a JSON object' }
  return { ...i, errcode: ERRCODE.OK, reason: undefined, message: undefined }
}
