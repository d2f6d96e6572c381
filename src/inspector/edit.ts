import { request, type Dispatcher } from 'undici'
import type { CaptureRecord } from '../capture/record.js'
import { targetUrl, type OutgoingRequest } from '../capture/recorded-request.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Finding } from '../messages/types.js'
import { checkAnswer, type AnswerCheck } from '../protocol/answer.js'
import { buildDelivery } from '../protocol/delivery.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export const EDIT_TIMEOUT_MS = 15_000
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

/** Mistakes in what was asked (exit 2 in the CLI, 400 in the page), as opposed to a capture that cannot be edited. */
export const REQUEST_ERRORS: ReadonlySet<MessageCode> = new Set<MessageCode>([
  'INSPECTOR_BAD_TARGET', 'INSPECTOR_BAD_TAMPER', 'INSPECTOR_BAD_EDIT', 'INSPECTOR_NOTHING_TO_CHANGE', 'INSPECTOR_SET_SYNTAX',
  'INSPECTOR_NOT_A_NUMBER', 'INSPECTOR_BAD_TOKEN', 'INSPECTOR_BAD_AES_KEY', 'INSPECTOR_BAD_APPID',
])

/** A failure the person can act on: a catalogue code and its params, rendered where it is shown. */
export class EditError extends Error {
  override readonly name = 'EditError'
  readonly finding: Finding<MessageCode>
  constructor (finding: Finding<MessageCode>) {
    super(finding.code)
    this.finding = finding
  }
}

/** "order_id=X" → ["order_id", "X"]; the CLI's --set and the page's form both end up here. */
export function parseSet (text: string): [string, string] {
  const eq = text.indexOf('=')
  const name = eq === -1 ? text : text.slice(0, eq)
  if (eq === -1 || !FIELD_NAME.test(name)) throw new EditError({ code: 'INSPECTOR_SET_SYNTAX', params: { text } })
  return [name, text.slice(eq + 1)]
}

/**
 * The recorded plaintext with some top-level fields replaced. A field keeps its JSON type: fee and
 * status are numbers in the notification, so "fee=1" sets the number 1, not the string "1".
 */
export function editPlaintext (r: CaptureRecord, edits: Array<[string, string]>): { plaintext: string; payload: Record<string, unknown> } {
  const d = r.inspection.decryption
  if (!d?.ok) throw new EditError({ code: 'INSPECTOR_NOT_DECRYPTED', params: { id: r.id } })
  let payload: unknown
  try { payload = JSON.parse(d.plaintext) } catch { payload = undefined }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new EditError({ code: 'INSPECTOR_PLAINTEXT_NOT_OBJECT', params: { id: r.id } })
  const out = { ...(payload as Record<string, unknown>) }
  for (const [name, value] of edits) {
    if (!FIELD_NAME.test(name)) throw new EditError({ code: 'INSPECTOR_SET_SYNTAX', params: { text: `${name}=${value}` } })
    if (typeof out[name] === 'number') {
      const n = Number(value)
      if (value.trim() === '' || !Number.isFinite(n)) throw new EditError({ code: 'INSPECTOR_NOT_A_NUMBER', params: { name, value } })
      out[name] = n
    } else {
      out[name] = value
    }
  }
  return { plaintext: JSON.stringify(out), payload: out }
}

export interface EditedSend { request: OutgoingRequest; plaintext: string; status: number; text: string; answer: AnswerCheck }

/** Re-encrypts and re-signs the edited plaintext through the crypto profile, with a fresh nonce and timestamp, and sends it. */
export async function sendEdited (
  r: CaptureRecord, edits: Array<[string, string]>, to: string,
  o: { secrets: Secrets; profile: CryptoProfile; nowMs: number; dispatcher?: Dispatcher },
): Promise<EditedSend> {
  const { plaintext } = editPlaintext(r, edits)
  const d = buildDelivery({ payload: plaintext, secrets: o.secrets, profile: o.profile, nowMs: o.nowMs })
  const query = Object.entries(d.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  const req: OutgoingRequest = { method: 'POST', url: targetUrl(r, to, query), headers: { 'content-type': d.contentType }, body: d.body }
  try {
    const res = await request(req.url, {
      method: 'POST', headers: req.headers, body: req.body, dispatcher: o.dispatcher,
      headersTimeout: EDIT_TIMEOUT_MS, bodyTimeout: EDIT_TIMEOUT_MS,
    })
    const text = await res.body.text()
    return { request: req, plaintext, status: res.statusCode, text, answer: checkAnswer(res.statusCode, text, o.secrets, o.profile) }
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    throw new EditError({ code: 'INSPECTOR_SEND_FAILED', params: { origin: new URL(req.url).origin, cause: `${e.code ?? e.name} ${e.message}` } })
  }
}
