/** The query of a request line exactly as sent (it carries the signature, so it is never re-encoded). */
export function rawQueryOf (url: string): string {
  const q = url.indexOf('?')
  return q < 0 ? '' : url.slice(q + 1)
}

/** Appends a raw query to a target URL, after any query the target already has; drops a fragment. */
export function withQuery (target: string, rawQuery: string): string {
  if (rawQuery === '') return target
  const hash = target.indexOf('#')
  const base = hash >= 0 ? target.slice(0, hash) : target
  return base + (base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?') + rawQuery
}
