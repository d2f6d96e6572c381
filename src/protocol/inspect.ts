import { finding, render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import type { Envelope, EnvelopeInput } from './envelope.js'
import { ERRCODE, ERRMSG, NotificationError, type Errcode, type Reason } from './errors.js'
import { jsonDepth, PAYLOAD_MAX_DEPTH } from './json-depth.js'
import type { CryptoProfile, Secrets } from './profile.js'
import { checkSignature, refineCause, type SignatureCheck } from './signature-check.js'

/** WeChat documents no freshness window; past this a timestamp is only a warning (docs/PROTOCOL.md §4). */
export const TIMESTAMP_WARN_S = 300

export type DeliveryKind = 'payment_notification' | 'query_fee' | 'unknown'

export type Decryption =
  | { ok: true; appid: string; cipherBytes: number; padByte: number; declaredLength: number; plaintext: string }
  | { ok: false; reason: Reason; message: string; details: Record<string, unknown>; finding?: Finding }

export interface Inspection {
  errcode: Errcode
  /** The failure that decided the errcode, with its explanation. */
  reason?: Reason
  message?: string
  /** The same explanation as a code (set where the message is the receiver's own): shown in the reader's language. */
  messageFinding?: Finding
  envelope?: Omit<Envelope, 'warnings'>
  signature?: SignatureCheck
  decryption?: Decryption
  payload?: Record<string, unknown>
  kind: DeliveryKind
  /** Coded; rendered with renderWarning (captures from before codes hold strings). */
  warnings: Finding[]
}

export interface InspectContext { secrets: Secrets; profile: CryptoProfile; nowMs: number }

/**
 * envelope → signature → decrypt → payload. Decryption runs even after a bad signature, so the
 * log can show what a rejected delivery carried; the errcode follows the first failing step.
 */
export function inspectDelivery (input: EnvelopeInput, ctx: InspectContext): Inspection {
  const warnings: Finding[] = []
  let env: Envelope
  try {
    env = ctx.profile.readEnvelope(input)
  } catch (err) {
    return failed(asNotificationError(err), { kind: 'unknown', warnings })
  }
  const { warnings: envWarnings, ...envelope } = env
  warnings.push(...envWarnings)
  timestampWarning(env.timestamp, ctx.nowMs, warnings)
  const signature = checkSignature(env, ctx.secrets.token, ctx.profile)
  warnings.push(...signature.warnings)
  const decryption = decrypt(env.encrypt, ctx)
  refineCause(signature, decryption.ok)
  if (env.appid !== undefined && env.appid !== ctx.secrets.appid) {
    warnings.push(finding('WARN_APPID_DIFFERS', { envelope: env.appid, configured: ctx.secrets.appid }))
  }
  const result: Inspection = { errcode: ERRCODE.OK, envelope, signature, decryption, kind: 'unknown', warnings }
  let payloadError: NotificationError | undefined
  if (decryption.ok) {
    try {
      result.payload = parsePayload(decryption.plaintext)
      result.kind = kindOf(result.payload)
    } catch (err) {
      payloadError = asNotificationError(err)
    }
  }
  if (!signature.ok) return failed(new NotificationError(signature.reason ?? 'SIGNATURE_MISMATCH', signature.cause ? render(signature.cause) : 'signature check failed', {}, signature.cause), result)
  if (!decryption.ok) return failed(new NotificationError(decryption.reason, decryption.message, decryption.details, decryption.finding), result)
  if (payloadError) return failed(payloadError, result)
  return result
}

/**
 * The errmsg a sender gets: the errcode's short fixed reason only. The diagnosis (whether the
 * ciphertext decrypts under our key, what failed to parse) is an oracle for whoever sends bytes
 * through the tunnel, so it goes to the log and the capture (inspection.message), never the answer.
 */
export function errmsgFor (i: Pick<Inspection, 'errcode'>): string {
  return ERRMSG[i.errcode]
}

function failed (err: NotificationError, partial: Omit<Inspection, 'errcode'>): Inspection {
  return { ...partial, errcode: err.errcode, reason: err.reason, message: err.message, ...(err.finding ? { messageFinding: err.finding } : {}) }
}

function decrypt (encrypt: string, ctx: InspectContext): Decryption {
  try {
    const d = ctx.profile.decrypt(encrypt, ctx.secrets)
    return { ok: true, appid: d.appid, cipherBytes: d.cipherBytes, padByte: d.padByte, declaredLength: d.declaredLength, plaintext: d.msg }
  } catch (err) {
    const e = asNotificationError(err)
    return { ok: false, reason: e.reason, message: e.message, details: e.details, ...(e.finding ? { finding: e.finding } : {}) }
  }
}

function parsePayload (plaintext: string): Record<string, unknown> {
  const depth = jsonDepth(plaintext)
  if (depth > PAYLOAD_MAX_DEPTH) {
    throw NotificationError.coded('PAYLOAD_NOT_JSON_OBJECT', finding('PAYLOAD_TOO_DEEP', { depth, max: PAYLOAD_MAX_DEPTH }), { depth })
  }
  let v: unknown
  try {
    v = JSON.parse(plaintext)
  } catch (err) {
    throw NotificationError.coded('PAYLOAD_NOT_JSON_OBJECT', finding('PAYLOAD_NOT_JSON', { detail: (err as Error).message, start: plaintext.slice(0, 200) }), { plaintext })
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw NotificationError.coded('PAYLOAD_NOT_JSON_OBJECT', finding('PAYLOAD_NOT_OBJECT', { start: plaintext.slice(0, 200) }), { plaintext })
  }
  return v as Record<string, unknown>
}

function kindOf (p: Record<string, unknown>): DeliveryKind {
  if ('order_id' in p) return 'payment_notification'
  if ('payment_notice_no' in p || 'service_id' in p) return 'query_fee'
  return 'unknown'
}

function timestampWarning (ts: string | undefined, nowMs: number, warnings: Finding[]): void {
  if (ts === undefined || ts === '') return
  if (!/^\d+$/.test(ts)) {
    warnings.push(finding('WARN_TIMESTAMP_NOT_UNIX', { timestamp: ts }))
    return
  }
  const skew = Math.round(nowMs / 1000) - Number(ts)
  if (Math.abs(skew) > TIMESTAMP_WARN_S) {
    warnings.push(finding(skew > 0 ? 'WARN_TIMESTAMP_PAST' : 'WARN_TIMESTAMP_FUTURE', { seconds: Math.abs(skew), limit: TIMESTAMP_WARN_S }))
  }
}

/** Anything thrown that is not ours is a bug in the receiver: 299, so WeChat retries. */
function asNotificationError (err: unknown): NotificationError {
  if (err instanceof NotificationError) return err
  return NotificationError.coded('INTERNAL', finding('REJECT_INTERNAL', { detail: (err as Error)?.message ?? String(err) }))
}
