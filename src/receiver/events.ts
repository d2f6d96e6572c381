import { EventEmitter } from 'node:events'
import type { CaptureRecord, CorrectionLine } from '../capture/record.js'
import type { ProfileHint } from '../profiles/discover/background.js'

/** What the receiver announces: each delivery once it is durably recorded (the verdict and the session tally listen). */
export interface DeliveryEventMap {
  delivery: [record: CaptureRecord]
  /** A recorded delivery's answer never reached the sender: its correction line is durable (the inspector marks the row). */
  correction: [line: CorrectionLine]
  /** A failed delivery verifies and decrypts under another profile (src/profiles/discover/background.ts). */
  'profile-hint': [hint: ProfileHint]
  /** A background search (a worker thread) started or finished for a failed delivery. */
  'profile-search': [state: { captureId: string; phase: 'started' | 'finished' }]
}
export type DeliveryEvents = EventEmitter<DeliveryEventMap>

export function createDeliveryEvents (): DeliveryEvents {
  return new EventEmitter<DeliveryEventMap>()
}
