import type { Lang } from '../messages/types.js'
import { finding, render } from '../messages/render.js'
import type { Dispatcher } from 'undici'
import { maskSecrets } from '../protocol/mask.js'
import { errcodeFinding, parseCallerIp, parseRid, type ErrcodeContext } from './errcodes.js'
import { WechatApiError } from './errors.js'
import { callApi, type HttpContext, type WechatLog } from './http.js'

export { WechatApiError, type WechatErrorCode } from './errors.js'
export { explainErrcode } from './errcodes.js'

export interface WechatClientOptions {
  /** e.g. https://api.weixin.qq.com, or the emulator's http://127.0.0.1:PORT */
  baseUrl: string
  appid: string
  appsecret?: string
  /** WECHAT_ACCESS_TOKEN: used first, before any appid+secret token. */
  accessToken?: string
  /** Tests and embedded mode pass their own; no setGlobalDispatcher. */
  dispatcher?: Dispatcher
  /** Per request, connect to last body byte (default 10000). */
  timeoutMs?: number
  now?: () => number
  log?: WechatLog
  /** The language of its log lines. */
  lang?: Lang
}

export interface MockNotificationBody { url: string; version: number }
export interface MockNotificationAnswer { errcode: 0; errmsg: string }

export interface WechatClient {
  getAccessToken (opts?: { refresh?: boolean }): Promise<string>
  mockNotification (body: MockNotificationBody): Promise<MockNotificationAnswer>
  /** The sister API: same body, same two deliveries, carrying a query-fee request (docs/PROTOCOL.md §2). */
  mockQueryFee (body: MockNotificationBody): Promise<MockNotificationAnswer>
}

export const DEFAULT_TIMEOUT_MS = 10_000
/** WeChat renews a stable token in its last 5 minutes (getStableAccessToken docs); renew ours before that. */
const RENEW_MARGIN_S = 300
const TOKEN_INVALID = new Set([40001, 42001])

export function createWechatClient (o: WechatClientOptions): WechatClient {
  const now = o.now ?? Date.now
  let envToken = o.accessToken
  let cached: { token: string; renewAtMs: number } | undefined
  let inflight: Promise<string> | undefined
  // Every token seen, so a token echoed back in an answer is masked too (bounded: a few per run).
  const seenTokens: string[] = o.accessToken ? [o.accessToken] : []
  const secrets = () => [o.appsecret, ...seenTokens.slice(-8)]
  const http: HttpContext = { baseUrl: o.baseUrl, dispatcher: o.dispatcher, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, log: o.log, secrets }

  function fail (errcode: number, rawErrmsg: string, ctx: ErrcodeContext): WechatApiError {
    const errmsg = maskSecrets(rawErrmsg, secrets())
    const callerIp = errcode === 40164 ? parseCallerIp(errmsg) : undefined
    const said = errcodeFinding(errcode, errmsg, ctx)
    const message = maskSecrets(render(said), secrets())
    return new WechatApiError('WECHAT_ERRCODE', message, { path: ctx.path, errcode, errmsg, httpStatus: 200, ...(callerIp ? { callerIp } : {}), ...rid(errmsg), finding: said })
  }

  function baseCtx (path: string): ErrcodeContext {
    return { path, appid: o.appid, baseUrl: o.baseUrl, canRefresh: o.appsecret !== undefined }
  }

  /**
   * POST /cgi-bin/stable_token, never GET /cgi-bin/token: every /cgi-bin/token call issues a new token
   * and retires the previous one, which would break the account's production services that use it.
   * stable_token is isolated from it, and force_refresh stays false so we never retire anyone's stable token.
   */
  async function fetchStableToken (): Promise<string> {
    const path = '/cgi-bin/stable_token'
    const ans = await callApi(http, { method: 'POST', path, body: { grant_type: 'client_credential', appid: o.appid, secret: o.appsecret, force_refresh: false } })
    if (typeof ans.errcode === 'number' && ans.errcode !== 0) throw fail(ans.errcode, String(ans.errmsg ?? ''), baseCtx(path))
    const { access_token: token, expires_in: expiresIn } = ans
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
      const said = finding('WX_NO_TOKEN_FIELDS', { url: `${o.baseUrl}${path}`, fields: Object.keys(ans).join(', ') })
      throw new WechatApiError('WECHAT_BAD_ANSWER', render(said), { path, httpStatus: 200, finding: said })
    }
    seenTokens.push(token)
    const renewInS = expiresIn > 2 * RENEW_MARGIN_S ? expiresIn - RENEW_MARGIN_S : expiresIn / 2
    cached = { token, renewAtMs: now() + renewInS * 1000 }
    o.log?.info({ appid: o.appid, expiresInS: expiresIn }, render({ code: 'LOG_TOKEN_FETCHED' }, o.lang))
    return token
  }

  async function getAccessToken (opts: { refresh?: boolean } = {}): Promise<string> {
    if (opts.refresh) {
      envToken = undefined
      cached = undefined
    }
    if (envToken) return envToken
    if (cached && now() < cached.renewAtMs) return cached.token
    if (o.appsecret === undefined) {
      const said = finding(o.accessToken ? 'WX_TOKEN_REFUSED_NO_SECRET' : 'WX_NO_CREDENTIALS')
      throw new WechatApiError('WECHAT_NO_CREDENTIALS', render(said), { path: '/cgi-bin/stable_token', finding: said })
    }
    // Concurrent callers share one request.
    inflight ??= fetchStableToken().finally(() => { inflight = undefined })
    return inflight
  }

  async function callMock (token: string, body: MockNotificationBody, ctx: ErrcodeContext): Promise<MockNotificationAnswer> {
    const ans = await callApi(http, { method: 'POST', path: ctx.path, query: { access_token: token }, body: { appid: o.appid, url: body.url, version: body.version } })
    if (typeof ans.errcode !== 'number') {
      const said = finding('WX_NO_ERRCODE_FIELD', { url: `${o.baseUrl}${ctx.path}`, fields: Object.keys(ans).join(', ') })
      throw new WechatApiError('WECHAT_BAD_ANSWER', render(said), { path: ctx.path, httpStatus: 200, finding: said })
    }
    if (ans.errcode !== 0) throw fail(ans.errcode, String(ans.errmsg ?? ''), ctx)
    return { errcode: 0, errmsg: String(ans.errmsg ?? 'ok') }
  }

  async function mockApi (path: string, body: MockNotificationBody): Promise<MockNotificationAnswer> {
    const tokenSource = envToken ? 'env' as const : 'stable_token' as const
    const token = await getAccessToken()
    try {
      return await callMock(token, body, { ...baseCtx(path), tokenSource })
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.errcode === undefined || !TOKEN_INVALID.has(err.errcode) || o.appsecret === undefined) throw err
      o.log?.warn({ errcode: err.errcode, tokenSource }, render({ code: 'LOG_TOKEN_REFUSED' }, o.lang))
      const fresh = await getAccessToken({ refresh: true })
      return callMock(fresh, body, { ...baseCtx(path), tokenSource: 'stable_token', retried: true })
    }
  }

  return {
    getAccessToken,
    mockNotification: body => mockApi('/nontax/mocknotification', body),
    mockQueryFee: body => mockApi('/nontax/mockqueryfee', body),
  }
}

function rid (errmsg: string): { rid?: string } {
  const r = parseRid(errmsg)
  return r ? { rid: r } : {}
}
