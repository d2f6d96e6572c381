import { renderWarning } from '../messages/render.js'
import type { CaptureRecord } from '../capture/record.js'
import { render } from '../messages/render.js'

const RAW_SHOWN_CHARS = 4096

export function isDeliveryLog (log: Record<string, unknown>): log is { delivery: CaptureRecord } {
  const d = log.delivery
  return typeof d === 'object' && d !== null && 'inspection' in d && 'answer' in d
}

const TEST_LABEL = { crypto: 'crypto test (signed + encrypted)', signature: 'signature test (bad signature)', other: 'other' } as const

/** A person reads a delivery at a glance: what came in, each check, what went out. */
export function formatDeliveryBlock (r: CaptureRecord): string {
  const i = r.inspection
  const lines: string[] = []
  lines.push(`  ┌─ ${r.id} · wxnontaxstr ${r.wxnontaxstr ?? '(none)'} · ${TEST_LABEL[r.test]}${r.duplicateOf ? ` · DUPLICATE of ${r.duplicateOf}` : ''}`)
  lines.push(`  │ --> ${r.method} ${r.url}`)
  lines.push(`  │     from ${r.remoteAddress} · content-type ${r.contentType ?? '(none)'} · ${r.body.bytes} bytes${i.envelope ? ` · read as ${i.envelope.format}` : ''}`)
  const raw = r.body.text.length > RAW_SHOWN_CHARS ? `${r.body.text.slice(0, RAW_SHOWN_CHARS)}… (${r.body.text.length - RAW_SHOWN_CHARS} more chars; full text in json logs and captures)` : r.body.text
  lines.push(`  │ raw (${r.body.encoding}, sha256 ${r.body.sha256.slice(0, 16)}…): ${raw}`)
  const s = i.signature
  if (s) {
    lines.push(`  │ signature: ${s.ok ? 'OK' : `FAIL (${s.reason})`} · ${s.param ?? 'no signature param'} / ${s.nonceParam ?? 'no nonce param'}`)
    lines.push(`  │     received ${s.received ?? '(none)'}`)
    if (s.expected) lines.push(`  │     expected ${s.expected}`)
    if (!s.ok) {
      if (s.parts) lines.push(`  │     ${s.algorithm ?? 'computed'}: [${s.parts.map(v => short(v)).join(', ')}]`)
      if (s.cause) lines.push(`  │     likely cause: ${render(s.cause)}`)
    }
  }
  const d = i.decryption
  if (d?.ok) {
    lines.push(`  │ decrypted: OK · appid ${d.appid} · ${d.declaredLength} bytes · pad ${d.padByte}`)
    lines.push(`  │     ${d.plaintext}`)
  } else if (d) {
    lines.push(`  │ decrypted: FAIL (${d.reason}) ${d.message}`)
  }
  if (i.errcode !== 0 && i.message && !lines.some(l => l.includes(i.message ?? ''))) lines.push(`  │ rejected: ${i.message}`)
  for (const w of i.warnings) lines.push(`  │ warning: ${renderWarning(w)}`)
  if (!s?.ok && d?.ok) lines.push('  │ note: payload shown for debugging only; it was not acted on (bad signature)')
  if (r.test === 'signature') lines.push('  │ note: WeChat\'s version-1 signature test looks exactly like this (wrong on purpose; 300 is the right answer); only if every delivery fails so is NONTAX_TOKEN wrong')
  const f = r.forwarded
  if (f) {
    lines.push(`  │ your handler: ${f.ok ? `HTTP ${f.status} in ${f.durationMs} ms` : `NO ANSWER (${f.error})`} · graded ${f.grade.outcome}: expected ${f.grade.expected}, got ${f.grade.got}`)
    // Records from before grades were coded hold strings here; renderWarning shows both.
    if (f.grade.reason) lines.push(`  │     why: ${renderWarning(f.grade.reason)}`)
    for (const n of [...f.grade.notes.map(x => renderWarning(x)), ...f.grade.forensics]) lines.push(`  │     ${n}`)
  }
  const a = r.answer.body
  lines.push(`  └─ <-- ${f ? 'relayed ' : ''}HTTP ${r.answer.status} errcode ${a.errcode} ${a.errmsg}${a.data ? ` · data ${a.data.length} chars, signed ${a.msg_signature}` : ''} · ${r.durationMs.toFixed(1)} ms`)
  return lines.join('\n')
}

function short (v: string): string {
  return v.length > 24 ? `${v.slice(0, 20)}…(${v.length})` : v
}
