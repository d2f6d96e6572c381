import { EventEmitter } from 'node:events'
import type { CaptureRecord } from '../capture/record.js'

/** What the receiver announces: each delivery once it is durably recorded (the verdict and the session tally listen). */
export interface DeliveryEventMap { delivery: [record: CaptureRecord] }
export type DeliveryEvents = EventEmitter<DeliveryEventMap>

export function createDeliveryEvents (): DeliveryEvents {
  return new EventEmitter<DeliveryEventMap>()
}
