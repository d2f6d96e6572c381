import { finding, render, renderWarning } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Lang, Params } from '../messages/types.js'
import { localTime } from '../time/local.js'
import { bodyBytes } from '../capture/body.js'
import type { CaptureRecord } from '../capture/record.js'
import { correctionFindings } from '../capture/record-notes.js'
import { inspectDelivery, type Inspection } from '../protocol/inspect.js'
import type { CryptoProfile } from '../protocol/profile.js'
import type { ResolvedSecrets } from './captures-secrets.js'

/**
 * Decode the recorded bytes again. `nowMs` is the recorded arrival time, so a timestamp that was
 * fresh then is not reported as days old now: only the secrets differ from the original run.
 */
export function reinspect (r: CaptureRecord, s: ResolvedSecrets, profile: CryptoProfile): Inspection {
  return inspectDelivery(
    { body: bodyBytes(r.body), contentType: r.contentType, query: r.query, headers: r.headers },
    { secrets: s.secrets, profile, nowMs: Date.parse(r.receivedAt) },
  )
}

type T = (code: MessageCode, params?: Params) => string
const translator = (lang: Lang): T => (code, params) => render(finding(code, params), lang)

function failure (i: Inspection, t: T): string {
  return i.reason ? t('VERIFY_FAILURE', { reason: i.reason, message: i.messageFinding ?? i.message ?? '' }) : t('VERIFY_ACCEPTED')
}

/** One sentence on why the errcode changed (or did not), naming the secret that made the difference. */
export function explainChange (before: Inspection, after: Inspection, s: ResolvedSecrets, lang: Lang = 'en'): string {
  const t = translator(lang)
  const from = before.errcode
  const to = after.errcode
  const token = s.origins.token
  const key = s.origins.aesKey
  if (from === to) return to === 0 ? t('VERIFY_SAME_OK') : t('VERIFY_SAME_FAIL', { errcode: to, reason: after.reason ?? '-' })
  const changed = (why: string) => t('VERIFY_CHANGED', { from, to, why })
  if (to === 0) {
    const why: string[] = []
    if (before.signature?.ok !== true) why.push(t('VERIFY_TOKEN_MATCHES', { token }))
    if (before.decryption?.ok !== true) why.push(t('VERIFY_KEY_DECRYPTS', { key }))
    const [a, b] = why
    return changed(a === undefined ? t('VERIFY_SECRETS_DECODE') : b === undefined ? a : t('VERIFY_BOTH', { a, b }))
  }
  if (to === 298) return changed(t('VERIFY_KEY_FAILS', { key }))
  if (to === 300 && after.reason === 'SIGNATURE_MISMATCH') return changed(t('VERIFY_TOKEN_FAILS', { token }))
  return changed(after.reason ?? '-')
}

/** A check's state before → after, with the reason it fails now. */
function step (t: T, before: MessageCode, after: MessageCode, reason: string | undefined): string {
  return t('VERIFY_STEP', { before: t(before), after: t(after), reason: reason ? t('VERIFY_STEP_REASON', { reason }) : '' })
}
const sigState = (i: Inspection): MessageCode => (i.signature === undefined ? 'VERIFY_STATE_NONE' : i.signature.ok ? 'VERIFY_STATE_OK' : 'VERIFY_STATE_BAD')
const decryptState = (i: Inspection): MessageCode => (i.decryption === undefined ? 'VERIFY_STATE_NONE' : i.decryption.ok ? 'VERIFY_STATE_OK' : 'VERIFY_STATE_FAILED')

export function verifyText (r: CaptureRecord, after: Inspection, s: ResolvedSecrets, lang: Lang = 'en'): string {
  const t = translator(lang)
  const before = r.inspection
  const lines = [
    t('VERIFY_HEAD', { id: r.id, nonce: r.wxnontaxstr ?? '-', time: localTime(r.receivedAt) }),
    t('VERIFY_SECRETS', { token: s.sources.token, aesKey: s.sources.aesKey, appid: s.sources.appid }),
    t('VERIFY_RECORDED', { errcode: before.errcode, outcome: failure(before, t) }),
    ...correctionFindings(r).map(f => t('VERIFY_ANSWER_NOTE', { note: render(f, lang) })),
    t('VERIFY_NOW', { errcode: after.errcode, outcome: failure(after, t) }),
    t('VERIFY_CHANGE', { change: explainChange(before, after, s, lang) }),
    t('VERIFY_SIGNATURE', { step: step(t, sigState(before), sigState(after), after.signature?.ok === false ? after.signature.reason : undefined) }),
    t('VERIFY_DECRYPTION', { step: step(t, decryptState(before), decryptState(after), after.decryption?.ok === false ? after.decryption.reason : undefined) }),
  ]
  if (after.decryption?.ok) {
    let shown = after.decryption.plaintext
    try { shown = JSON.stringify(JSON.parse(shown), null, 2) } catch { /* not JSON: shown as decrypted */ }
    lines.push(t('SHOW_PLAINTEXT'), ...shown.split('\n').map(l => `  ${l}`))
  }
  if (after.warnings.length > 0) lines.push(t('SHOW_WARNINGS'), ...after.warnings.map(w => `  - ${renderWarning(w, lang)}`))
  return lines.join('\n')
}
