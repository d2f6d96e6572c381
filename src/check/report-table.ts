import { finding, render } from '../messages/render.js'
import type { CheckReport, CheckResult } from './types.js'

/** Fits a 100-column terminal: # class sent expected got result. */
const COLUMNS = [
  { head: '#', width: 2 },
  { head: 'class', width: 17 },
  { head: 'sent', width: 33 },
  { head: 'expected', width: 13 },
  { head: 'got', width: 19 },
  { head: 'result', width: 6 },
] as const
const LINE_WIDTH = 100
const INDENT = '      '

const fit = (s: string, w: number): string => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w))

function row (cells: string[]): string {
  return cells.map((c, i) => fit(c, COLUMNS[i]?.width ?? 10)).join('  ').trimEnd()
}

/** Wrap words to the line width, continuation lines indented. */
export function wrap (text: string, first: string, rest = INDENT, width = LINE_WIDTH): string[] {
  const lines: string[] = []
  let line = first
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length === 0 ? first : rest
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line)
      line = rest + word
    } else {
      line += (line.length > prefix.length ? ' ' : '') + word
    }
  }
  lines.push(line)
  return lines
}

function details (r: CheckResult, index: number): string[] {
  const out = [`${String(index).padStart(2)}  ${r.class}: ${r.outcome}`]
  const add = (label: string, text: string) => out.push(...wrap(text, `${INDENT}${label.padEnd(10)}`, INDENT + ' '.repeat(10)))
  // A FAIL needs the whole story; a WARN only what came back and why it is a warning.
  if (r.outcome === 'FAIL') {
    add('sent', `${r.sent}: POST ?${r.request.query.length > 80 ? r.request.query.slice(0, 80) + '…' : r.request.query}, ${r.request.contentType ?? 'no content-type'}, ${r.request.bodyBytes} bytes`)
    add('expected', r.expected)
  }
  add('got', r.reply.error !== undefined ? `no answer after ${r.reply.durationMs} ms` : describeReply(r))
  // One bug behind many FAILs is explained once, above; each class points there.
  if (r.cause !== undefined) add('fix', render(finding('CHECK_SEE_CAUSE', { n: r.cause })))
  else if (r.reason) add('fix', r.reason)
  for (const n of r.notes) add('note', n)
  for (const f of r.forensics) add('forensics', f)
  return out
}

function describeReply (r: CheckResult): string {
  const parts = [`HTTP ${r.reply.httpStatus ?? '-'}`]
  if (r.reply.errcode !== undefined) parts.push(`errcode ${r.reply.errcode}`)
  if (r.reply.errmsg !== undefined) parts.push(JSON.stringify(r.reply.errmsg.slice(0, 160)))
  const problems = r.reply.problems.filter(p => p.code !== 'ANSWER_HTTP_STATUS')
  if (problems.length > 0) parts.push(`(${problems.map(p => render(p)).join('; ')})`)
  return `${parts.join(' ')} in ${r.reply.durationMs} ms`
}

export function summaryLine (r: CheckReport): string {
  const s = r.summary
  const na = r.notApplicable.length > 0 ? ` (${r.notApplicable.length} not applicable under profile ${r.profile})` : ''
  return `${s.total} classes: ${s.pass} PASS, ${s.warn} WARN, ${s.fail} FAIL${na} against ${r.target} in ${r.durationMs} ms`
}

/** The human report: one table, then the reasons for every FAIL and WARN, then one summary line. */
export function renderReport (r: CheckReport): string {
  const lines = [
    ...wrap(`profile ${r.profile}: ${r.assumption}`, '', ''),
    'expected: errcodes that pass, [accepted with a warning]; 0 = errcode 0 with signed, encrypted data',
    '',
    row(COLUMNS.map(c => c.head)),
    row(COLUMNS.map(c => '-'.repeat(c.width))),
    ...r.results.map((x, i) => row([String(i + 1), x.class, x.sent, x.expectedShort, x.got, x.outcome])),
  ]
  // Once nothing listens, the rest are not sent: one line for them, not one story each.
  const notSent = r.results.filter(x => x.reply.notSent)
  const flagged = r.results.map((x, i) => ({ x, i: i + 1 })).filter(({ x }) => x.outcome !== 'PASS' && !notSent.includes(x))
  const order = { FAIL: 0, WARN: 1, PASS: 2 }
  flagged.sort((a, b) => order[a.x.outcome] - order[b.x.outcome] || a.i - b.i)
  if (r.causes.length > 0) {
    lines.push('', render(finding('CHECK_CAUSES_HEAD')))
    r.causes.forEach((c, i) => lines.push(...wrap(render(c.finding), `${String(i + 1).padStart(2)}. `, '    ')))
  }
  for (const { x, i } of flagged) lines.push('', ...details(x, i))
  if (notSent.length > 0) lines.push('', ...wrap(`${notSent.length} more classes were not sent: the first got no answer.`, ''))
  for (const n of r.notApplicable) lines.push('', ...wrap(`${n.class}: ${n.reason}`, '--  ', INDENT))
  lines.push('', summaryLine(r))
  return lines.join('\n') + '\n'
}
