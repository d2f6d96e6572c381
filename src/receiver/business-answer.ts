import type { Inspection } from '../protocol/inspect.js'

/**
 * The JSON encrypted into a success answer's `data` (docs/PROTOCOL.md §4). The debugger has no
 * ledger: it echoes the notification's order, and for a query-fee request answers a demo bill.
 */
export function businessAnswer (i: Inspection): Record<string, unknown> {
  const p = i.payload ?? {}
  if (i.kind === 'payment_notification') return { order_id: p.order_id, status: p.status }
  if (i.kind === 'query_fee') {
    return {
      payment_notice_no: p.payment_notice_no,
      department_code: p.department_code,
      department_name: '调试器演示单位',
      fee: 100,
      user_name: 'demo',
      payment_expire_date: '20991231',
      items: [{ no: 1, item_id: 'demo', item_name: '演示项目', overdue: 0, penalty: 0, fee: 100 }],
    }
  }
  return {}
}
