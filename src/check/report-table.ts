import type { MessageCode } from '../messages/en/index.js'
import { isMessageCode, listOf, render } from '../messages/render.js'
import { LONG_PAD_BYTE } from './cases-padding.js'
import type { Finding, Lang, Params } from '../messages/types.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { renderWithWords } from '../profiles/words.js'
import { displayWidth, padDisplay } from '../messages/width.js'
import type { CheckReport, CheckResult } from './types.js'

/** Fits a 100-column terminal: # class sent expected got result. */
const COLUMNS = [
  { head: 'CHECK_COL_INDEX', width: 2 },
  { head: 'CHECK_COL_CLASS', width: 17 },
  { head: 'CHECK_COL_SENT', width: 33 },
  { head: 'CHECK_COL_EXPECTED', width: 13 },
  { head: 'CHECK_COL_GOT', width: 19 },
  { head: 'CHECK_COL_RESULT', width: 6 },
] as const

type T = (code: MessageCode, params?: Params) => string
type Say = (f: Finding) => string
const translator = (lang: Lang | undefined): T => (code, params) => render({ code, ...(params ? { params } : {}) }, lang)
const LINE_WIDTH = 100
const INDENT = '      '

// Cut by display width (a Chinese character takes two columns), then pad: a cell never widens the row.
const fit = (s: string, w: number): string => padDisplay(displayWidth(s) > w ? s.slice(0, fitting(s, w - 1)) + '…' : s, w)

function row (cells: string[]): string {
  return cells.map((c, i) => fit(c, COLUMNS[i]?.width ?? 10)).join('  ').trimEnd()
}

/**
 * Wrap words to the line width (in terminal columns), continuation lines indented. Chinese has no
 * spaces between words, so a run of it wider than the line is cut where the line ends; other long
 * words (URLs, base64) stay whole so they can be copied.
 */
export function wrap (text: string, first: string, rest = INDENT, width = LINE_WIDTH): string[] {
  const lines: string[] = []
  let line = first
  let fresh = true
  const push = () => { lines.push(line.trimEnd()); line = rest; fresh = true }
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word
    if (!fresh && displayWidth(line) + 1 + displayWidth(w) > width && !(CJK.test(w) && displayWidth(line) + 1 < width)) push()
    else if (!fresh) line += ' '
    while (CJK.test(w) && displayWidth(line) + displayWidth(w) > width) {
      const cut = breakAt(w, fitting(w, width - displayWidth(line)), fresh)
      if (cut === 0 && !fresh) { push(); continue }
      const n = Math.max(cut, [...w][0]?.length ?? 1)
      line += w.slice(0, n)
      w = w.slice(n)
      push()
    }
    if (w !== '') { line += w; fresh = false }
  }
  lines.push(line)
  return lines
}

const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

/** Closing punctuation a Chinese line never starts with (避头): the character before it moves down with it. */
const CLOSING = /^[，。、；：！？）」』】》〉…]/u

/**
 * Where to cut a run that mixes Chinese and Latin, at or before `n`: next to a Chinese character, so a
 * Latin word, number or value ({"errcode":0}, a signature) moves down whole, and never before closing
 * punctuation. 0 when there is no such place (the caller starts a new line); on a fresh line, `n`.
 */
function breakAt (w: string, n: number, fresh: boolean): number {
  let k = n
  while (k > 0 && k < w.length && !CJK.test(w[k - 1] ?? '') && !CJK.test(w[k] ?? '')) k--
  if (k > 0 && CLOSING.test(w.slice(k))) k -= [...w.slice(0, k)].at(-1)?.length ?? 0
  return k > 0 ? k : fresh ? n : 0
}

/** How many UTF-16 units of `w` fit in `room` columns. */
function fitting (w: string, room: number): number {
  let used = 0
  let units = 0
  for (const ch of w) {
    const cw = displayWidth(ch)
    if (used + cw > room) break
    used += cw
    units += ch.length
  }
  return units
}

/** What a class sends, in the reader's language: by class name; a class without an entry keeps its English `sent` (as JSON reports do). */
function sentOf (x: { class: string; sent: string }, t: T): string {
  const code = `CHECK_SENT_${x.class.toUpperCase().replaceAll('-', '_')}`
  return isMessageCode(code) ? t(code, { pad: LONG_PAD_BYTE }) : x.sent
}

function details (r: CheckResult, index: number, t: T, say: Say): string[] {
  const out = [`${String(index).padStart(2)}  ${r.class}: ${r.outcome}`]
  const add = (label: MessageCode, text: string) => out.push(...wrap(text, `${INDENT}${padDisplay(t(label), 10)}`, INDENT + ' '.repeat(10)))
  // A FAIL needs the whole story; a WARN only what came back and why it is a warning.
  if (r.outcome === 'FAIL') {
    add('CHECK_LABEL_SENT', t('CHECK_SENT_DETAIL', { sent: sentOf(r, t), query: r.request.query.length > 80 ? r.request.query.slice(0, 80) + '…' : r.request.query, contentType: r.request.contentType ?? t('CHECK_NO_CONTENT_TYPE'), bytes: r.request.bodyBytes }))
    add('CHECK_LABEL_EXPECTED', r.findings?.expected !== undefined ? say(r.findings.expected) : r.expected)
  }
  add('CHECK_LABEL_GOT', r.reply.error !== undefined ? t('CHECK_NO_ANSWER_AFTER', { ms: r.reply.durationMs }) : describeReply(r, t, say))
  // One bug behind many FAILs is explained once, above; each class points there.
  // The fix and the notes are re-rendered from their codes, so they read in the chosen language.
  const reason = r.findings?.reason !== undefined ? say(r.findings.reason) : r.reason
  if (r.cause !== undefined) add('CHECK_LABEL_FIX', t('CHECK_SEE_CAUSE', { n: r.cause }))
  else if (reason) add('CHECK_LABEL_FIX', reason)
  for (const n of r.findings?.notes?.map(say) ?? r.notes) add('CHECK_LABEL_NOTE', n)
  for (const f of r.findings?.forensics?.map(say) ?? r.forensics) add('CHECK_LABEL_FORENSICS', f)
  return out
}

function describeReply (r: CheckResult, t: T, say: Say): string {
  const parts = [`HTTP ${r.reply.httpStatus ?? '-'}`]
  if (r.reply.errcode !== undefined) parts.push(`errcode ${r.reply.errcode}`)
  if (r.reply.errmsg !== undefined) parts.push(JSON.stringify(r.reply.errmsg.slice(0, 160)))
  const problems = r.reply.problems.filter(p => p.code !== 'ANSWER_HTTP_STATUS')
  const why = problems.length > 0 ? say({ code: 'CHECK_REPLY_PROBLEMS', params: { problems: listOf(problems, 'semi') } }) : ''
  return t('CHECK_REPLY_IN', { reply: parts.join(' ') + why, ms: r.reply.durationMs })
}

export function summaryLine (r: CheckReport, lang?: Lang): string {
  const s = r.summary
  const t = translator(lang)
  const na = r.notApplicable.length > 0 ? t('CHECK_NOT_APPLICABLE', { count: r.notApplicable.length, profile: r.profile }) : ''
  const notSent = s.notSent > 0 ? t('CHECK_SUMMARY_NOT_SENT', { count: s.notSent }) : ''
  return t('CHECK_SUMMARY', { total: s.total, pass: s.pass, warn: s.warn, fail: s.fail, notSent, na, target: r.target, ms: r.durationMs })
}

/** The human report: one table, then the reasons for every FAIL and WARN, then one summary line. */
/** `profile` (when given) supplies its algorithm words in `lang` for the fix texts (they were made with the English ones). */
export function renderReport (r: CheckReport, lang?: Lang, profile?: Pick<CryptoProfile, 'wordsIn'>): string {
  const t = translator(lang)
  const say: Say = f => (profile ? renderWithWords(f, profile, lang) : render(f, lang))
  // A report saved before these were coded has only the English text.
  const shown = (f: Finding | undefined, english: string) => (f !== undefined ? say(f) : english)
  const lines = [
    ...wrap(t('CHECK_PROFILE_LINE', { profile: r.profile, assumption: r.assumption }), '', ''),
    t('CHECK_EXPECTED_LEGEND'),
    '',
    row(COLUMNS.map(c => t(c.head))),
    row(COLUMNS.map(c => '-'.repeat(c.width))),
    ...r.results.map((x, i) => row([String(i + 1), x.class, sentOf(x, t), shown(x.findings?.expectedShort, x.expectedShort), shown(x.findings?.got, x.got), x.reply.notSent ? t('CHECK_RESULT_NOT_SENT') : x.outcome])),
  ]
  // Once nothing listens, the rest are not sent: one line for them, not one story each.
  const notSent = r.results.filter(x => x.reply.notSent)
  const flagged = r.results.map((x, i) => ({ x, i: i + 1 })).filter(({ x }) => x.outcome !== 'PASS' && !notSent.includes(x))
  const order = { FAIL: 0, WARN: 1, PASS: 2 }
  flagged.sort((a, b) => order[a.x.outcome] - order[b.x.outcome] || a.i - b.i)
  if (r.causes.length > 0) {
    lines.push('', t('CHECK_CAUSES_HEAD'))
    r.causes.forEach((c, i) => lines.push(...wrap(say(c.finding), `${String(i + 1).padStart(2)}. `, '    ')))
  }
  for (const { x, i } of flagged) lines.push('', ...details(x, i, t, say))
  if (notSent.length > 0) lines.push('', ...wrap(t('CHECK_NOT_SENT', { count: notSent.length }), ''))
  for (const n of r.notApplicable) lines.push('', ...wrap(`${n.class}: ${say(n.finding)}`, '--  ', INDENT))
  lines.push('', summaryLine(r, lang))
  return lines.join('\n') + '\n'
}
