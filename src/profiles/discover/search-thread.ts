import { Worker } from 'node:worker_threads'
import type { Secrets } from '../../protocol/profile.js'
import type { DeliveryBytes } from './fields.js'
import type { BestMatch, SearchReply, SearchRequest } from './search-worker.js'

export type { BestMatch } from './search-worker.js'

export interface SearchThread {
  /** One search; the caller runs one at a time. `onStart` fires when the worker begins it. */
  search (delivery: DeliveryBytes, secrets: Secrets, limit: number, onStart?: () => void): Promise<BestMatch | undefined>
  /** Ends the thread; a search in progress resolves to undefined. */
  close (): Promise<void>
}

/**
 * The worker runs the TypeScript module the way this process does, through tsx. On Node 20 a worker
 * ignores loader hooks passed in execArgv (`--import tsx`, as `npm run serve` runs), so a small
 * bootstrap registers tsx in the worker's own thread, then imports the worker module. The same
 * bootstrap works under the tsx CLI (`npm start`) and under vitest, which has its own transform.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads')
import(workerData.tsx).then(api => { api.register(); return import(workerData.entry) })
  .catch(err => { process.nextTick(() => { throw err }) })
`

function spawnWorker (): Worker {
  const entry = new URL(`./search-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { execArgv: [] })
  const tsx = import.meta.resolve('tsx/esm/api')
  return new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: { tsx, entry: entry.href } })
}

/**
 * A worker thread for background discovery, started on the first search, unref'd so it never holds the
 * process open. `gate` (tests only): a shared slot each search waits on after 'started'.
 */
export function createSearchThread (o: { gate?: Int32Array } = {}): SearchThread {
  let worker: Worker | undefined
  let nextId = 0
  let closed = false
  const pending = new Map<number, { resolve: (m: BestMatch | undefined) => void; reject: (e: Error) => void; onStart?: (() => void) | undefined }>()

  const failAll = (err: Error | undefined) => {
    for (const p of pending.values()) err ? p.reject(err) : p.resolve(undefined)
    pending.clear()
    worker = undefined
  }
  const start = (): Worker => {
    const w = spawnWorker()
    w.unref()
    w.on('message', (r: SearchReply) => {
      const p = pending.get(r.id)
      if (!p) return
      if (r.kind === 'started') { p.onStart?.(); return }
      pending.delete(r.id)
      if (r.kind === 'done') p.resolve(r.best)
      else p.reject(new Error(r.error))
    })
    w.on('error', err => failAll(err))
    w.on('exit', code => failAll(closed ? undefined : new Error(`the discovery worker exited with code ${code}`)))
    return w
  }
  return {
    search (delivery, secrets, limit, onStart) {
      if (closed) return Promise.resolve(undefined)
      worker ??= start()
      const id = ++nextId
      const result = new Promise<BestMatch | undefined>((resolve, reject) => pending.set(id, { resolve, reject, onStart }))
      worker.postMessage({ id, delivery, secrets, limit, gate: o.gate } satisfies SearchRequest)
      return result
    },
    async close () {
      closed = true
      const w = worker
      if (w) await w.terminate()
      failAll(undefined)
    },
  }
}
