import { request } from 'undici'
import type { Config } from '../../../src/config.js'
import { buildDelivery } from '../../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../../src/protocol/profile.js'

/** Markup that would run if any of it were parsed as HTML: an inline script and an event handler. */
export const SCRIPT = '<script>window.__pwned = "script"</script>'
export const IMG = '<img src=x onerror="window.__pwned=\'img\'">'

/**
 * A correctly signed and encrypted delivery (answered 0) whose plaintext, body, query and a header
 * all carry markup: every one of them is sender-controlled and shown by the page.
 */
export async function sendHostileDelivery (config: Config, receiverUrl: string): Promise<{ orderId: string }> {
  const orderId = `${SCRIPT}${IMG}`
  const payload = { appid: config.secrets.appid, order_id: orderId, status: 3, fee: 1, note: IMG }
  const d = buildDelivery({ payload, secrets: config.secrets, profile: createWxBizMsgCryptProfile(), nowMs: Date.now() })
  const envelope = JSON.parse(d.body.toString()) as Record<string, string>
  const body = JSON.stringify({ ...envelope, remark: `${SCRIPT}${IMG}` })
  const query = new URLSearchParams({ ...d.query, x: `${SCRIPT}${IMG}` }).toString()
  const res = await request(`${receiverUrl}${config.notifyPath}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hostile': `${SCRIPT}${IMG}` },
    body,
  })
  const answer = await res.body.json() as { errcode: number }
  if (answer.errcode !== 0) throw new Error(`hostile delivery answered ${answer.errcode}; it must be accepted to reach the plaintext view`)
  return { orderId }
}
