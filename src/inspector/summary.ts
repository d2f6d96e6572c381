import { render, renderWarning } from '../messages/render.js'
import type { Lang } from '../messages/types.js'
import { forwardedLines } from '../log/forwarded-lines.js'
import { correctionFindings, truncationFinding } from '../capture/record-notes.js'
import { bodyBytes } from '../capture/body.js'
import type { CaptureRecord } from '../capture/record.js'
import { checkAnswer } from '../protocol/answer.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

/** One row of the live list: only what the list shows and filters on. */
export interface CaptureRow {
  id: string
  receivedAt: string
  test: CaptureRecord['test']
  kind: string
  errcode: number
  signatureOk: boolean | undefined
  decrypted: boolean | undefined
  orderId: string | undefined
  duplicateOf: string | undefined
  /** Forward mode: how the user's handler's answer was graded (PASS/WARN/FAIL). */
  grade: string | undefined
  /** The connection closed before the answer was written (a correction line): WeChat will deliver it again. */
  notDelivered: boolean
}

export function toRow (r: CaptureRecord): CaptureRow {
  const i = r.inspection
  const orderId = i.payload?.order_id
  const forwarded = r.forwarded as { grade?: { outcome?: unknown } } | undefined
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    test: r.test,
    kind: i.kind,
    errcode: r.answer.body.errcode,
    signatureOk: i.signature?.ok,
    decrypted: i.decryption?.ok,
    orderId: orderId === undefined || orderId === null ? undefined : String(orderId),
    duplicateOf: r.duplicateOf,
    grade: typeof forwarded?.grade?.outcome === 'string' ? forwarded.grade.outcome : undefined,
    notDelivered: (r.corrections?.length ?? 0) > 0,
  }
}

const HEX_LIMIT_BYTES = 64 * 1024

/** Offset, 16 bytes in hex, and their printable ASCII: the classic dump, as plain text lines. */
export function hexDump (buf: Buffer): string {
  const lines: string[] = []
  const shown = buf.subarray(0, HEX_LIMIT_BYTES)
  for (let at = 0; at < shown.length; at += 16) {
    const row = shown.subarray(at, at + 16)
    const hex = [...row].map(b => b.toString(16).padStart(2, '0')).join(' ').padEnd(47)
    const ascii = [...row].map(b => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex}  ${ascii}`)
  }
  if (buf.length > shown.length) lines.push(`… ${buf.length - shown.length} more bytes`)
  return lines.join('\n')
}

function pretty (text: string): string {
  try { return JSON.stringify(JSON.parse(text), null, 2) } catch { return text }
}

/**
 * Everything the detail view shows. The record holds no secret (the token is already `<token>`
 * in the signature inputs); the answer's `data` is decrypted here so the key never leaves the server.
 * Coded findings are rendered here, in the page's language, as the page has no catalogue.
 */
export function toDetail (r: CaptureRecord, secrets: Secrets, profile: CryptoProfile, lang: Lang = 'en') {
  const i = r.inspection
  const body = bodyBytes(r.body)
  const cut = truncationFinding(r.body)
  const answerCheck = checkAnswer(r.answer.status, JSON.stringify(r.answer.body), secrets, profile)
  return {
    row: toRow(r),
    requestLine: `${r.method} ${r.url} HTTP/1.1`,
    remoteAddress: r.remoteAddress,
    headers: Object.entries(r.headers).map(([name, v]) => [name, Array.isArray(v) ? v.join(', ') : v]),
    body: { encoding: r.body.encoding, text: r.body.encoding === 'utf8' ? r.body.text : undefined, bytes: r.body.bytes, sha256: r.body.sha256, hex: hexDump(body), truncated: cut && render(cut, lang) },
    envelope: i.envelope,
    // `sorted` is the older records' name for `parts`.
    signature: i.signature && { ...i.signature, parts: i.signature.parts ?? (i.signature as { sorted?: string[] }).sorted, cause: i.signature.cause && render(i.signature.cause, lang) },
    decryption: i.decryption?.ok
      ? { ...i.decryption, plaintext: pretty(i.decryption.plaintext) }
      : i.decryption,
    failure: i.reason ? { reason: i.reason, message: i.messageFinding ? render(i.messageFinding, lang) : i.message } : undefined,
    answer: { status: r.answer.status, body: r.answer.body, data: answerCheck.data, notDelivered: correctionFindings(r).map(f => render(f, lang)) },
    // The handler's grade in words (as the log shows it), beside the record's own fields.
    forwarded: r.forwarded && { ...r.forwarded, lines: forwardedLines(r.forwarded, lang, profile) },
    warnings: i.warnings.map(w => renderWarning(w, lang)),
    durationMs: r.durationMs,
  }
}
