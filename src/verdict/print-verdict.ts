import type { MessageCode } from '../messages/en/index.js'
import { render } from '../messages/render.js'
import type { Lang, Params } from '../messages/types.js'
import { displayWidth, padDisplay } from '../messages/width.js'
import type { Verdict } from './verdict.js'

const TEST_CODE = { crypto: 'VERDICT_TEST_CRYPTO', signature: 'VERDICT_TEST_SIGNATURE', other: 'VERDICT_TEST_OTHER' } as const

/** The verdict for a person, in their language: one row per delivery, then PASS/FAIL with reasons. */
export function formatVerdict (v: Verdict, lang?: Lang): string {
  const t = (code: MessageCode, params?: Params) => render({ code, ...(params ? { params } : {}) }, lang)
  const yn = (b: boolean) => t(b ? 'VERDICT_YES' : 'VERDICT_NO')
  const lines: string[] = ['', t('VERDICT_HEAD', {
    result: t(v.pass ? 'VERDICT_PASS' : 'VERDICT_FAIL'), received: v.received, expected: v.expected, api: v.api, version: v.version,
    mode: t(v.mode === 'embedded' ? 'VERDICT_MODE_EMBEDDED' : 'VERDICT_MODE_REAL'),
  })]
  lines.push(`   ${t('VERDICT_CALLBACK_URL', { url: v.callbackUrl })}`)
  if (v.rows.length > 0) {
    const head = t('VERDICT_COLUMNS').split('|')
    const body = v.rows.map(r => [String(r.index), t(TEST_CODE[r.test]), r.wxnontaxstr ?? '-', yn(r.signatureOk), yn(r.decrypted), String(r.errcode),
      r.expectedErrcode === undefined ? '?' : String(r.expectedErrcode), r.senderOk === undefined ? t('VERDICT_NA') : yn(r.senderOk), t(r.ok && r.senderOk !== false ? 'VERDICT_OK' : 'VERDICT_WRONG')])
    const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map(b => displayWidth(b[i] ?? ''))))
    const fmt = (cells: string[]) => ('   ' + cells.map((c, i) => padDisplay(c, widths[i] ?? 0)).join('  ')).trimEnd()
    lines.push(fmt(head), fmt(widths.map(w => '-'.repeat(w))), ...body.map(fmt))
    for (const r of v.rows) lines.push(`   ${t('VERDICT_ROW_NOTE', { index: r.index, note: r.note, id: r.captureId })}`)
  }
  for (const r of v.reasons) lines.push(`   ${t('VERDICT_FAIL_LINE', { reason: r })}`)
  if (v.hints.length > 0) lines.push(`   ${t('VERDICT_LIKELY_CAUSES')}`, ...v.hints.map(h => `   - ${h}`))
  lines.push(`   ${t('VERDICT_ASSUMPTION', { assumption: v.assumption })}`)
  return lines.join('\n')
}

/** After the verdict: what it means, and what to run next. */
export function formatNextStep (v: Verdict, lang?: Lang): string {
  if (!v.pass) return render({ code: 'NEXT_FAIL' }, lang)
  return render({ code: v.mode === 'embedded' ? 'NEXT_PASS_EMULATOR' : 'NEXT_PASS_REAL', params: { callbackUrl: v.callbackUrl } }, lang)
}
