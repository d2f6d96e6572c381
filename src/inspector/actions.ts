import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Dispatcher } from 'undici'
import { toCurl, toHar } from '../capture/export.js'
import type { CaptureRecord, CaptureStore } from '../capture/record.js'
import { outgoingRequest } from '../capture/recorded-request.js'
import { TAMPERS, TamperError, type Tamper } from '../capture/tamper.js'
import { ReplayError, replay } from '../cli/captures-replay.js'
import { errorText } from '../messages/error-text.js'
import { render } from '../messages/render.js'
import type { Finding, Lang } from '../messages/types.js'
import { pageLangOf } from './page-lang.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { EditError, parseSet, sendEdited } from './edit.js'
import { typedSecrets, reverify } from './verify.js'

export interface ActionDeps {
  store: CaptureStore
  secrets: Secrets
  profile: CryptoProfile
  now: () => number
  /** Where "replay to the receiver" sends: the receiver this run listens on. */
  receiverUrl: () => string | undefined
  dispatcher?: Dispatcher
  /** The run's language, for the texts of refusals (codes do not change). */
  lang?: Lang
}

type IdParams = { Params: { id: string } }
const CREATOR = { name: 'nontax-debugger inspector', version: '0.1.0' }

/** Every action takes a capture id; replays go to the receiver, or a URL the person typed (http or https only). */
export function registerActions (app: FastifyInstance, d: ActionDeps): void {
  const lang = (req: FastifyRequest) => pageLangOf(req, d.lang)
  const load = async (id: string, req: FastifyRequest, reply: FastifyReply): Promise<CaptureRecord | undefined> => {
    const r = await d.store.get(id)
    if (!r) await reply.code(404).send({ error: 'INSPECTOR_NOT_FOUND', message: render({ code: 'INSPECTOR_NOT_FOUND', params: { id } }, lang(req)) })
    return r
  }
  const target = (body: Record<string, unknown>): string => {
    const to = typeof body.to === 'string' && body.to.trim() !== '' ? body.to.trim() : d.receiverUrl()
    if (to === undefined || !URL.canParse(to) || !/^https?:$/.test(new URL(to).protocol)) throw new EditError({ code: 'INSPECTOR_BAD_TARGET', params: { to: to ?? '' } })
    return to
  }
  app.setErrorHandler(async (err, req, reply) => {
    if (err instanceof EditError) return reply.code(400).send({ error: err.finding.code, message: render(err.finding, lang(req)) })
    if (err instanceof TamperError || err instanceof ReplayError) return reply.code(400).send({ error: err.name, message: errorText(err, lang(req)) })
    const status = (err as { statusCode?: number }).statusCode ?? 500
    // Fastify's own 4xx (a malformed JSON body, say) keep their message; a bug is logged, never shown.
    if (status >= 500) req.log.error({ err }, render({ code: 'INSPECTOR_INTERNAL' }, d.lang))
    return reply.code(status).send(status < 500 ? { error: (err as { code?: string }).code ?? 'INSPECTOR_BAD_REQUEST', message: (err as Error).message } : { error: 'INSPECTOR_INTERNAL', message: render({ code: 'INSPECTOR_INTERNAL' }, lang(req)) })
  })

  app.get<IdParams>('/api/captures/:id/curl', async (req, reply) => {
    const r = await load(req.params.id, req, reply)
    if (r) return { curl: toCurl(outgoingRequest(r, d.receiverUrl())) }
  })
  app.get<IdParams>('/api/captures/:id/har', async (req, reply) => {
    const r = await load(req.params.id, req, reply)
    if (!r) return
    const har = toHar(r, outgoingRequest(r, d.receiverUrl()), CREATOR)
    return reply.header('content-disposition', `attachment; filename="capture-${r.id.replace(/[^\w-]/g, '_')}.har"`).type('application/json').send(JSON.stringify(har, null, 2))
  })
  app.post<IdParams & { Body: Record<string, unknown> }>('/api/captures/:id/replay', async (req, reply) => {
    const r = await load(req.params.id, req, reply)
    if (!r) return
    const tamper = req.body.tamper
    if (tamper !== undefined && tamper !== null && !(TAMPERS as readonly unknown[]).includes(tamper)) throw new EditError({ code: 'INSPECTOR_BAD_TAMPER', params: { tampers: TAMPERS.join(', ') } })
    const o = await replay(r, target(req.body), (tamper ?? undefined) as Tamper | undefined, d.secrets, d.profile, d.dispatcher)
    // What was changed, what a correct receiver answers and how the answer compares: in the page's language.
    const say = (f: Finding) => render(f, lang(req))
    const tampered = o.tampered && { change: say(o.tampered.changeFinding), expect: say(o.tampered.expectFinding), expectErrcode: o.tampered.expectErrcode }
    return { url: o.request.url, status: o.status, text: o.text, tampered, comparison: say(o.comparison.summaryFinding), errcode: o.comparison.replayErrcode }
  })
  app.post<IdParams & { Body: Record<string, unknown> }>('/api/captures/:id/edit', async (req, reply) => {
    const r = await load(req.params.id, req, reply)
    if (!r) return
    const set = req.body.set
    if (typeof set !== 'object' || set === null || Array.isArray(set)) throw new EditError({ code: 'INSPECTOR_BAD_EDIT' })
    const edits = Object.entries(set).filter(([, v]) => typeof v === 'string' && v !== '').map(([k, v]) => parseSet(`${k}=${String(v)}`))
    if (edits.length === 0) throw new EditError({ code: 'INSPECTOR_NOTHING_TO_CHANGE' })
    const o = await sendEdited(r, edits, target(req.body), { secrets: d.secrets, profile: d.profile, nowMs: d.now(), ...(d.dispatcher ? { dispatcher: d.dispatcher } : {}) })
    return { url: o.request.url, status: o.status, text: o.text, errcode: o.answer.errcode, plaintext: o.plaintext }
  })
  app.post<IdParams & { Body: unknown }>('/api/captures/:id/verify', async (req, reply) => {
    const r = await load(req.params.id, req, reply)
    if (!r) return
    return reply.type('application/json').send(reverify(r, typedSecrets(req.body), d.secrets, d.profile, lang(req)))
  })
}
