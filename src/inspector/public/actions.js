import { api, el } from './dom.js'
import { T } from './text.js'

/** Runs an action and shows its outcome (or its error) as text in `out`. */
async function run (out, call, describe, judged = true) {
  out.className = 'result working'
  out.textContent = T.working
  try {
    const r = await call()
    // A tamper is a success when the receiver rejects it as it should.
    const expected = r.tampered ? r.tampered.expectErrcode : 0
    out.className = `result ${!judged ? 'done' : r.errcode === expected ? 'pass' : 'fail'}`
    out.dataset.errcode = String(r.errcode ?? '')
    out.textContent = describe(r)
    return r
  } catch (err) {
    out.className = 'result error'
    out.dataset.errcode = ''
    out.textContent = err.message
  }
}

function currentPayload (d) {
  try { return JSON.parse(d.decryption?.plaintext ?? '') } catch { return {} }
}

export function renderActions (row, d) {
  const base = `/api/captures/${encodeURIComponent(row.id)}`
  const to = el('input', { id: 'target', placeholder: T.targetHint, size: 34, autocomplete: 'off' })
  const target = () => (to.value.trim() ? { to: to.value.trim() } : {})
  const replayOut = el('pre', { className: 'result', id: 'replay-result' })
  const replayButtons = [
    el('button', { type: 'button', id: 'replay', onclick: () => run(replayOut, () => api(`${base}/replay`, target()), T.resultReplay) }, T.replay),
    el('span', {}, ' ', T.tamper, ' '),
    ...T.tampers.map(t => el('button', { type: 'button', className: 'tamper', dataset: { tamper: t }, onclick: () => run(replayOut, () => api(`${base}/replay`, { ...target(), tamper: t }), T.resultTamper) }, t)),
  ]

  const payload = currentPayload(d)
  const editInputs = Object.fromEntries(T.editFields.map(f => [f, el('input', { id: `edit-${f}`, name: f, value: payload[f] === undefined ? '' : String(payload[f]), autocomplete: 'off' })]))
  const editOut = el('pre', { className: 'result', id: 'edit-result' })
  const edit = el('form', { id: 'edit-form', onsubmit: e => {
    e.preventDefault()
    const set = Object.fromEntries(Object.entries(editInputs).map(([k, i]) => [k, i.value]))
    run(editOut, () => api(`${base}/edit`, { ...target(), set }), T.resultEdit)
  } }, ...T.editFields.map(f => el('label', {}, f, ' ', editInputs[f])), el('button', { id: 'edit-send' }, T.send))

  // Typed secrets live only in these inputs and the one request; the fields are emptied once it is sent.
  const secretInputs = {
    token: el('input', { id: 'verify-token', type: 'password', autocomplete: 'off' }),
    aesKey: el('input', { id: 'verify-aeskey', type: 'password', autocomplete: 'off', size: 45 }),
    appid: el('input', { id: 'verify-appid', autocomplete: 'off' }),
  }
  const verifyOut = el('pre', { className: 'result', id: 'verify-result' })
  const verify = el('form', { id: 'verify-form', autocomplete: 'off', onsubmit: e => {
    e.preventDefault()
    const body = Object.fromEntries(Object.entries(secretInputs).map(([k, i]) => [k, i.value]))
    for (const i of Object.values(secretInputs)) i.value = ''
    run(verifyOut, () => api(`${base}/verify`, body), r => [T.resultVerify(r), r.plaintext ?? '', ...(r.warnings ?? [])].filter(Boolean).join('\n'))
  } }, el('label', {}, T.token, ' ', secretInputs.token), el('label', {}, T.aesKey, ' ', secretInputs.aesKey),
  el('label', {}, T.appid, ' ', secretInputs.appid), el('button', { id: 'verify-go' }, T.verifyGo))

  const curlOut = el('pre', { className: 'result', id: 'curl-result' })
  const curl = el('button', { type: 'button', id: 'curl', onclick: async () => {
    const r = await run(curlOut, () => api(`${base}/curl`), x => x.curl, false)
    if (r) await navigator.clipboard?.writeText(r.curl).then(() => { curlOut.dataset.copied = '1'; curlOut.title = T.copied }, () => {})
  } }, T.curl)
  const har = el('a', { id: 'har', className: 'button', href: `${base}/har`, download: `capture-${row.id}.har` }, T.har)

  return el('section', { className: 'card actions' }, el('h2', {}, T.actions),
    el('p', {}, el('label', {}, T.target, ' ', to)),
    el('div', { className: 'row' }, replayButtons), replayOut,
    el('h3', {}, T.edit), edit, editOut,
    el('h3', {}, T.verify), verify, verifyOut,
    el('div', { className: 'row' }, curl, ' ', har), curlOut)
}
