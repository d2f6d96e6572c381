import { api, clear, el, put } from './dom.js'
import { createList } from './list.js'
import { showDetail } from './detail.js'
import { T } from './text.js'

for (const node of document.querySelectorAll('[data-text]')) node.textContent = T[node.dataset.text] ?? ''
document.getElementById('title').textContent = T.title
document.getElementById('detail-hint').textContent = T.pick

const list = createList({ onPick: id => { location.hash = `#/${encodeURIComponent(id)}` } })
let verdict = null

function showVerdict (v, note) {
  verdict = v
  const box = clear(document.getElementById('verdict'))
  if (!v) { box.append(el('span', { className: 'muted' }, note ?? T.verdictNone)); return }
  put(box,
    el('strong', { className: v.pass ? 'pass' : 'fail', id: 'verdict-word' }, v.pass ? T.verdictPass : T.verdictFail),
    el('span', {}, ' ', T.verdictOf(v)),
    ...v.rows.map(r => el('span', { className: `chip ${r.ok ? 'pass' : 'fail'}` }, T.verdictRow(r))),
    v.reasons.length ? el('ul', { className: 'reasons' }, v.reasons.map(x => el('li', {}, x))) : null,
  )
}

async function route () {
  const id = decodeURIComponent(location.hash.replace(/^#\//, ''))
  list.select(id)
  const pane = document.getElementById('detail-pane')
  if (!id) return
  try {
    showDetail(pane, await api(`/api/captures/${encodeURIComponent(id)}`), () => verdict)
  } catch (err) {
    clear(pane).append(el('p', { className: 'error' }, err.message))
  }
}

// Subscribe first, then load history: a delivery arriving in between is in one or the other (rows are keyed by id).
const live = document.getElementById('live')
const events = new EventSource('/api/events')
events.addEventListener('open', () => {
  live.textContent = T.live
  live.className = 'badge on'
  // After a reconnect, whatever arrived while the stream was down comes from the store.
  api('/api/captures').then(rows => list.add(rows), () => {})
})
events.addEventListener('error', () => { live.textContent = T.offline; live.className = 'badge off' })
events.addEventListener('delivery', e => list.add([JSON.parse(e.data)]))
events.addEventListener('correction', e => {
  const { id } = JSON.parse(e.data)
  // The open detail is read again, so its answer section shows the correction too.
  if (list.markNotDelivered(id) && location.hash === `#/${encodeURIComponent(id)}`) void route()
})
events.addEventListener('verdict', e => showVerdict(JSON.parse(e.data)))
window.addEventListener('hashchange', route)

const [history, v] = await Promise.all([api('/api/captures'), api('/api/verdict')])
list.add(history)
showVerdict(v.verdict, v.note)
document.body.dataset.ready = '1'
await route()
