import { createHash } from 'node:crypto'
import type { CaptureRecord } from '../capture/record.js'
import type { MessageCode } from '../messages/en/index.js'
import { render, renderWarning } from '../messages/render.js'
import type { Lang, Params } from '../messages/types.js'
import { businessAnswer } from '../receiver/business-answer.js'
import { displayCopy, safeLines } from './terminal-safe.js'
import type { ProfileDescriptor } from '../profiles/descriptor.js'
import { profileWords } from '../profiles/words.js'
import { forwardedLines } from './forwarded-lines.js'

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
  /** The reader's language for labels and explanations (the wire bytes shown stay as they were). */
  lang?: Lang
  /** The receiver's profile: a record's signature algorithm (kept in English) is shown in its words in `lang`. */
  profile?: ProfileDescriptor
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
  return r => formatDeliveryBlock(r, { ...o, once, algorithm: algorithmWords(o) })
}

interface Ctx extends DeliveryFormatterOptions {
  once: (code: string, line: string) => string[]
  algorithm: (english: string) => string
}

/** The profile's signature words in the reader's language, for a record made under that profile; any other as recorded. */
function algorithmWords (o: DeliveryFormatterOptions): (english: string) => string {
  if (o.profile === undefined || o.lang === undefined || o.lang === 'en') return english => english
  const en = profileWords(o.profile).signature
  const local = profileWords(o.profile, o.lang).signature
  return english => (english === en ? local : english)
}

type T = (code: MessageCode, params?: Params) => string
const translator = (lang: Lang | undefined): T => (code, params) => render({ code, ...(params ? { params } : {}) }, lang)

/** The delivery's log line (pretty format): method, path, nonce, errcode, which test. */
export function deliveryHeadline (r: CaptureRecord, lang?: Lang): string {
  const t = translator(lang)
  const test = r.test === 'crypto' ? t('LOG_TEST_CRYPTO_SUFFIX') : r.test === 'signature' ? t('LOG_TEST_SIGNATURE_SUFFIX') : ''
  return t('LOG_DELIVERY_LINE', { method: r.method, path: r.path, nonce: r.wxnontaxstr ?? '-', errcode: r.answer.body.errcode, test })
}

/** WeChat's signature test only in the run command's round, and never a replay of ours. */
export function isWechatSignatureTest (r: CaptureRecord, mockRun: boolean): boolean {
  return mockRun && r.test === 'signature' && header(r, REPLAY_HEADER) === undefined
}

/**
 * A person reads a delivery at a glance: what came in, each check, what went out. Every value is
 * escaped for the terminal (terminal-safe.ts), so a sender cannot draw outside this block.
 */
export function formatDeliveryBlock (record: CaptureRecord, c: Ctx = { once: (_c, l) => [l], algorithm: english => english }): string {
  const r = displayCopy(record)
  const i = r.inspection
  const wechatTest = isWechatSignatureTest(r, c.mockRun === true)
  const replay = header(r, REPLAY_HEADER)
  const t = translator(c.lang)
  const label = t(r.test === 'crypto' ? 'BLOCK_CRYPTO_TEST' : wechatTest ? 'BLOCK_SIGNATURE_TEST' : r.test === 'signature' ? 'BLOCK_BAD_SIGNATURE' : 'BLOCK_OTHER')
  const tags = [...(replay ? [t('BLOCK_REPLAY', { by: replay })] : []), ...(r.duplicateOf ? [t('BLOCK_DUPLICATE', { id: r.duplicateOf })] : [])]
  const lines: string[] = [[`┌─ ${r.id}`, `wxnontaxstr ${r.wxnontaxstr ?? t('BLOCK_NONE')}`, label, ...tags].join(' · ')]
  lines.push(`│ --> ${r.method} ${r.url}`)
  const from = [t('BLOCK_FROM', { address: r.remoteAddress }), ...optional('x-forwarded-for', header(r, 'x-forwarded-for')), ...optional('user-agent', header(r, 'user-agent'))]
  lines.push(`│     ${from.join(' · ')}`)
  lines.push(`│     ${t('BLOCK_CONTENT', { contentType: r.contentType ?? t('BLOCK_NONE'), bytes: r.body.bytes, readAs: i.envelope ? t('BLOCK_READ_AS', { format: i.envelope.format }) : '' })}`)
  lines.push(`│ ${t('BLOCK_RAW', { encoding: r.body.encoding, digest: r.body.sha256.slice(0, 16), raw: shortRaw(r, t) })}`)
  lines.push(...signatureLines(r, wechatTest, c, t))
  const d = i.decryption
  if (d?.ok) lines.push(`│ ${t('BLOCK_DECRYPTED_OK', { appid: d.appid, bytes: d.declaredLength, pad: d.padByte })}`, `│     ${d.plaintext}`)
  else if (d) lines.push(`│ ${t('BLOCK_DECRYPTED_FAIL', { reason: d.reason, message: d.finding ? render(d.finding, c.lang) : d.message })}`)
  const rejectedBecause = i.messageFinding ? render(i.messageFinding, c.lang) : i.message
  if (i.errcode !== 0 && !wechatTest && rejectedBecause && !lines.some(l => l.includes(rejectedBecause))) lines.push(`│ ${t('BLOCK_REJECTED', { message: rejectedBecause })}`)
  for (const w of i.warnings) lines.push(`│ ${t('BLOCK_WARNING', { text: renderWarning(w, c.lang) })}`)
  if (!i.signature?.ok && d?.ok && !wechatTest) lines.push(...c.once('NOT_ACTED_ON', `│ ${t('BLOCK_NOT_ACTED_ON')}`))
  lines.push(...forwardedBlock(r, c), ...answerLines(r, t))
  return safeLines(lines.map(l => `  ${l}`).join('\n'))
}

function signatureLines (r: CaptureRecord, wechatTest: boolean, c: Ctx, t: T): string[] {
  const s = r.inspection.signature
  if (!s) return []
  const params = { param: s.param ?? t('BLOCK_NO_SIGNATURE_PARAM'), nonceParam: s.nonceParam ?? t('BLOCK_NO_NONCE_PARAM') }
  if (wechatTest) {
    return [`│ ${t('BLOCK_SIGNATURE_EXPECTED_WRONG', params)}`,
      ...c.once('SIGNATURE_TEST', `│     ${t('LOG_SIGNATURE_TEST_EXPECTED')}`)]
  }
  const lines = [`│ ${s.ok ? t('BLOCK_SIGNATURE_OK', params) : t('BLOCK_SIGNATURE_FAIL', { ...params, reason: s.reason })}`,
    `│     ${t('BLOCK_SIG_RECEIVED', { value: s.received ?? t('BLOCK_NONE') })}`]
  if (s.expected) lines.push(`│     ${t('BLOCK_SIG_EXPECTED', { value: s.expected })}`)
  if (!s.ok && s.parts) lines.push(`│     ${(s.algorithm && c.algorithm(s.algorithm)) ?? t('BLOCK_SIG_COMPUTED')}: [${s.parts.map(v => short(v)).join(', ')}]`)
  if (!s.ok && s.cause) lines.push(`│     ${t('BLOCK_LIKELY_CAUSE', { cause: render(s.cause, c.lang) })}`)
  return lines
}

function forwardedBlock (r: CaptureRecord, c: Ctx): string[] {
  if (!r.forwarded) return []
  const profile = c.profile
  const [head, ...rest] = forwardedLines(r.forwarded, c.lang, profile ? { wordsIn: l => profileWords(profile, l) } : undefined)
  return [`│ ${head}`, ...rest.map(l => `│     ${l}`)]
}

/** Our own success answer encrypts businessAnswer(inspection): shown decrypted, so the user sees what was answered. */
function answerLines (r: CaptureRecord, t: T): string[] {
  const a = r.answer.body
  const lines: string[] = []
  if (a.data && !r.forwarded) lines.push(`│ ${t('BLOCK_ANSWERED_DATA', { json: JSON.stringify(businessAnswer(r.inspection)) })}`)
  // errmsg is shown as sent: it is part of the answer's bytes, not a text of ours to translate.
  const data = a.data ? t('BLOCK_ANSWER_DATA', { chars: a.data.length, signature: a.msg_signature }) : ''
  lines.push(`└─ <-- ${t('BLOCK_ANSWER', { relayed: r.forwarded ? t('BLOCK_RELAYED') : '', status: r.answer.status, errcode: a.errcode, errmsg: a.errmsg, data, ms: r.durationMs.toFixed(1) })}`)
  return lines
}

/** The ciphertext is most of a delivery; shown as its length and digest (the capture keeps every byte). */
function shortRaw (r: CaptureRecord, t: T): string {
  const cipher = r.inspection.envelope?.encrypt
  let text = r.body.text
  if (cipher && cipher.length > 32 && text.includes(cipher)) {
    const digest = createHash('sha256').update(cipher, 'utf8').digest('hex').slice(0, 16)
    text = text.split(cipher).join(t('BLOCK_CIPHER_SHORT', { head: cipher.slice(0, 12), chars: cipher.length, digest }))
  }
  return text.length > RAW_SHOWN_CHARS ? `${text.slice(0, RAW_SHOWN_CHARS)}${t('BLOCK_RAW_MORE', { more: text.length - RAW_SHOWN_CHARS })}` : text
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
