import type { ForwardResult } from '../forward/types.js'
import type { MockTest } from '../grade/mock-tests.js'
import type { Answer } from '../protocol/answer.js'
import type { Inspection } from '../protocol/inspect.js'
import type { KeyFingerprints } from '../preflight/keys.js'
import type { Listener } from '../net/replay-target.js'

/** Which of WeChat's two version-1 tests a delivery looks like (docs/PROTOCOL.md §4; vocabulary in src/grade/mock-tests.ts). */
export type TestKind = MockTest

export interface RecordedBody {
  /** utf8 when the bytes are valid UTF-8, else base64; `text` decodes back to the exact bytes. */
  encoding: 'utf8' | 'base64'
  text: string
  bytes: number
  sha256: string
}

/** One delivery as received and answered. Holds no secrets: the token's place in the signed string is masked, keys are fingerprints. */
export interface CaptureRecord {
  id: string
  receivedAt: string
  remoteAddress: string
  method: string
  /** Path and query exactly as on the request line. */
  url: string
  path: string
  query: Record<string, string | string[]>
  /** Lower-case names; authorization, cookie and admin-token headers replaced by "[redacted]". */
  headers: Record<string, string | string[]>
  contentType: string | undefined
  body: RecordedBody
  wxnontaxstr: string | undefined
  inspection: Inspection
  test: TestKind
  /** Id of an earlier capture with the same order_id + status (WeChat retries; answered 0 again, not applied twice). */
  duplicateOf: string | undefined
  answer: { status: number; body: Answer }
  durationMs: number
  /** Fingerprints (sha256 prefix) of the Token and EncodingAESKey in use when received; never the values. */
  keys?: KeyFingerprints
  /** The listener that received it (absent in records from before): where exports and replays go by default. */
  listener?: Listener
  /** Forward mode: what the user's handler answered. */
  forwarded?: ForwardedSummary
}

/** The user's handler's side of a forwarded delivery, as recorded and logged (secrets masked). */
export interface ForwardedSummary {
  ok: boolean
  status?: number
  durationMs: number
  error?: string
  body?: string
  grade: ForwardResult['grade']
}

export interface ListFilter {
  sinceMs?: number
  errcode?: number
  orderId?: string
  limit?: number
}

export interface CaptureStore {
  /**
   * Resolves once the record is durable; rejects when it cannot be (the receiver then answers 299).
   * `line` is serializeRecord(record) when the caller already has it, so it is not serialized twice.
   */
  append (record: CaptureRecord, line?: string): Promise<void>
  /** Newest first. */
  list (filter?: ListFilter): Promise<CaptureRecord[]>
  get (id: string): Promise<CaptureRecord | undefined>
  /** Id of a recorded delivery with this order_id + status, if any. */
  findOrder (orderId: string, status: string): string | undefined
  close (): Promise<void>
}
