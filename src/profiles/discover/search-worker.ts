import { parentPort } from 'node:worker_threads'
import type { Secrets } from '../../protocol/profile.js'
import type { DeliveryBytes } from './fields.js'
import { discover } from './index.js'

/**
 * The background search's thread (src/profiles/discover/search-thread.ts): a search takes tens of
 * milliseconds of CPU, so it runs here, never on the event loop that answers WeChat.
 */
export interface SearchRequest {
  id: number; delivery: DeliveryBytes; secrets: Secrets; limit: number
  /** Tests hold a search after 'started' until slot 0 becomes non-zero (Atomics), to act while it runs. */
  gate?: Int32Array | undefined
}

/** The best match, reduced to what a hint needs (plain data: it crosses the thread boundary). */
export interface BestMatch { profile: string; name: string; decrypts: boolean; signatureVerifies: boolean; settings: string[] }

export type SearchReply =
  | { id: number; kind: 'started' }
  | { id: number; kind: 'done'; best: BestMatch | undefined; candidates: number }
  | { id: number; kind: 'failed'; error: string }

function run (r: SearchRequest): SearchReply {
  // Buffers arrive as Uint8Array after the structured clone.
  const body = Buffer.from(r.delivery.body.buffer, r.delivery.body.byteOffset, r.delivery.body.byteLength)
  const d = discover({ ...r.delivery, body }, { secrets: r.secrets, limit: r.limit })
  const m = d.matches[0]
  const best = m && { profile: m.profile, name: m.name, decrypts: m.decrypts, signatureVerifies: m.signatureVerifies, settings: m.settings }
  return { id: r.id, kind: 'done', best, candidates: d.searched.candidates }
}

const port = parentPort
port?.on('message', (r: SearchRequest) => {
  port.postMessage({ id: r.id, kind: 'started' } satisfies SearchReply)
  if (r.gate) Atomics.wait(r.gate, 0, 0)
  try {
    port.postMessage(run(r))
  } catch (err) {
    port.postMessage({ id: r.id, kind: 'failed', error: err instanceof Error ? err.message : String(err) } satisfies SearchReply)
  }
})
