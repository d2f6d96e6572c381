import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { EmulatorAccount, RouteContext } from './context.js'
import { readJsonObject } from './context.js'
import { answerError } from './token-routes.js'
import { ipNotWhitelisted, isWhitelisted, wxError, type WxAnswer } from './wx-errors.js'

import type { MockApi } from './payload.js'

const APIS: MockApi[] = ['mocknotification', 'mockqueryfee']

export interface MockRequest { api: MockApi; account: EmulatorAccount; url: string; version: number }

/**
 * Body checks. WeChat documents only 40001 for this API; the other codes are this emulator's choices,
 * taken from WeChat's global codes: 44002 empty body, 47001 not JSON, 41002 appid missing,
 * 40013 appid is not the token's account, 40097 url not an absolute http(s) URL or version not an
 * integer >= 0. A missing version means 1, as the API page says ("default 1").
 */
export function checkMockBody (raw: Buffer | undefined, tokenAppid: string, ctx: RouteContext): WxAnswer | Omit<MockRequest, 'api'> {
  const body = readJsonObject(raw)
  if (!body.ok) return body.answer
  const { appid, url, version = 1 } = body.value
  if (appid === undefined || appid === '') return wxError(41002)
  if (typeof appid !== 'string') return wxError(40097)
  const account = ctx.accounts.get(appid)
  if (!account || appid !== tokenAppid) return wxError(40013)
  if (typeof url !== 'string' || !isHttpUrl(url)) return wxError(40097)
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return wxError(40097)
  return { account, url, version }
}

function isHttpUrl (s: string): boolean {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

export function checkToken (token: string | undefined, ctx: RouteContext): WxAnswer | { appid: string } {
  if (token === undefined || token === '') return wxError(41001)
  const t = ctx.tokens.lookup(token)
  if (t.state === 'unknown' || t.state === 'replaced') return wxError(40001)
  if (t.state === 'expired') return wxError(42001)
  return { appid: t.appid }
}

/**
 * Answers {errcode:0} first; the deliveries start once that answer is on the wire (onResponse).
 * /nontax/mockqueryfee takes the same body and delivers a query-fee request the same way (docs/PROTOCOL.md §2).
 */
export function registerMockRoute (app: FastifyInstance, ctx: RouteContext, start: (m: MockRequest) => void): void {
  for (const api of APIS) registerOne(app, ctx, start, api)
}

function registerOne (app: FastifyInstance, ctx: RouteContext, start: (m: MockRequest) => void, api: MockApi): void {
  const PATH = `/nontax/${api}`
  const accepted = new WeakMap<FastifyRequest, MockRequest>()
  app.post<{ Body: Buffer | undefined; Querystring: { access_token?: string } }>(PATH, {
    onResponse: async (req) => {
      const m = accepted.get(req)
      if (m) start(m)
    },
  }, async (req) => {
    const token = checkToken(req.query.access_token, ctx)
    if ('errcode' in token) return answerError(ctx, 'POST', PATH, token)
    if (!isWhitelisted(req.ip, ctx.ipWhitelist)) return answerError(ctx, 'POST', PATH, ipNotWhitelisted(req.ip))
    const m = checkMockBody(req.body, token.appid, ctx)
    if ('errcode' in m) return answerError(ctx, 'POST', PATH, m)
    accepted.set(req, { ...m, api })
    ctx.recordCall('POST', PATH, 0)
    return { errcode: 0, errmsg: 'ok' }
  })
  app.get(PATH, async () => answerError(ctx, 'GET', PATH, wxError(43002)))
}
