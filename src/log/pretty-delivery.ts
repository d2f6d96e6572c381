import { createHash } from 'node:crypto'
import type { CaptureRecord } from '../capture/record.js'
import { render, renderWarning } from '../messages/render.js'
import { businessAnswer } from '../receiver/business-answer.js'
import { displayCopy, safeLines } from './terminal-safe.js'

const RAW_SHOWN_CHARS = 2048
/** Header a replay by `captures replay` carries, so its log never reads as one of WeChat's tests. */
export const REPLAY_HEADER = 'x-nontax-debugger-replay'

export function isDeliveryLog (log: Record<string, unknown>): log is { delivery: CaptureRecord } {
  const d = log.delivery
  return typeof d === 'object' && d !== null && 'inspection' in d && 'answer' in d
}

export interface DeliveryFormatterOptions {
  /** The run command's mock round: a decrypting delivery with a wrong signature is WeChat's signature test. */
  mockRun?: boolean
}

export type DeliveryFormatter = (r: CaptureRecord) => string

/** One formatter per logger: it remembers which notices it already printed, so each appears once. */
export function createDeliveryFormatter (o: DeliveryFormatterOptions = {}): DeliveryFormatter {
  const shown = new Set<string>()
  const once = (code: string, line: string) => {
    if (shown.has(code)) return []
    shown.add(code)
    return [line]
  }
  return r => formatDeliveryBlock(r, { ...o, once })
}

interface Ctx extends DeliveryFormatterOptions { once: (code: string, line: string) => string[] }

/** WeChat's signature test only in the run command's round, and never a replay of ours. */
export function isWechatSignatureTest (r: CaptureRecord, mockRun: boolean): boolean {
  return mockRun && r.test === 'signature' && header(r, REPLAY_HEADER) === undefined
}

/**
 * A person reads a delivery at a glance: what came in, each check, what went out. Every value is
 * escaped for the terminal (terminal-safe.ts), so a sender cannot draw outside this block.
 */
export function formatDeliveryBlock (record: CaptureRecord, c: Ctx = { once: (_c, l) => [l] }): string {
  const r = displayCopy(record)
  const i = r.inspection
  const wechatTest = isWechatSignatureTest(r, c.mockRun === true)
  const replay = header(r, REPLAY_HEADER)
  const label = r.test === 'crypto' ? 'crypto test (signed + encrypted)' : wechatTest ? 'signature test (wrong signature on purpose)' : r.test === 'signature' ? 'bad signature' : 'other'
  const lines: string[] = [`┌─ ${r.id} · wxnontaxstr ${r.wxnontaxstr ?? '(none)'} · ${label}${replay ? ` · REPLAY by nontax-debugger (${replay})` : ''}${r.duplicateOf ? ` · DUPLICATE of ${r.duplicateOf}` : ''}`]
  lines.push(`│ --> ${r.method} ${r.url}`)
  const from = [`from ${r.remoteAddress}`, ...optional('x-forwarded-for', header(r, 'x-forwarded-for')), ...optional('user-agent', header(r, 'user-agent'))]
  lines.push(`│     ${from.join(' · ')}`)
  lines.push(`│     content-type ${r.contentType ?? '(none)'} · ${r.body.bytes} bytes${i.envelope ? ` · read as ${i.envelope.format}` : ''}`)
  lines.push(`│ raw (${r.body.encoding}, sha256 ${r.body.sha256.slice(0, 16)}…): ${shortRaw(r)}`)
  lines.push(...signatureLines(r, wechatTest, c))
  const d = i.decryption
  if (d?.ok) lines.push(`│ decrypted: OK · appid ${d.appid} · ${d.declaredLength} bytes · pad ${d.padByte}`, `│     ${d.plaintext}`)
  else if (d) lines.push(`│ decrypted: FAIL (${d.reason}) ${d.message}`)
  if (i.errcode !== 0 && !wechatTest && i.message && !lines.some(l => l.includes(i.message ?? ''))) lines.push(`│ rejected: ${i.message}`)
  for (const w of i.warnings) lines.push(`│ warning: ${renderWarning(w)}`)
  if (!i.signature?.ok && d?.ok && !wechatTest) lines.push(...c.once('NOT_ACTED_ON', '│ note: payload shown for debugging only; it was not acted on (bad signature)'))
  lines.push(...forwardedLines(r), ...answerLines(r))
  return safeLines(lines.map(l => `  ${l}`).join('\n'))
}

function signatureLines (r: CaptureRecord, wechatTest: boolean, c: Ctx): string[] {
  const s = r.inspection.signature
  if (!s) return []
  if (wechatTest) {
    return [`│ signature: wrong, as expected · ${s.param ?? 'no signature param'} / ${s.nonceParam ?? 'no nonce param'}`,
      ...c.once('SIGNATURE_TEST', `│     ${render({ code: 'LOG_SIGNATURE_TEST_EXPECTED' })}`)]
  }
  const lines = [`│ signature: ${s.ok ? 'OK' : `FAIL (${s.reason})`} · ${s.param ?? 'no signature param'} / ${s.nonceParam ?? 'no nonce param'}`,
    `│     received ${s.received ?? '(none)'}`]
  if (s.expected) lines.push(`│     expected ${s.expected}`)
  if (!s.ok && s.parts) lines.push(`│     ${s.algorithm ?? 'computed'}: [${s.parts.map(v => short(v)).join(', ')}]`)
  if (!s.ok && s.cause) lines.push(`│     likely cause: ${render(s.cause)}`)
  return lines
}

function forwardedLines (r: CaptureRecord): string[] {
  const f = r.forwarded
  if (!f) return []
  const lines = [`│ your handler: ${f.ok ? `HTTP ${f.status} in ${f.durationMs} ms` : `NO ANSWER (${f.error})`} · graded ${f.grade.outcome}: expected ${f.grade.expected}, got ${f.grade.got}`]
  // Records from before grades were coded hold strings here; renderWarning shows both.
  if (f.grade.reason) lines.push(`│     why: ${renderWarning(f.grade.reason)}`)
  for (const n of [...f.grade.notes.map(x => renderWarning(x)), ...f.grade.forensics]) lines.push(`│     ${n}`)
  return lines
}

/** Our own success answer encrypts businessAnswer(inspection): shown decrypted, so the user sees what was answered. */
function answerLines (r: CaptureRecord): string[] {
  const a = r.answer.body
  const lines: string[] = []
  if (a.data && !r.forwarded) lines.push(`│ answered data (decrypted): ${JSON.stringify(businessAnswer(r.inspection))}`)
  lines.push(`└─ <-- ${r.forwarded ? 'relayed ' : ''}HTTP ${r.answer.status} errcode ${a.errcode} ${a.errmsg}${a.data ? ` · data ${a.data.length} chars, signed ${a.msg_signature}` : ''} · ${r.durationMs.toFixed(1)} ms`)
  return lines
}

/** The ciphertext is most of a delivery; shown as its length and digest (the capture keeps every byte). */
function shortRaw (r: CaptureRecord): string {
  const cipher = r.inspection.envelope?.encrypt
  let text = r.body.text
  if (cipher && cipher.length > 32 && text.includes(cipher)) {
    const digest = createHash('sha256').update(cipher, 'utf8').digest('hex').slice(0, 16)
    text = text.split(cipher).join(`${cipher.slice(0, 12)}…(${cipher.length} chars, sha256 ${digest}…)`)
  }
  return text.length > RAW_SHOWN_CHARS ? `${text.slice(0, RAW_SHOWN_CHARS)}… (${text.length - RAW_SHOWN_CHARS} more chars; full text in the capture)` : text
}

function header (r: CaptureRecord, name: string): string | undefined {
  const v = r.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

function optional (name: string, v: string | undefined): string[] {
  return v === undefined ? [] : [`${name} ${v}`]
}

function short (v: string): string {
  return v.length > 24 ? `${v.slice(0, 20)}…(${v.length})` : v
}
