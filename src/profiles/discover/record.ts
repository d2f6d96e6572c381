import { bodyBytes } from '../../capture/body.js'
import type { CaptureRecord } from '../../capture/record.js'
import type { DeliveryBytes } from './fields.js'

/** A recorded delivery as discovery reads it: the exact bytes and strings that were received. */
export function deliveryBytesOfRecord (r: CaptureRecord): DeliveryBytes {
  return { query: r.query, headers: r.headers, contentType: r.contentType, body: bodyBytes(r.body), receivedAtMs: Date.parse(r.receivedAt) }
}
