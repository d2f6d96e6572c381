import type { Dispatcher } from 'undici'
import type { Grade } from '../grade/types.js'
import type { Inspection } from '../protocol/inspect.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export interface ForwardRequest {
  method: string
  /** Path and query exactly as received; only the query is passed on, appended to the target. */
  url: string
  headers: Record<string, string | string[] | undefined>
  /** The exact bytes received. */
  body: Buffer
  /** Our own inspection of this delivery: what docs/PROTOCOL.md §4 expects the handler to answer. */
  expected: Inspection
}

export interface ForwardResult {
  /** true when the handler gave an HTTP answer (of any status). */
  ok: boolean
  status?: number
  headers?: Record<string, string>
  body?: Buffer
  durationMs: number
  /** When !ok: "ECONNREFUSED: nothing listens at …" or "timeout after 5000 ms: …". */
  error?: string
  /** Whether the handler's answer is what docs/PROTOCOL.md §4 expects for this delivery (same grader as `check`). */
  grade: Grade
}

export type Forwarder = (req: ForwardRequest) => Promise<ForwardResult>

export interface ForwarderOptions {
  /** The user's handler, e.g. http://127.0.0.1:8080/notify. */
  target: string
  timeoutMs?: number
  dispatcher?: Dispatcher
  /** The secrets the handler shares with WeChat, to read its encrypted, signed answers. */
  secrets: Secrets
  profile: CryptoProfile
}

