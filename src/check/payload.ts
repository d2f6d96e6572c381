import { paymentNotification as buildNotification } from '../protocol/payment-notification.js'
import { applyOverrides, type Overrides } from '../payload/overrides.js'

/**
 * Payment notifications check sends (docs/PROTOCOL.md §4, "Decrypted payment notification"). Plain ASCII
 * except where a class is about non-ASCII text, so each class tests one thing.
 */
export interface OrderRef { orderId: string; status: number }

export function paymentNotification (appid: string, order: OrderRef, nowMs: number, extra: Record<string, unknown> = {}, overrides: Overrides = {}): Record<string, unknown> {
  return applyOverrides(buildNotification({
    ...extra,
    fee: 100,
    fee_type: 'CNY',
    payment_notice_no: '110000000000000001',
    order_no: `NO-${order.orderId}`,
    department_code: '110101',
    department_name: 'Demo Finance Bureau',
    region_code: '110000',
    bank_id: 'DEMO',
    items: [{ no: 1, item_id: 'ITEM1', item_name: 'traffic fine', overdue: 0, penalty: 0, fee: 100 }],
  }, { appid, orderId: order.orderId, status: order.status, transId: `4200${order.orderId.replace(/\D/g, '').padEnd(12, '0').slice(0, 12)}`, nowMs }), { ...overrides, order_id: order.orderId, status: order.status })
}

/** The same notification in Chinese, as real finance bureaus send it: multi-byte UTF-8 in the plaintext. */
export function chinesePaymentNotification (appid: string, order: OrderRef, nowMs: number, overrides: Overrides = {}): Record<string, unknown> {
  const base = paymentNotification(appid, order, nowMs, {}, overrides)
  return {
    ...base,
    department_name: '北京市东城区财政局',
    user_name: '张三',
    items: [{ no: 1, item_id: 'ITEM1', item_name: '交通违法罚没收入（超速）', overdue: 0, penalty: 0, fee: base.fee }],
  }
}
