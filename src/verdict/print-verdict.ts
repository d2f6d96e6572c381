import { render } from '../messages/render.js'
import type { Verdict } from './verdict.js'

const yn = (b: boolean) => (b ? 'yes' : 'NO')

/** The verdict for a person: one row per delivery, then PASS/FAIL with reasons. */
export function formatVerdict (v: Verdict): string {
  const lines: string[] = ['', `== Verdict: ${v.pass ? 'PASS' : 'FAIL'} (${v.received}/${v.expected} deliveries, ${v.api} version ${v.version}, ${v.mode === 'embedded' ? 'built-in WeChat emulator' : 'real WeChat'}) ==`]
  lines.push(`   callback URL: ${v.callbackUrl}`)
  if (v.rows.length > 0) {
    const head = ['#', 'test', 'wxnontaxstr', 'signature ok', 'decrypted', 'answered', 'expected', 'sender accepted', 'result']
    const body = v.rows.map(r => [String(r.index), r.test, r.wxnontaxstr ?? '-', yn(r.signatureOk), yn(r.decrypted), String(r.errcode),
      r.expectedErrcode === undefined ? '?' : String(r.expectedErrcode), r.senderOk === undefined ? 'n/a' : yn(r.senderOk), r.ok && r.senderOk !== false ? 'ok' : 'WRONG'])
    const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => (b[i] ?? '').length)))
    const fmt = (cells: string[]) => '   ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
    lines.push(fmt(head), fmt(widths.map(w => '-'.repeat(w))), ...body.map(fmt))
    for (const r of v.rows) lines.push(`   ${r.index}: ${r.note} [capture ${r.captureId}]`)
  }
  for (const r of v.reasons) lines.push(`   FAIL: ${r}`)
  if (v.hints.length > 0) lines.push('   Likely causes:', ...v.hints.map(h => `   - ${h}`))
  lines.push(`   Note: ${v.assumption}`)
  return lines.join('\n')
}

/** After the verdict: what it means, and what to run next. */
export function formatNextStep (v: Verdict): string {
  if (!v.pass) return render({ code: 'NEXT_FAIL' })
  return render({ code: v.mode === 'embedded' ? 'NEXT_PASS_EMULATOR' : 'NEXT_PASS_REAL', params: { callbackUrl: v.callbackUrl } })
}
