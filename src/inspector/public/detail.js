import { clear, el, pretty, put } from './dom.js'
import { renderActions } from './actions.js'
import { T } from './text.js'

const section = (title, cls, ...children) => el('section', { className: `card ${cls}` }, el('h2', {}, title), ...children)
const pre = (text, cls) => el('pre', { className: cls }, text)
const kv = (pairs) => el('dl', {}, pairs.filter(([, v]) => v !== undefined && v !== null).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]))
const okWord = ok => el('strong', { className: ok ? 'pass' : 'fail' }, ok ? T.ok : T.bad)

function verdictBox (v) {
  if (!v) return null
  return el('p', { className: `verdict-line ${v.pass ? 'pass' : 'fail'}`, id: 'detail-verdict' }, `${v.pass ? T.verdictPass : T.verdictFail} · ${T.verdictOf(v)}`)
}

function signatureCard (s) {
  if (!s) return null
  return section(T.signature, 'signature',
    el('p', {}, okWord(s.ok), s.reason ? ` ${s.reason}` : ''),
    kv([[T.sigParam, s.param], [T.received, s.received], [T.expected, s.expected], [T.cause, s.cause]]),
    s.parts ? el('div', {}, el('h3', {}, T.sortedInputs), s.algorithm ? el('p', {}, s.algorithm) : null, el('ol', { className: 'sorted' }, s.parts.map(x => el('li', {}, el('code', {}, x))))) : null,
    s.hashed ? el('div', {}, el('h3', {}, T.hashed), pre(s.hashed, 'hashed')) : null)
}

function decryptionCard (d) {
  if (!d) return null
  if (!d.ok) return section(T.decryption, 'decryption', el('p', {}, okWord(false), ` ${d.reason}`), pre(d.message))
  return section(T.decryption, 'decryption',
    el('ol', { className: 'steps' }, T.steps(d).map(s => el('li', {}, s))),
    el('h3', {}, T.plaintext), pre(d.plaintext, 'plaintext'))
}

function requestCards (d) {
  return [
    section(T.request, 'request', pre(d.requestLine, 'request-line'), el('p', { className: 'muted' }, `${T.from} ${d.remoteAddress}`),
      el('h3', {}, T.headers),
      el('table', { className: 'headers' }, el('tbody', {}, d.headers.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))))),
    section(T.body, 'body', el('p', { className: 'muted' }, T.bodyAs(d.body)),
      d.body.truncated ? el('p', { className: 'fail body-truncated' }, d.body.truncated) : null,
      d.body.text !== undefined ? pre(d.body.text, 'body-text') : null,
      el('details', { open: d.body.text === undefined }, el('summary', {}, T.hex), pre(d.body.hex, 'hex'))),
  ]
}

/** Renders one delivery; every value is set as text (see dom.js). */
export function showDetail (pane, d, verdict) {
  const r = d.row
  clear(pane).dataset.id = r.id
  put(pane,
    verdictBox(verdict()),
    el('h2', { className: 'detail-title' }, T.detailTitle(r)),
    ...requestCards(d),
    signatureCard(d.signature),
    decryptionCard(d.decryption),
    d.failure ? section(T.failure, 'failure', el('p', {}, el('strong', {}, d.failure.reason)), pre(d.failure.message ?? '')) : null,
    section(T.answer, 'answer', el('p', {}, `HTTP ${d.answer.status}`),
      ...(d.answer.notDelivered ?? []).map(t => el('p', { className: 'fail not-delivered' }, t)),
      pre(pretty(d.answer.body), 'answer-body'),
      d.answer.data !== undefined ? el('div', {}, el('h3', {}, T.answerData), pre(pretty(d.answer.data), 'answer-data')) : null),
    // The grade in words (rendered by the server in the page's language), then the handler's answer as it came back.
    d.forwarded ? section(T.forwarded, 'forwarded', pre([...(d.forwarded.lines ?? []), d.forwarded.body ?? ''].filter(Boolean).join('\n'))) : null,
    section(T.warnings, 'warnings', d.warnings.length ? el('ul', {}, d.warnings.map(w => el('li', {}, w))) : el('p', { className: 'muted' }, T.noWarnings)),
    renderActions(r, d),
  )
}
