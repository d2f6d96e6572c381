import { clear, el } from './dom.js'
import { T } from './text.js'

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' })
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'full' })
/** Local time; the date too when it is not today. */
const shownTime = d => `${(d.toDateString() === new Date().toDateString() ? timeFormat : dayFormat).format(d)} ${offset(d)}`
/** The zone's offset at that instant, e.g. +08:00: a time is never shown without saying which clock. */
function offset (d) {
  const m = -d.getTimezoneOffset()
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0')
  return `${m < 0 ? '-' : '+'}${pad(m / 60)}:${pad(m % 60)}`
}
const yesNo = (v, good, bad) => (v === undefined || v === null ? T.none : v ? good : bad)

/** The live list: rows by id, newest first, filtered in the page so live rows obey the same filters. */
export function createList ({ onPick }) {
  const rows = new Map()
  const tbody = document.querySelector('#rows tbody')
  const head = document.getElementById('rows-head')
  const filters = { errcode: document.getElementById('f-errcode'), kind: document.getElementById('f-kind'), order: document.getElementById('f-order') }
  let selected
  T.columns.forEach((c, i) => head.append(el('th', { title: i === T.columns.length - 1 ? T.gradeHint : undefined }, c)))
  for (const input of Object.values(filters)) input.addEventListener('input', () => render())
  document.getElementById('filters').addEventListener('submit', e => e.preventDefault())

  const visible = r => {
    const errcode = filters.errcode.value.trim()
    const order = filters.order.value.trim()
    return (errcode === '' || String(r.errcode) === errcode) &&
      (filters.kind.value === '' || r.test === filters.kind.value) &&
      (order === '' || (r.orderId ?? '').includes(order))
  }
  const rowNode = r => el('tr', {
    dataset: { id: r.id, errcode: String(r.errcode), test: r.test },
    className: [r.errcode === 0 ? 'ok' : 'fail', r.id === selected ? 'selected' : ''].join(' '),
    onclick: () => onPick(r.id),
  },
  el('td', { className: 'time', title: dateFormat.format(new Date(r.receivedAt)) }, shownTime(new Date(r.receivedAt))),
  el('td', { className: 'test' }, T[`kind_${r.test}`] ?? r.test),
  el('td', { className: 'errcode', title: r.notDelivered ? T.notDeliveredHint : undefined }, r.notDelivered ? `${r.errcode} · ${T.notDelivered}` : String(r.errcode)),
  el('td', { className: 'sig' }, yesNo(r.signatureOk, T.ok, T.bad)),
  el('td', { className: 'decrypted' }, yesNo(r.decrypted, T.yes, T.no)),
  el('td', { className: 'order' }, r.orderId ?? T.none),
  el('td', { className: 'dup', title: r.duplicateOf }, r.duplicateOf ? T.duplicate : T.none),
  el('td', { className: 'grade' }, r.grade ?? T.none))

  function render () {
    // By instant: stored times carry their zone's offset (older ones end in Z).
    const sorted = [...rows.values()].sort((a, b) => (Date.parse(b.receivedAt) - Date.parse(a.receivedAt)) || (a.id < b.id ? 1 : -1))
    const shown = sorted.filter(visible)
    clear(tbody).append(...shown.map(rowNode))
    document.getElementById('empty').textContent = rows.size === 0 ? T.empty : ''
  }
  return {
    add (list) {
      for (const r of list) rows.set(r.id, r)
      render()
    },
    /** A correction arrived live: the row says its answer never reached the sender (as a reload would). */
    markNotDelivered (id) {
      const r = rows.get(id)
      if (!r || r.notDelivered) return false
      rows.set(id, { ...r, notDelivered: true })
      render()
      return true
    },
    select (id) {
      selected = id
      for (const tr of tbody.querySelectorAll('tr')) tr.classList.toggle('selected', tr.dataset.id === id)
    },
    render,
  }
}
