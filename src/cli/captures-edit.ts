import type { Dispatcher } from 'undici'
import type { CaptureRecord } from '../capture/record.js'
import { EditError, REQUEST_ERRORS, parseSet, sendEdited } from '../inspector/edit.js'
import { render } from '../messages/render.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export interface EditedReplayDeps { secrets: Secrets; profile: CryptoProfile; nowMs: number; dispatcher?: Dispatcher | undefined; out: (t: string) => void; err: (t: string) => void }

/**
 * `captures replay ID --to URL --set order_id=NT1 --set fee=1`: the recorded plaintext with those
 * fields changed, re-encrypted and re-signed through the crypto profile with a fresh nonce and
 * timestamp (the inspector's "edit" action). Exit 0 when the receiver answered errcode 0.
 */
export async function replayEdited (r: CaptureRecord, sets: string[], to: string, d: EditedReplayDeps): Promise<number> {
  try {
    const o = await sendEdited(r, sets.map(parseSet), to, { secrets: d.secrets, profile: d.profile, nowMs: d.nowMs, ...(d.dispatcher ? { dispatcher: d.dispatcher } : {}) })
    d.out([
      `replay ${r.id} edited → POST ${o.request.url}`,
      `set         ${sets.join(', ')}`,
      `plaintext   ${o.plaintext}`,
      `original    HTTP ${r.answer.status}  errcode ${r.answer.body.errcode}`,
      `edited      HTTP ${o.status}  ${o.text}`,
      `result      errcode ${o.answer.errcode ?? 'none'}${o.answer.data !== undefined ? `, data ${JSON.stringify(o.answer.data)}` : ''}`,
    ].join('\n'))
    return o.answer.errcode === 0 ? 0 : 1
  } catch (err) {
    if (!(err instanceof EditError)) throw err
    d.err(render(err.finding))
    return REQUEST_ERRORS.has(err.finding.code) ? 2 : 1
  }
}
