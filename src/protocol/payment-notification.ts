/** What makes one payment notification unique (docs/PROTOCOL.md §4.4); the rest of its fields are demo data. */
export interface NotificationIdentity { appid: string; orderId: string; status: number; transId: string; nowMs: number }

export type PaymentNotification = Record<string, unknown> & { appid: string; order_id: string; status: number; trans_id: string; pay_finish_time: number }

/**
 * The one payment-notification builder: the emulator's (from its fixture) and check's (from its
 * demo fields) both put the per-delivery fields on top of their base the same way.
 */
export function paymentNotification (base: Record<string, unknown>, id: NotificationIdentity): PaymentNotification {
  return {
    ...structuredClone(base),
    appid: id.appid,
    order_id: id.orderId,
    status: id.status,
    trans_id: id.transId,
    pay_finish_time: Math.floor(id.nowMs / 1000),
  }
}
