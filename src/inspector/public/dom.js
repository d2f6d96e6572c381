// Every value from a delivery reaches the page through textContent: never innerHTML, never an attribute
// that is parsed as markup or URL. A "<script>" in a header, query, body or plaintext stays text.
import { PAGE_LANG } from './text.js'

/** el('td', { className: 'x', dataset: { id } }, 'text', childNode, ...) */
export function el (tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue
    if (k === 'dataset') Object.assign(node.dataset, v)
    else if (k === 'className' || k === 'id' || k === 'type' || k === 'value' || k === 'placeholder' ||
      k === 'autocomplete' || k === 'name' || k === 'title' || k === 'disabled' || k === 'href' || k === 'download' || k === 'open') node[k] = v
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v)
    else node.setAttribute(k, String(v))
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue
    node.append(c instanceof Node ? c : document.createTextNode(String(c)))
  }
  return node
}

/** append() that skips absent parts (null, undefined, false) instead of printing "null". */
export function put (node, ...children) {
  node.append(...children.flat().filter(c => c !== undefined && c !== null && c !== false))
  return node
}

export function clear (node) {
  while (node.firstChild) node.firstChild.remove()
  return node
}

export const pretty = v => (typeof v === 'string' ? v : JSON.stringify(v, null, 2))

/** A JSON call to the inspector's own API; state-changing ones carry the header a cross-site form cannot. */
export async function api (path, body) {
  // x-inspector-lang: the server words its results and refusals in the language the page shows.
  const init = body === undefined
    ? { headers: { accept: 'application/json', 'x-inspector-lang': PAGE_LANG } }
    : { method: 'POST', headers: { 'content-type': 'application/json', 'x-inspector': '1', 'x-inspector-lang': PAGE_LANG }, body: JSON.stringify(body) }
  const res = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(json.message ?? `HTTP ${res.status}`)
  return json
}
