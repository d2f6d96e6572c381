import type { FastifyInstance } from 'fastify'
import type { RouteContext } from './context.js'
import { readJsonObject } from './context.js'
import { ipNotWhitelisted, isWhitelisted, wxError, type WxAnswer } from './wx-errors.js'

interface Credentials { grant_type: unknown; appid: unknown; secret: unknown }

/** Checks in the order a caller fixes them: grant_type, appid, secret, then where the call comes from. */
function checkCredentials (c: Credentials, ip: string, ctx: RouteContext): WxAnswer | { appid: string } {
  if (c.grant_type !== 'client_credential') return wxError(40002)
  if (typeof c.appid !== 'string' || c.appid === '') return wxError(41002)
  const account = ctx.accounts.get(c.appid)
  if (!account) return wxError(40013)
  if (typeof c.secret !== 'string' || c.secret === '') return wxError(41004)
  if (c.secret !== account.appsecret) return wxError(40125)
  if (!isWhitelisted(ip, ctx.ipWhitelist)) return ipNotWhitelisted(ip)
  return { appid: account.appid }
}

function tokenAnswer (t: { token: string; expiresAtMs: number }, now: number) {
  return { access_token: t.token, expires_in: Math.max(1, Math.round((t.expiresAtMs - now) / 1000)) }
}

export function registerTokenRoutes (app: FastifyInstance, ctx: RouteContext): void {
  // getStableAccessToken: POST JSON only.
  app.post<{ Body: Buffer | undefined }>('/cgi-bin/stable_token', async (req) => {
    const body = readJsonObject(req.body)
    if (!body.ok) return answerError(ctx, 'POST', '/cgi-bin/stable_token', body.answer)
    const { grant_type, appid, secret, force_refresh: force } = body.value
    const checked = checkCredentials({ grant_type, appid, secret }, req.ip, ctx)
    if ('errcode' in checked) return answerError(ctx, 'POST', '/cgi-bin/stable_token', checked)
    ctx.recordCall('POST', '/cgi-bin/stable_token', 0)
    return tokenAnswer(ctx.tokens.stable(checked.appid, force === true), ctx.now())
  })

  app.get('/cgi-bin/stable_token', async () => answerError(ctx, 'GET', '/cgi-bin/stable_token', wxError(43002)))

  // getAccessToken: served so that clients using it can be tested too; each call rotates the token.
  app.get<{ Querystring: Record<string, string | undefined> }>('/cgi-bin/token', async (req) => {
    const { grant_type, appid, secret } = req.query
    const checked = checkCredentials({ grant_type, appid, secret }, req.ip, ctx)
    if ('errcode' in checked) return answerError(ctx, 'GET', '/cgi-bin/token', checked)
    ctx.recordCall('GET', '/cgi-bin/token', 0)
    return tokenAnswer(ctx.tokens.rotate(checked.appid), ctx.now())
  })
}

export function answerError (ctx: RouteContext, method: string, path: string, a: WxAnswer): WxAnswer {
  ctx.recordCall(method, path, a.errcode)
  return a
}
