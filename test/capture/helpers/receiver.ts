import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { request } from 'undici'
import { buildApp } from '../../../src/app.js'
import { createFileStore, type FileStore } from '../../../src/capture/file-store.js'
import { loadConfig, randomAlnum, type Config } from '../../../src/config.js'
import { buildDelivery, deliveryUrl } from '../../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../../src/protocol/profile.js'

export const profile = createWxBizMsgCryptProfile()

export function testEnv (dir: string): Record<string, string> {
  return {
    WECHAT_APPID: 'wx' + randomBytes(8).toString('hex'),
    NONTAX_TOKEN: randomAlnum(32),
    NONTAX_ENCODING_AES_KEY: randomAlnum(43),
    CAPTURE_DIR: dir,
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    // The overload guard answers 299 past this event-loop delay; a busy 2-core CI (tsx, a parallel
    // kill -9 test) can exceed the 200 ms default, and these tests are not about overload.
    MAX_EVENT_LOOP_DELAY_MS: '60000',
  }
}

export interface Receiver { app: FastifyInstance; store: FileStore; config: Config; origin: string; notifyUrl: string; close (): Promise<void> }

/** The lead's real app (src/app.ts) with the durable file store, on a loopback port. */
export async function startReceiver (env: Record<string, string>): Promise<Receiver> {
  const config = loadConfig(env)
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory })
  const app = await buildApp(config, { store, logger: pino({ level: 'silent' }) })
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, store, config, origin, notifyUrl: origin + config.notifyPath, close: () => app.close() }
}

export const PAYMENT = { order_id: 'ORD-1001', status: 3, fee: 100, fee_type: 'CNY', trans_id: 'T1', pay_finish_time: 1714550000, user_name: '张三' }

/** Sends one signed delivery (as WeChat's crypto test does, or its signature test with badSignature). */
export async function deliver (notifyUrl: string, secrets: Secrets, opts: { payload?: unknown; badSignature?: boolean } = {}) {
  const d = buildDelivery({ payload: opts.payload ?? PAYMENT, secrets, profile, nowMs: Date.now(), badSignature: opts.badSignature })
  const res = await request(deliveryUrl(notifyUrl, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
  const text = await res.body.text()
  return { status: res.statusCode, text, json: JSON.parse(text) as { errcode: number; errmsg: string; data?: string }, nonce: d.query.wxnontaxstr ?? '' }
}

/** A receiver over a fresh capture folder that has recorded one valid delivery (WeChat's crypto test). */
export interface OneDelivery { dir: string; env: Record<string, string>; rc: Receiver; cryptoId: string; close (): Promise<void> }

export async function receiverWithOneDelivery (prefix: string): Promise<OneDelivery> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const env = testEnv(dir)
  const rc = await startReceiver(env)
  const c = await deliver(rc.notifyUrl, rc.config.secrets)
  const cryptoId = c.json.errcode === 0 ? (await rc.store.list()).find(r => r.wxnontaxstr === c.nonce)?.id : undefined
  if (cryptoId === undefined) throw new Error(`the setup delivery was not recorded as answered 0: ${c.text}`)
  return { dir, env, rc, cryptoId, close: async () => { await rc.close(); await rm(dir, { recursive: true, force: true }) } }
}
