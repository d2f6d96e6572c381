import { randomBytes } from 'node:crypto'
import Fastify from 'fastify'
import { onTestFinished } from 'vitest'
import { buildEmulator, type EmulatorInstance, type EmulatorOptions } from '../../src/emulator/app.js'
import { buildFailureAnswer, buildSuccessAnswer } from '../../src/protocol/answer.js'
import { inspectDelivery, type Inspection } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../src/protocol/profile.js'

export const profile = createWxBizMsgCryptProfile()

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
function alnum (n: number): string {
  return [...randomBytes(n)].map(b => ALNUM[b % ALNUM.length]).join('')
}

export interface TestAccount { appid: string; appsecret: string; secrets: Secrets }

/** Fresh random credentials per test: nothing committed, and a leak is detectable by value. */
export function newAccount (): TestAccount {
  const appid = 'wx' + randomBytes(8).toString('hex')
  return { appid, appsecret: randomBytes(16).toString('hex'), secrets: { appid, token: alnum(32), encodingAESKey: alnum(43) } }
}

export interface StartedEmulator { app: EmulatorInstance; base: string; account: TestAccount }

export async function startEmulator (overrides: Partial<EmulatorOptions> = {}): Promise<StartedEmulator> {
  const account = newAccount()
  const app = await buildEmulator({ accounts: [account], profile, deliveryTimeoutMs: 2000, ...overrides })
  onTestFinished(() => app.close())
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, base, account }
}

export type ReceiverBehaviour = 'correct' | 'always-ok'

/**
 * A small receiver built only from the protocol functions. 'correct' verifies and answers as
 * PROTOCOL.md B says; 'always-ok' answers {errcode:0} to everything, as a handler that skips checks.
 */
export interface SeenDelivery { query: Record<string, string>; contentType: string | undefined; body: string; inspection: Inspection }
export interface StartedReceiver { url: string; seen: SeenDelivery[] }

export async function startReceiver (secrets: Secrets, behaviour: ReceiverBehaviour = 'correct'): Promise<StartedReceiver> {
  const seen: SeenDelivery[] = []
  const app = Fastify()
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  app.post<{ Body: Buffer | undefined; Querystring: Record<string, string> }>('/notify', async (req) => {
    const body = req.body ?? Buffer.alloc(0)
    const contentType = req.headers['content-type']
    const i = inspectDelivery({ body, contentType, query: req.query }, { secrets, profile, nowMs: Date.now() })
    seen.push({ query: req.query, contentType, body: body.toString('utf8'), inspection: i })
    if (behaviour === 'always-ok') return { errcode: 0, errmsg: 'ok' }
    if (i.errcode !== 0) return buildFailureAnswer(i.errcode, i.message ?? 'rejected')
    return buildSuccessAnswer({ order_id: i.payload?.order_id, status: i.payload?.status }, secrets, profile, Date.now())
  })
  onTestFinished(() => app.close())
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  return { url: `${base}/notify`, seen }
}

/** A port that refuses connections: listened once, then closed. */
export async function closedPortUrl (): Promise<string> {
  const app = Fastify()
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  await app.close()
  return base
}
