/** The error `withinMs` rejects with: coded ETIMEDOUT, as a socket timeout would be. */
export class BoundExceeded extends Error {
  override readonly name = 'BoundExceeded'
  readonly code = 'ETIMEDOUT'
  constructor (ms: number) { super(`no answer within ${ms} ms`) }
}

/**
 * A request within one bound, connecting included: undici's own connect timeout is 10 s and an
 * abort signal does not end a request that is still connecting, so a timeout passed to undici
 * alone can be exceeded up to that long against a host that drops the connection attempt.
 */
export async function withinMs<T> (ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new BoundExceeded(ms)), ms) })
  p.catch(() => {}) // the request may still fail after the bound: nobody is waiting for it then
  try {
    return await Promise.race([p, late])
  } finally {
    clearTimeout(timer)
  }
}
