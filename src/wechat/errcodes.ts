/**
 * WeChat's global errcodes, explained for a person: what it means here and what to do.
 * Meanings from WeChat's global return codes (全局返回码):
 * https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html
 */
import type { MessageCode } from '../messages/en/index.js'
import { finding, render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'

export const GLOBAL_CODES_URL = 'https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html'

export interface ErrcodeContext {
  /** API path, e.g. /nontax/mocknotification */
  path: string
  appid: string
  baseUrl: string
  /** Where the refused access_token came from. */
  tokenSource?: 'env' | 'stable_token'
  /** True when an appsecret is set, so a new token can be fetched. */
  canRefresh?: boolean
  /** True when the call already failed once and was retried with a fresh token. */
  retried?: boolean
  callerIp?: string
}

type Explain = (c: ErrcodeContext) => Finding

const staleToken = (what: MessageCode): Explain => c => {
  if (c.retried) return finding('WX_TOKEN_RETRIED', { what: finding(what), baseUrl: c.baseUrl })
  if (c.tokenSource === 'env' && !c.canRefresh) return finding('WX_TOKEN_ENV_STALE', { what: finding(what) })
  return finding('WX_TOKEN_REFETCH', { what: finding(what) })
}
const says = (code: MessageCode): Explain => () => finding(code)

const EXPLAIN: Record<number, Explain> = {
  [-1]: says('WX_BUSY'),
  40001: staleToken('WX_TOKEN_INVALID'),
  42001: staleToken('WX_TOKEN_EXPIRED'),
  40002: says('WX_GRANT_TYPE'),
  40013: c => finding('WX_APPID_INVALID', { appid: c.appid, forToken: c.path.includes('nontax') ? finding('WX_APPID_FOR_TOKEN') : '' }),
  40125: c => finding('WX_SECRET_MISMATCH', { appid: c.appid }),
  40164: c => finding('WX_IP_WHITELIST', { ip: c.callerIp ?? finding('WX_IP_IN_ERRMSG') }),
  40243: says('WX_SECRET_FROZEN'),
  41001: c => finding('WX_TOKEN_MISSING', { baseUrl: c.baseUrl }),
  41002: says('WX_APPID_MISSING'),
  41004: says('WX_SECRET_MISSING'),
  44002: says('WX_EMPTY_BODY'),
  45009: says('WX_DAILY_QUOTA'),
  45011: says('WX_RATE_LIMIT'),
  47001: says('WX_BODY_NOT_JSON'),
  48001: c => finding('WX_NOT_AUTHORISED', { path: c.path }),
  40097: c => finding(c.path.includes('mocknotification') ? 'WX_MOCK_ARGS_INVALID' : 'WX_ARGS_INVALID'),
}

/** What WeChat's errcode means here and what to do about it, coded (WX_* in src/messages/en/wechat-api.ts). */
export function errcodeFinding (errcode: number, errmsg: string, ctx: ErrcodeContext): Finding {
  const rid = parseRid(errmsg)
  const ip = ctx.callerIp ?? (errcode === 40164 ? parseCallerIp(errmsg) : undefined)
  const c = ip === undefined ? ctx : { ...ctx, callerIp: ip }
  const explain = EXPLAIN[errcode]
  if (explain) return finding('WX_SAYS', { errcode, path: ctx.path, explain: explain(c), rid: rid ? finding('WX_RID', { rid }) : '' })
  return finding('WX_SAYS_UNKNOWN', { errcode, path: ctx.path, errmsg, url: GLOBAL_CODES_URL })
}

/** One line that says what WeChat's errcode means here and what to do about it (English). */
export function explainErrcode (errcode: number, errmsg: string, ctx: ErrcodeContext): string {
  return render(errcodeFinding(errcode, errmsg, ctx))
}

/** WeChat shapes it "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ...". */
export function parseCallerIp (errmsg: string): string | undefined {
  return /invalid ip ([0-9a-fA-F.:]+?)(?:,|\s)/.exec(errmsg + ' ')?.[1]
}

export function parseRid (errmsg: string): string | undefined {
  return /rid: ?([\w-]+)/.exec(errmsg)?.[1]
}
