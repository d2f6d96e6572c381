import { pino } from 'pino'
import { request } from 'undici'
import { buildApp } from '../../src/app.js'
import type { Config } from '../../src/config.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'

export const profile = createWxBizMsgCryptProfile()

export function paymentDelivery (secrets: Secrets, orderId = `ORD-${Math.random().toString(36).slice(2, 10)}`) {
  return buildDelivery({ payload: { appid: secrets.appid, order_id: orderId, status: 3, fee: 100 }, secrets, profile, nowMs: Date.now() })
}

/** The app on loopback with its log captured (warn and up unless told otherwise). */
export async function startReceiver (env: Record<string, string> = {}, level = 'warn') {
  const config = testConfig({ LOG_LEVEL: level, ...env })
  const sink = logSink()
  const app = await buildApp(config, { logger: pino({ level }, sink.stream) })
  const base = await listenLoopback(app)
  const notifyUrl = base + config.notifyPath
  const send = async (d = paymentDelivery(config.secrets)) => {
    const res = await request(deliveryUrl(notifyUrl, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
    const text = await res.body.text()
    return { status: res.statusCode, headers: res.headers, text, json: JSON.parse(text) as { errcode: number; errmsg: string } }
  }
  return { config, app, base, notifyUrl, sink, send }
}

export type { Config }
