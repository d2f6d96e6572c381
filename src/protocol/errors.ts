import { en } from '../messages/en/index.js'
import { render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'

/** Receiver errcodes (docs/PROTOCOL.md §2). The errcode is what WeChat records; HTTP status stays 200. */
export const ERRCODE = {
  OK: 0,
  FORMAT: 210,
  DECRYPT: 298,
  SYSTEM: 299,
  SIGNATURE: 300,
} as const
export type Errcode = (typeof ERRCODE)[keyof typeof ERRCODE]

/** The errmsg on the wire: English from the catalogue (src/messages/en/common.ts), whatever the console language. */
export const ERRMSG: Readonly<Record<Errcode, string>> = {
  0: en.ERRCODE_0,
  210: en.ERRCODE_210,
  298: en.ERRCODE_298,
  299: en.ERRCODE_299,
  300: en.ERRCODE_300,
}

/** Stable reasons. Each maps to exactly one errcode, in one place. */
export const REASON_ERRCODE = {
  BODY_EMPTY: 210,
  CONTENT_TYPE_UNSUPPORTED: 210,
  ENVELOPE_UNPARSEABLE: 210,
  ENVELOPE_NO_CIPHERTEXT: 210,
  PAYLOAD_NOT_UTF8: 210,
  PAYLOAD_NOT_JSON_OBJECT: 210,
  SIGNATURE_MISSING: 300,
  SIGNATURE_MISMATCH: 300,
  TIMESTAMP_MISSING: 300,
  NONCE_MISSING: 300,
  CIPHERTEXT_NOT_BASE64: 298,
  CIPHERTEXT_LENGTH: 298,
  PADDING_INVALID: 298,
  DECLARED_LENGTH_INVALID: 298,
  APPID_MISMATCH: 298,
  AUTH_TAG_INVALID: 298,
  RECORD_FAILED: 299,
  INTERNAL: 299,
} as const satisfies Record<string, Errcode>
export type Reason = keyof typeof REASON_ERRCODE

export class NotificationError extends Error {
  override readonly name = 'NotificationError'
  readonly errcode: Errcode
  readonly reason: Reason
  readonly details: Record<string, unknown>
  /** The message as a catalogue code, where there is one: the log and views render it in the reader's language. */
  readonly finding: Finding | undefined
  constructor (reason: Reason, message: string, details: Record<string, unknown> = {}, finding?: Finding) {
    super(message)
    this.reason = reason
    this.details = details
    this.errcode = REASON_ERRCODE[reason]
    this.finding = finding
  }

  /** An error whose message is the English rendering of a finding (kept as inspection.message). */
  static coded (reason: Reason, f: Finding, details: Record<string, unknown> = {}): NotificationError {
    return new NotificationError(reason, render(f), details, f)
  }
}
