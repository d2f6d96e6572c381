import { randomBytes } from 'node:crypto'
import { onTestFinished } from 'vitest'
import { buildEmulator, type EmulatorInstance, type EmulatorOptions } from '../../src/emulator/app.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../src/protocol/profile.js'
import { startReferenceHandler, type ReferenceHandler } from '../helpers/reference-handler.js'

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
  // A delivery's bound, not its expected time: well past what a busy CI box needs, and below the test's
  // own timeout so a hung delivery fails with the emulator's message. Timeout tests set their own.
  const app = await buildEmulator({ accounts: [account], profile, deliveryTimeoutMs: 15_000, ...overrides })
  onTestFinished(() => app.close())
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, base, account }
}

export type ReceiverBehaviour = 'correct' | 'always-ok'

/**
 * The suite's reference handler as the emulator's delivery target: 'correct' verifies and answers
 * as docs/PROTOCOL.md §4 says; 'always-ok' answers {errcode:0} to everything, as a handler that skips checks.
 */
export async function startReceiver (secrets: Secrets, behaviour: ReceiverBehaviour = 'correct'): Promise<ReferenceHandler> {
  return startReferenceHandler({ secrets, profile, alwaysOk: behaviour === 'always-ok' })
}
