import type { BodyTruncation, CaptureRecord, CaptureStore } from '../capture/record.js'
import type { Forwarder } from '../forward/types.js'
import type { Errcode, Reason } from '../protocol/errors.js'
import type { Finding } from '../messages/types.js'
import type { DeliveryLog } from '../log/logger.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import type { Listener } from '../net/replay-target.js'

export type HeaderValues = Record<string, string | string[] | undefined>

/** A request as the HTTP layer received it: plain data, no framework objects. */
export interface ReceivedRequest {
  method: string
  path: string
  /** The query exactly as on the request line, still percent-encoded; undefined when there was no "?". */
  query: string | undefined
  /** Lower-case names, as Node gives them. */
  headers: HeaderValues
  /** The exact bytes received (up to BODY_LIMIT_BYTES: see `truncated`). */
  body: Buffer
  /** Set when `body` is not the whole body: refused as too large, or the connection ended mid-body. */
  truncated?: BodyTruncation
  remoteAddress: string
  /** The listener that accepted it (its own scheme, address and port): exports replay here, never to the sender's Host. */
  listener?: Listener
  /** Whether forward mode may pass this request to the user's handler (only a complete POST may). */
  mayForward: boolean
  /** Set when the HTTP layer already rejected the request (body too large, aborted, bad length, internal error). */
  rejection?: Rejection
}

export interface Rejection {
  /** HTTP status of the answer: 4xx for a client fault, 200 with errcode 299 for our own. */
  status: number
  errcode: Errcode
  reason: Reason
  /** English, as stored in inspection.message; `finding` is the same text as a code, for the reader's language. */
  message: string
  finding?: Finding
}

/** What to write back on the socket. */
export interface WireAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

export interface HandledDelivery {
  answer: WireAnswer
  record: CaptureRecord
  /** false when the store refused the record (the answer is then 299, so WeChat delivers again). */
  recorded: boolean
}


/** Everything the handler needs, passed in: no global state, no framework. */
export interface DeliveryDeps {
  store: CaptureStore
  profile: CryptoProfile
  secrets: Secrets
  now: () => number
  /** Forward mode: the user's handler answers instead of us; we record, grade and relay. */
  forward?: Forwarder
  /** Called once per delivery after it is durably recorded. */
  onDelivery: (record: CaptureRecord) => void
  /** deliveryLog(logger) from src/log/logger.ts; tests pass a spy. */
  log: DeliveryLog
}
