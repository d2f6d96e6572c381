import { SetupError } from '../errors.js'
import { render } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Lang, Params } from '../messages/types.js'
import { request, type Dispatcher } from 'undici'
import { compareAnswers, type AnswerComparison } from '../capture/compare-answers.js'
import { outgoingRequest, type OutgoingRequest } from '../capture/recorded-request.js'
import type { CaptureRecord } from '../capture/record.js'
import { correctionFindings } from '../capture/record-notes.js'
import { applyTamper, type Tamper, type Tampered } from '../capture/tamper.js'
import { REPLAY_HEADER } from '../log/pretty-delivery.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export const REPLAY_TIMEOUT_MS = 15_000

export interface ReplayOutcome {
  request: OutgoingRequest
  tampered: Tampered | undefined
  status: number
  text: string
  comparison: AnswerComparison
}

/** Nothing answered at --to: the replay could not run (exit 2). */
export class ReplayError extends SetupError {
  override name = 'ReplayError'
  constructor (params: Params) { super('REPLAY_UNREACHABLE', render({ code: 'REPLAY_UNREACHABLE', params }), { params }) }
}

/** Sends the recorded request (optionally with one mutation) and compares the answer to the recorded one. */
export async function replay (
  r: CaptureRecord, to: string, tamper: Tamper | undefined, secrets: Secrets, profile: CryptoProfile, dispatcher?: Dispatcher,
): Promise<ReplayOutcome> {
  const tampered = tamper ? applyTamper(tamper, r) : undefined
  const req = outgoingRequest(r, to, tampered?.query, tampered?.body)
  let status: number
  let text: string
  try {
    const res = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      // Marked, so the receiver's log never describes a replay as one of WeChat's own tests.
      headers: { ...req.headers, [REPLAY_HEADER]: tamper ?? 'exact' },
      body: req.body,
      dispatcher,
      headersTimeout: REPLAY_TIMEOUT_MS,
      bodyTimeout: REPLAY_TIMEOUT_MS,
    })
    status = res.statusCode
    text = Buffer.from(await res.body.arrayBuffer()).toString('utf8')
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    throw new ReplayError({ origin: new URL(req.url).origin, code: e.code ?? e.name, detail: e.message })
  }
  return { request: req, tampered, status, text, comparison: compareAnswers(r.answer, { status, text }, secrets, profile) }
}

export function replayText (r: CaptureRecord, o: ReplayOutcome, lang: Lang = 'en'): string {
  const t = (code: MessageCode, params?: Params) => render({ code, ...(params ? { params } : {}) }, lang)
  const lines = [t('REPLAY_HEAD', { id: r.id, method: o.request.method, url: o.request.url })]
  if (o.tampered) lines.push(t('REPLAY_TAMPER', { change: o.tampered.changeFinding }), t('REPLAY_EXPECT', { expect: o.tampered.expectFinding }))
  lines.push(
    t('REPLAY_ORIGINAL', { status: r.answer.status, body: JSON.stringify(r.answer.body) }),
    ...correctionFindings(r).map(f => `            ${render(f, lang)}`),
    t('REPLAY_REPLAYED', { status: o.status, body: o.text }),
  )
  if (o.tampered) {
    const got = o.comparison.replayErrcode
    lines.push(got === o.tampered.expectErrcode
      ? t('REPLAY_AS_EXPECTED', { errcode: got })
      : t('REPLAY_UNEXPECTED', { errcode: got ?? '-', expected: o.tampered.expectErrcode }))
  } else {
    lines.push(t('REPLAY_COMPARED', { summary: o.comparison.summaryFinding }))
  }
  return lines.join('\n')
}

/** Did the replay get what was expected: the tamper's errcode, or the recorded answer (same status, errcode and data)? */
export function replayMatches (o: ReplayOutcome): boolean {
  if (o.tampered) return o.comparison.replayErrcode === o.tampered.expectErrcode
  const c = o.comparison
  return c.byteIdentical || (c.sameStatus && c.replayErrcode === c.originalErrcode && c.sameData !== false)
}
