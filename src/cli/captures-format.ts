import { renderWarning } from '../messages/render.js'
import type { CaptureRecord } from '../capture/record.js'
import { render } from '../messages/render.js'
import type { Inspection } from '../protocol/inspect.js'
import { localTime } from '../time/local.js'
import { displayCopy, escapeControls, safeLines, valueText } from '../log/terminal-safe.js'
import { correctionFindings, truncationFinding } from '../capture/record-notes.js'

/** A stored time as a person reads it (second precision finds "the one at 14:02"): local, with the offset (2026-11-27 14:03:05 +08:00), whatever zone it was stored in. */
export function shortTime (iso: string): string {
  return localTime(iso)
}

export function sigWord (i: Inspection): string {
  return i.signature === undefined ? '-' : i.signature.ok ? 'ok' : 'bad'
}

export function decryptWord (i: Inspection): string {
  return i.decryption === undefined ? '-' : i.decryption.ok ? 'ok' : 'failed'
}

export function orderOf (r: CaptureRecord): string {
  const p = r.inspection.payload
  return p?.order_id === undefined ? '-' : `${valueText(p.order_id)}/${valueText(p.status)}`
}

/** One line per capture, fixed fields, easy to grep and to read; sender values escaped (terminal-safe.ts). */
export function listLine (record: CaptureRecord): string {
  const r = displayCopy(record)
  return escapeControls([
    shortTime(r.receivedAt),
    r.id,
    r.wxnontaxstr ?? '-',
    r.test.padEnd(9),
    `errcode=${String(r.answer.body.errcode).padEnd(3)}`,
    `sig=${sigWord(r.inspection).padEnd(3)}`,
    `decrypt=${decryptWord(r.inspection).padEnd(6)}`,
    `order=${orderOf(r)}`,
    r.duplicateOf ? `duplicate-of=${r.duplicateOf}` : '',
    r.corrections?.length ? 'answer=not-delivered' : '',
  ].join('  ').trimEnd())
}

export const LIST_HEADER = 'received              id                      wxnontaxstr       test       answer       verdict bits'

const indent = (text: string, pad = '  ') => text.split('\n').map(l => pad + l).join('\n')

function pretty (text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

const TEST_NAMES: Record<CaptureRecord['test'], string> = {
  crypto: 'crypto (correctly signed and encrypted: WeChat\'s encryption test)',
  signature: 'signature (decrypts, signature wrong: WeChat\'s signature test)',
  other: 'other',
}

/** Everything recorded, in the order a person checks it: request, body, signature, decryption, answer. */
export function showText (record: CaptureRecord): string {
  // Body and plaintext keep their own line breaks (indented below); every other value is one escaped line.
  const r = displayCopy(record, new Set([record.body.text, record.inspection.decryption?.ok ? record.inspection.decryption.plaintext : undefined]))
  const i = r.inspection
  const out: string[] = []
  const section = (title: string, ...lines: string[]) => out.push('', title, ...lines)
  out.push(`capture ${r.id}`)
  out.push(`  received   ${localTime(r.receivedAt)} from ${r.remoteAddress}, answered in ${r.durationMs} ms`)
  out.push(`  request    ${r.method} ${r.url}`)
  out.push(`  nonce      wxnontaxstr ${r.wxnontaxstr ?? '(none)'}`)
  out.push(`  test       ${TEST_NAMES[r.test]}`)
  if (r.duplicateOf) out.push(`  duplicate  of ${r.duplicateOf} (same order_id + status; answered 0 again, must not be applied twice)`)
  section('headers', ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join(', ') : v}`))
  const cut = truncationFinding(r.body)
  section(`body (${r.body.bytes} bytes, ${r.body.encoding}, sha256 ${r.body.sha256})`, ...(cut ? [`  ${render(cut)}`] : []), indent(r.body.text || '(empty)'))
  if (i.envelope) {
    const e = i.envelope
    section('envelope',
      `  format ${e.format}, content-type ${e.contentType ?? '(none)'}, ciphertext from "${e.encryptField}" (${e.encrypt.length} chars)`,
      `  appid ${e.appid ?? '(none)'}, signature from ${e.signatureParam ?? '(none)'}, nonce from ${e.nonceParam ?? '(none)'}, timestamp ${e.timestamp ?? '(none)'}`)
  }
  if (i.signature) {
    const s = i.signature
    section(`signature  ${s.ok ? 'ok' : `FAILED (${s.reason ?? 'unknown'})`}`,
      ...(s.cause ? [`  cause     ${render(s.cause)}`] : []),
      `  received  ${s.received ?? '(none)'}`,
      `  expected  ${s.expected ?? '(not computed)'}`,
      ...(s.hashed ? [`  hashed    ${s.hashed}`, `  by        ${s.algorithm ?? ''}`] : []))
  }
  if (i.decryption) {
    const d = i.decryption
    section(d.ok ? 'decryption ok' : `decryption FAILED (${d.reason})`,
      d.ok
        ? `  appid ${d.appid}, ${d.cipherBytes} cipher bytes, pad byte ${d.padByte}, message ${d.declaredLength} bytes`
        : `  ${d.message}`)
    if (d.ok) section('plaintext', indent(pretty(d.plaintext)))
  }
  section(`answer (HTTP ${r.answer.status})`, ...correctionFindings(r).map(f => `  ${render(f)}`), indent(JSON.stringify(r.answer.body, null, 2)))
  section(`verdict    errcode ${i.errcode}${i.reason ? ` ${i.reason}: ${i.message ?? ''}` : ' (accepted)'}`)
  if (i.warnings.length > 0) section('warnings', ...i.warnings.map(w => `  - ${renderWarning(w)}`))
  if (r.forwarded !== undefined) section('forwarded to your handler', indent(JSON.stringify(r.forwarded, null, 2)))
  return safeLines(out.join('\n'))
}
