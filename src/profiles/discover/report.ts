import type { MessageCode } from '../../messages/en/index.js'
import { render } from '../../messages/render.js'
import type { Lang, Params } from '../../messages/types.js'
import { localTime } from '../../time/local.js'
import type { ProfileDescriptor } from '../descriptor.js'
import { namedDescriptor } from '../named.js'
import { profileWords } from '../words.js'
import type { Anatomy, FieldAnatomy } from './anatomy.js'
import type { Match } from './compose.js'
import type { FieldLocation } from '../descriptor.js'
import type { Discovery } from './index.js'

/** The line to paste: a name as is, a JSON descriptor single-quoted (a .env file and a shell both take it). */
export function profileAssignment (profile: string): string {
  return profile.startsWith('{') ? `NONTAX_PROFILE='${profile}'` : `NONTAX_PROFILE=${profile}`
}

const n = (x: number) => x.toLocaleString('en-US')

type T = (code: MessageCode, params?: Params) => string
const translator = (lang: Lang): T => (code, params) => render({ code, ...(params ? { params } : {}) }, lang)

/** The same words as fields.ts's fieldLabel, in `lang`. */
const fieldLabel = (f: FieldLocation, lang: Lang) => render({ code: f.in === 'header' ? 'DISCOVER_HEADER_LABEL' : 'DISCOVER_FIELD_LABEL', params: { in: f.in, name: f.name } }, lang)

function verdictOf (m: Match, t: T): string {
  if (m.decrypts && m.signatureVerifies) return t('DISCOVER_VERDICT_BOTH')
  if (m.decrypts) return t('DISCOVER_VERDICT_DECRYPTS')
  return t('DISCOVER_VERDICT_SIGNATURE')
}

/** compose.ts writes a setting as VARIABLE=<the value you passed as LABEL> (kept in --json); a person reads it in `lang`. */
function settingText (setting: string, t: T): string {
  const m = /^(\w+)=<the value you passed as (.+)>$/.exec(setting)
  return m ? t('DISCOVER_SETTING', { variable: m[1], label: m[2] }) : setting
}

function wordsOf (m: Match, lang: Lang): Match['words'] {
  if (lang === 'en') return m.words
  // m.profile is a name, or the descriptor as JSON (descriptorString).
  try {
    const d = namedDescriptor(m.profile) ?? (JSON.parse(m.profile) as ProfileDescriptor)
    return profileWords(d, lang)
  } catch {
    return m.words
  }
}

function matchLines (m: Match, i: number, configured: string, lang: Lang): string[] {
  const t = translator(lang)
  const words = wordsOf(m, lang)
  const lines = [t('DISCOVER_MATCH', { n: i + 1, name: m.name, configured: m.profile === configured ? t('DISCOVER_CONFIGURED') : '', verdict: verdictOf(m, t) })]
  if (m.decryption) {
    lines.push(t('DISCOVER_CIPHERTEXT', { field: fieldLabel(m.decryption.field, lang), secret: m.decryption.secret, words: words.cipher }))
    const f = m.decryption.payloadFields
    if (f.length > 0) lines.push(t('DISCOVER_PAYLOAD', { fields: `${f.slice(0, 8).join(', ')}${f.length > 8 ? ', …' : ''}` }))
    if (m.decryption.appidInside) lines.push(t('DISCOVER_APPID_INSIDE', { appid: m.decryption.appidInside }))
  }
  if (m.signature) lines.push(t('DISCOVER_SIGNATURE', { field: fieldLabel(m.signature.field, lang), words: words.signature, secret: m.signature.secret }))
  lines.push(t('DISCOVER_SET', { assignment: profileAssignment(m.profile) }))
  for (const s of m.settings) lines.push(t('DISCOVER_AND', { setting: settingText(s, t) }))
  return lines
}

const ENCODING_CODES = { 'upper-case hex': 'DISCOVER_HEX_UPPER', 'lower-case hex': 'DISCOVER_HEX_LOWER' } as const
const SIBLING_CODES = { same: 'DISCOVER_SIBLING_SAME', differs: 'DISCOVER_SIBLING_DIFFERS', absent: 'DISCOVER_SIBLING_ABSENT' } as const

function anatomyLine (a: FieldAnatomy, t: T): string {
  const what: string[] = []
  if (a.base64) {
    const b = a.base64.bytes
    const note = b % 16 === 0 ? t('DISCOVER_BLOCKS_WHOLE') : b >= 28 ? t('DISCOVER_BLOCKS_GCM') : t('DISCOVER_BLOCKS_NOT')
    what.push(t(a.base64.multipleOf16 ? 'DISCOVER_BASE64_MULTIPLE' : 'DISCOVER_BASE64_NOT_MULTIPLE', { bytes: b, note }))
  }
  if (a.digest) {
    const code = ENCODING_CODES[a.digest.encoding as keyof typeof ENCODING_CODES]
    what.push(t('DISCOVER_DIGEST', { bytes: a.digest.bytes, encoding: code ? t(code) : a.digest.encoding, likely: a.digest.likely }))
  }
  if (a.timestamp) what.push(t('DISCOVER_TIMESTAMP', { time: localTime(a.timestamp) }))
  if (a.nonceLike) what.push(t('DISCOVER_NONCE_LIKE'))
  if (a.appidLike) what.push(t('DISCOVER_APPID_LIKE'))
  if (a.versusSibling) what.push(t(SIBLING_CODES[a.versusSibling === 'only-here' ? 'absent' : a.versusSibling]))
  return `  ${a.in.padEnd(6)} ${a.name.padEnd(20)} ${t('DISCOVER_CHARS', { chars: String(a.length).padStart(5) })}  ${JSON.stringify(a.sample)}${what.length ? `\n${' '.repeat(36)}${what.join(t('DISCOVER_SEP'))}` : ''}`
}

export function anatomyText (a: Anatomy, siblingId?: string, lang: Lang = 'en'): string[] {
  const t = translator(lang)
  const label = (f: FieldLocation) => fieldLabel(f, lang)
  const lines = [t('DISCOVER_ANATOMY'), ...a.fields.map(f => anatomyLine(f, t))]
  if (siblingId) {
    lines.push(t('DISCOVER_COMPARED', { sibling: siblingId }))
    if (a.signatureSuspects.length > 0) lines.push(t('DISCOVER_SUSPECTS', { fields: a.signatureSuspects.map(label).join(', ') }))
    if (a.onlyInSibling.length > 0) lines.push(t('DISCOVER_ONLY_IN_SIBLING', { fields: a.onlyInSibling.map(label).join(', ') }))
  }
  return lines
}

export function discoveryText (head: string, d: Discovery, configured: string, siblingId?: string, lang: Lang = 'en'): string {
  const t = translator(lang)
  const s = d.searched
  const lines = [
    `${head}`,
    t('DISCOVER_SEARCHED', {
      candidates: n(s.candidates), decryptions: n(s.decryptions), signatures: n(s.signatures), secrets: s.secrets.join(', '), ms: s.ms,
      bound: s.bounded ? t('DISCOVER_BOUND_STOPPED', { limit: n(s.limit) }) : t('DISCOVER_BOUND_COMPLETE', { limit: n(s.limit) }),
    }),
  ]
  if (d.bodyError) lines.push(t('DISCOVER_BODY_ERROR', { error: d.bodyError }))
  if (d.matches.length === 0) lines.push('', t('DISCOVERY_NO_MATCH', { secrets: s.secrets.join(', ') }))
  d.matches.slice(0, 5).forEach((m, i) => lines.push('', ...matchLines(m, i, configured, lang)))
  if (d.matches.length > 5) lines.push('', t('DISCOVER_MORE', { count: d.matches.length - 5 }))
  if (d.anatomy) {
    lines.push('', ...anatomyText(d.anatomy, siblingId, lang), '', t('DISCOVERY_KEY_HINT'), t('DISCOVERY_RSA_NOTE'))
  }
  return lines.join('\n')
}
