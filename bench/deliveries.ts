import type { AutocannonRequest } from 'autocannon'
import { buildDelivery } from '../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../src/protocol/profile.js'

export const NOTIFY_PATH = '/nontax/notify'

/** `n` distinct, validly signed and encrypted payment notifications, as autocannon request objects. */
export function makeDeliveries (secrets: Secrets, n: number, nowMs = Date.now()): AutocannonRequest[] {
  const profile = createWxBizMsgCryptProfile()
  return Array.from({ length: n }, (_, i) => {
    const payload = {
      appid: secrets.appid, order_id: `BENCH-${String(i).padStart(6, '0')}`, status: 3, fee: 1000 + i, fee_type: 'CNY',
      trans_id: `42000${i}`, pay_finish_time: Math.floor(nowMs / 1000), payment_notice_no: `PN${i}`, department_code: '110000',
      department_name: '某某财政局', region_code: '110000', bank_id: 'ICBC', items: [{ no: 1, item_id: 'X1', item_name: '罚没收入', fee: 1000 + i }],
    }
    const d = buildDelivery({ payload, secrets, profile, nowMs })
    return {
      method: 'POST',
      path: `${NOTIFY_PATH}?${new URLSearchParams(d.query).toString()}`,
      headers: { 'content-type': d.contentType },
      body: d.body.toString('utf8'),
    }
  })
}
