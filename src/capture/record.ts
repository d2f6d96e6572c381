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
  /** Present when the body kept is not the whole body the sender meant (refused or cut short): see BodyTruncation. */
  truncated?: BodyTruncation
}

/**
 * Why `bytes` falls short of the sender's body. too-large: over BODY_LIMIT_BYTES; when the
 * Content-Length alone said so, nothing was read (receivedBytes 0), else the first limitBytes
 * were kept and reading stopped within the chunk that crossed the limit. ended: the connection
 * ended or failed mid-body, every byte that came is kept. length-mismatch: the body ended at a
 * length other than its Content-Length, every byte kept.
 */
export interface BodyTruncation {
  cause: 'too-large' | 'ended' | 'length-mismatch'
  /** Content-Length as sent; absent for a chunked body. */
  declaredBytes?: number
  /** Body bytes read from the connection before the receiver stopped. */
  receivedBytes: number
  /** BODY_LIMIT_BYTES at the time (too-large only). */
  limitBytes?: number
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
  /** What happened to the answer after the record was written (from correction lines; absent when nothing did). */
  corrections?: RecordCorrection[]
}

/** A later fact about a recorded delivery: its answer was not delivered (the connection closed first). */
export interface RecordCorrection {
  what: 'answer-not-delivered'
  /** When it was noticed (local time with offset, like receivedAt). */
  at: string
}

/**
 * A correction as its own NDJSON line, appended to the record's day file after the record:
 * `{"correctionOf":ID,"receivedAt":…,"what":"answer-not-delivered","at":…}`. Readers attach it to
 * the record as `corrections`; the record's own line is never rewritten.
 */
export interface CorrectionLine extends RecordCorrection {
  correctionOf: string
  /** The record's receivedAt: names the day file the line goes to. */
  receivedAt: string
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
  /** Appends a correction to a recorded delivery (the answer it records did not reach the sender). */
  correct (c: CorrectionLine): Promise<void>
  /** Id of a recorded delivery with this order_id + status, if any. */
  findOrder (orderId: string, status: string): string | undefined
  close (): Promise<void>
}
