import type { Dispatcher } from 'undici'
import type { CaptureRecord } from '../capture/record.js'
import { EditError, REQUEST_ERRORS, parseSet, sendEdited } from '../inspector/edit.js'
import { render } from '../messages/render.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Lang, Params } from '../messages/types.js'

export interface EditedReplayDeps { secrets: Secrets; profile: CryptoProfile; nowMs: number; dispatcher?: Dispatcher | undefined; out: (t: string) => void; err: (t: string) => void; lang?: Lang | undefined }

/**
 * `captures replay ID --to URL --set order_id=NT1 --set fee=1`: the recorded plaintext with those
 * fields changed, re-encrypted and re-signed through the crypto profile with a fresh nonce and
 * timestamp (the inspector's "edit" action). Exit 0 when the receiver answered errcode 0.
 */
export async function replayEdited (r: CaptureRecord, sets: string[], to: string, d: EditedReplayDeps): Promise<number> {
  try {
    const o = await sendEdited(r, sets.map(parseSet), to, { secrets: d.secrets, profile: d.profile, nowMs: d.nowMs, ...(d.dispatcher ? { dispatcher: d.dispatcher } : {}) })
    const t = (code: MessageCode, params?: Params) => render({ code, ...(params ? { params } : {}) }, d.lang)
    d.out([
      t('EDITED_HEAD', { id: r.id, url: o.request.url }),
      t('EDITED_SET', { sets: sets.join(', ') }),
      t('EDITED_PLAINTEXT', { plaintext: o.plaintext }),
      t('EDITED_ORIGINAL', { status: r.answer.status, errcode: r.answer.body.errcode }),
      t('EDITED_ANSWER', { status: o.status, body: o.text }),
      o.answer.data !== undefined
        ? t('EDITED_RESULT_DATA', { errcode: o.answer.errcode ?? '-', data: JSON.stringify(o.answer.data) })
        : t('EDITED_RESULT', { errcode: o.answer.errcode ?? '-' }),
    ].join('\n'))
    return o.answer.errcode === 0 ? 0 : 1
  } catch (err) {
    if (!(err instanceof EditError)) throw err
    d.err(render(err.finding, d.lang))
    return REQUEST_ERRORS.has(err.finding.code) ? 2 : 1
  }
}
