import sjson from 'secure-json-parse'
import type { Secrets } from '../protocol/profile.js'
import type { TokenStore } from './token-store.js'
import { wxError, type WxAnswer } from './wx-errors.js'

export interface EmulatorAccount { appid: string; appsecret: string; secrets: Secrets }

/** An API call the emulator answered: lets tests assert how many token requests a client made. */
export interface ApiCallRecord { method: string; path: string; errcode: number; at: string }

/** What the routes share; built once per emulator instance. */
export interface RouteContext {
  accounts: Map<string, EmulatorAccount>
  tokens: TokenStore
  ipWhitelist: string[] | undefined
  now: () => number
  recordCall (method: string, path: string, errcode: number): void
}

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; answer: WxAnswer }

/** WeChat answers 44002 for an empty body and 47001 for one that is not a JSON object. */
export function readJsonObject (body: Buffer | undefined): JsonBody {
  if (body === undefined || body.length === 0) return { ok: false, answer: wxError(44002) }
  let v: unknown
  try {
    v = sjson.parse(body.toString('utf8'), undefined, { protoAction: 'remove', constructorAction: 'remove' })
  } catch {
    return { ok: false, answer: wxError(47001) }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, answer: wxError(47001) }
  return { ok: true, value: v as Record<string, unknown> }
}
