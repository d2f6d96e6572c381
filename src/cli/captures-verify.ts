import { render, renderWarning } from '../messages/render.js'
import { correctionFindings } from '../capture/record-notes.js'
import { bodyBytes } from '../capture/body.js'
import type { CaptureRecord } from '../capture/record.js'
import { inspectDelivery, type Inspection } from '../protocol/inspect.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { decryptWord, sigWord } from './captures-format.js'
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

function failure (i: Inspection): string {
  return i.reason ? `${i.reason}: ${i.message ?? ''}` : 'accepted'
}

/** One sentence on why the errcode changed (or did not), naming the secret that made the difference. */
export function explainChange (before: Inspection, after: Inspection, s: ResolvedSecrets): string {
  const from = before.errcode
  const to = after.errcode
  const tokenSrc = s.origins.token
  const keySrc = s.origins.aesKey
  if (from === to) return to === 0 ? 'no change: errcode 0 both times; these secrets decode it' : `no change: errcode ${to} both times (${after.reason ?? 'same failure'})`
  const head = `${from} → ${to}: `
  if (to === 0) {
    const why: string[] = []
    if (before.signature?.ok !== true) why.push(`the ${tokenSrc} matches the signature`)
    if (before.decryption?.ok !== true) why.push(`the ${keySrc} decrypts it`)
    return head + (why.join(' and ') || 'these secrets decode it')
  }
  if (to === 298) return `${head}the ${keySrc} does not decrypt it`
  if (to === 300 && after.reason === 'SIGNATURE_MISMATCH') return `${head}the ${tokenSrc} does not match the signature`
  return `${head}${after.reason ?? 'failed'}`
}

const step = (before: string, after: string, reason: string | undefined) => `${before} → ${after}${reason ? ` (${reason})` : ''}`

export function verifyText (r: CaptureRecord, after: Inspection, s: ResolvedSecrets): string {
  const before = r.inspection
  const lines = [
    `verify ${r.id} (wxnontaxstr ${r.wxnontaxstr ?? '-'}, received ${r.receivedAt})`,
    `secrets     ${s.sources.token}; ${s.sources.aesKey}; ${s.sources.appid}`,
    `recorded    errcode ${before.errcode}  ${failure(before)}`,
    ...correctionFindings(r).map(f => `answer      ${render(f)}`),
    `now         errcode ${after.errcode}  ${failure(after)}`,
    `change      ${explainChange(before, after, s)}`,
    `signature   ${step(sigWord(before), sigWord(after), after.signature?.ok === false ? after.signature.reason : undefined)}`,
    `decryption  ${step(decryptWord(before), decryptWord(after), after.decryption?.ok === false ? after.decryption.reason : undefined)}`,
  ]
  if (after.decryption?.ok) {
    let shown = after.decryption.plaintext
    try { shown = JSON.stringify(JSON.parse(shown), null, 2) } catch { /* not JSON: shown as decrypted */ }
    lines.push('plaintext', ...shown.split('\n').map(l => `  ${l}`))
  }
  if (after.warnings.length > 0) lines.push('warnings', ...after.warnings.map(w => `  - ${renderWarning(w)}`))
  return lines.join('\n')
}
