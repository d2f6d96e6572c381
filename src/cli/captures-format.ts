import { renderWarning } from '../messages/render.js'
import type { CaptureRecord } from '../capture/record.js'
import { finding, render } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Lang, Params } from '../messages/types.js'
import type { Inspection } from '../protocol/inspect.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { localTime } from '../time/local.js'
import { padDisplay } from '../messages/width.js'
import { displayCopy, escapeControls, safeLines, valueText } from '../log/terminal-safe.js'
import { correctionFindings, truncationFinding } from '../capture/record-notes.js'
import { forwardedLines } from '../log/forwarded-lines.js'

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

/** Column starts of listLine: a local time with its offset (26), an ID (22), a wxnontaxstr (16), the test (9), errcode=NNN (11). */
const LIST_COLUMNS = [28, 24, 18, 11, 13] as const
const LIST_HEADER_CODES = ['LIST_COL_RECEIVED', 'LIST_COL_ID', 'LIST_COL_NONCE', 'LIST_COL_TEST', 'LIST_COL_ANSWER', 'LIST_COL_BITS'] as const

/** The header over listLine's columns (a terminal only), padded by display width so Chinese labels align too. */
export function listHeader (lang: Lang = 'en'): string {
  return LIST_HEADER_CODES.map((code, i) => {
    const label = render({ code }, lang)
    const width = LIST_COLUMNS[i]
    return width === undefined ? label : padDisplay(label, width)
  }).join('')
}

const indent = (text: string, pad = '  ') => text.split('\n').map(l => pad + l).join('\n')

function pretty (text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

const TEST_CODES = { crypto: 'SHOW_TEST_CRYPTO', signature: 'SHOW_TEST_SIGNATURE', other: 'SHOW_TEST_OTHER' } as const

/** Everything recorded, in the order a person checks it: request, body, signature, decryption, answer. */
/** A recorded signature algorithm (kept in English) in the profile's words in `lang`; any other as recorded. */
export function algorithmIn (profile: CryptoProfile | undefined, lang: Lang): (english: string) => string {
  const local = lang === 'en' ? undefined : profile?.wordsIn?.(lang).signature
  return english => (local !== undefined && english === profile?.words.signature ? local : english)
}

/** Body and plaintext keep their own line breaks (indented below); every other value is one escaped line. */
const SHOWN_WITH_LINE_BREAKS: ReadonlySet<string> = new Set(['body.text', 'inspection.decryption.plaintext'])

export function showText (record: CaptureRecord, lang: Lang = 'en', algorithm: (english: string) => string = e => e, profile?: Pick<CryptoProfile, 'wordsIn'>): string {
  const r = displayCopy(record, SHOWN_WITH_LINE_BREAKS)
  const i = r.inspection
  const t = (code: MessageCode, params?: Params) => render(finding(code, params), lang)
  const none = t('SHOW_NONE')
  const out: string[] = []
  const section = (title: string, ...lines: string[]) => out.push('', title, ...lines)
  out.push(t('SHOW_HEAD', { id: r.id }))
  out.push(t('SHOW_RECEIVED', { time: localTime(r.receivedAt), remote: r.remoteAddress, ms: r.durationMs }))
  out.push(t('SHOW_REQUEST', { method: r.method, url: r.url }))
  out.push(t('SHOW_NONCE', { nonce: r.wxnontaxstr ?? none }))
  out.push(t('SHOW_TEST', { test: t(TEST_CODES[r.test]) }))
  if (r.duplicateOf) out.push(t('SHOW_DUPLICATE', { of: r.duplicateOf }))
  section(t('SHOW_HEADERS'), ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join(', ') : v}`))
  const cut = truncationFinding(r.body)
  section(t('SHOW_BODY', { bytes: r.body.bytes, encoding: r.body.encoding, sha256: r.body.sha256 }), ...(cut ? [`  ${render(cut, lang)}`] : []), indent(r.body.text || t('SHOW_EMPTY')))
  if (i.envelope) {
    const e = i.envelope
    section(t('SHOW_ENVELOPE'),
      t('SHOW_ENVELOPE_FORMAT', { format: e.format, contentType: e.contentType ?? none, field: e.encryptField, chars: e.encrypt.length }),
      t('SHOW_ENVELOPE_PARAMS', { appid: e.appid ?? none, signatureParam: e.signatureParam ?? none, nonceParam: e.nonceParam ?? none, timestamp: e.timestamp ?? none }))
  }
  if (i.signature) {
    const s = i.signature
    section(s.ok ? t('SHOW_SIGNATURE_OK') : t('SHOW_SIGNATURE_FAILED', { reason: s.reason ?? 'unknown' }),
      ...(s.cause ? [t('SHOW_SIGNATURE_CAUSE', { cause: render(s.cause, lang) })] : []),
      t('SHOW_SIGNATURE_RECEIVED', { value: s.received ?? none }),
      t('SHOW_SIGNATURE_EXPECTED', { value: s.expected ?? t('SHOW_NOT_COMPUTED') }),
      ...(s.hashed ? [t('SHOW_SIGNATURE_HASHED', { value: s.hashed }), t('SHOW_SIGNATURE_BY', { value: algorithm(s.algorithm ?? '') })] : []))
  }
  if (i.decryption) {
    const d = i.decryption
    section(d.ok ? t('SHOW_DECRYPTION_OK') : t('SHOW_DECRYPTION_FAILED', { reason: d.reason }),
      d.ok
        ? t('SHOW_DECRYPTION_DETAIL', { appid: d.appid, cipherBytes: d.cipherBytes, padByte: d.padByte, declaredLength: d.declaredLength })
        : `  ${d.finding ? render(d.finding, lang) : d.message}`)
    if (d.ok) section(t('SHOW_PLAINTEXT'), indent(pretty(d.plaintext)))
  }
  section(t('SHOW_ANSWER', { status: r.answer.status }), ...correctionFindings(r).map(f => `  ${render(f, lang)}`), indent(JSON.stringify(r.answer.body, null, 2)))
  section(i.reason
    ? t('SHOW_VERDICT_REJECTED', { errcode: i.errcode, reason: i.reason, message: i.messageFinding ? render(i.messageFinding, lang) : i.message ?? '' })
    : t('SHOW_VERDICT_ACCEPTED', { errcode: i.errcode }))
  if (i.warnings.length > 0) section(t('SHOW_WARNINGS'), ...i.warnings.map(w => `  - ${renderWarning(w, lang)}`))
  // The handler's grade in words (the same lines as the log block), then its answer as it came back.
  if (r.forwarded !== undefined) section(t('SHOW_FORWARDED'), ...forwardedLines(r.forwarded, lang, profile).map(l => `  ${l}`), ...(r.forwarded.body ? [indent(r.forwarded.body)] : []))
  return safeLines(out.join('\n'))
}
