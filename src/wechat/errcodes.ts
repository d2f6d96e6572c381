/**
 * WeChat's global errcodes, explained for a person: what it means here and what to do.
 * Meanings from WeChat's global return codes (全局返回码):
 * https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html
 */
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

type Explain = (c: ErrcodeContext) => string

const staleToken = (what: string): Explain => c => {
  if (c.retried) return `${what}, even right after fetching a fresh one with stable_token: another service may be force-refreshing this account's stable token, or WECHAT_API_BASE (${c.baseUrl}) issues tokens for a different back end`
  if (c.tokenSource === 'env' && !c.canRefresh) return `${what}: WECHAT_ACCESS_TOKEN is stale or belongs to another account; set a fresh WECHAT_ACCESS_TOKEN, or set WECHAT_APPSECRET so the debugger fetches its own token`
  return `${what}; the debugger fetches a new one with stable_token and retries once`
}

const EXPLAIN: Record<number, Explain> = {
  [-1]: () => 'WeChat is busy (system error); retry in a few seconds',
  40001: staleToken('the access_token is invalid or not the latest'),
  42001: staleToken('the access_token has expired'),
  40002: () => 'grant_type is not client_credential (a bug in this debugger, or a proxy altered the body)',
  40013: c => `the AppID "${c.appid}" is not valid${c.path.includes('nontax') ? ' for this access_token: the appid in the body must be the account that owns the token' : ''}; copy WECHAT_APPID from the console (设置与开发 → 基本配置 → 开发者ID(AppID)), watching case and stray characters`,
  40125: c => `the AppSecret does not match AppID "${c.appid}"; copy WECHAT_APPSECRET again from the console (设置与开发 → 基本配置 → AppSecret). If it was reset there, the old one no longer works`,
  40164: c => `this machine's IP ${c.callerIp ?? '(see errmsg)'} is not on the account's API IP whitelist; add it in the console (设置与开发 → 基本配置 → IP白名单), wait a few minutes for it to take effect, and retry`,
  40243: () => 'the AppSecret is frozen; unfreeze or reset it in the console (设置与开发 → 基本配置 → AppSecret)',
  41001: c => `the access_token is missing from the request; check that WECHAT_API_BASE (${c.baseUrl}) or a proxy does not drop the query string`,
  41002: () => 'the appid is missing; set WECHAT_APPID (e.g. WECHAT_APPID=wx1234567890abcdef)',
  41004: () => 'the appsecret is missing; set WECHAT_APPSECRET, or set WECHAT_ACCESS_TOKEN instead',
  44002: () => 'WeChat received an empty body; a proxy between this machine and WeChat may have dropped it',
  45009: () => 'the account reached its daily quota for this API; wait until tomorrow, or reset it with the clear_quota API (limited times per month)',
  45011: () => 'per-minute rate limit reached; wait a minute and retry',
  47001: () => 'WeChat could not parse the JSON body; a proxy may have altered it',
  48001: c => `the account is not authorised for ${c.path}; it needs a verified (认证) account with the non-tax payment (非税缴费) capability enabled. Check the account's verification and permissions (设置与开发 → 接口权限)`,
  40097: c => c.path.includes('mocknotification')
    ? 'the arguments are invalid: check that appid is the account\'s AppID, url is an absolute http(s) URL reachable from the Internet (PUBLIC_URL + NOTIFY_PATH), and version is a number'
    : 'the arguments are invalid; check the request parameters',
}

/** One line that says what WeChat's errcode means here and what to do about it. */
export function explainErrcode (errcode: number, errmsg: string, ctx: ErrcodeContext): string {
  const rid = parseRid(errmsg)
  const ip = ctx.callerIp ?? (errcode === 40164 ? parseCallerIp(errmsg) : undefined)
  const c = ip === undefined ? ctx : { ...ctx, callerIp: ip }
  const head = `WeChat says ${errcode} on ${ctx.path}`
  const explain = EXPLAIN[errcode]
  const tail = rid ? ` (rid: ${rid})` : ''
  if (explain) return `${head}: ${explain(c)}${tail}`
  return `${head}: "${errmsg}"; this debugger has no specific advice for it, see WeChat's global error codes (全局返回码) at ${GLOBAL_CODES_URL}`
}

/** WeChat shapes it "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ...". */
export function parseCallerIp (errmsg: string): string | undefined {
  return /invalid ip ([0-9a-fA-F.:]+?)(?:,|\s)/.exec(errmsg + ' ')?.[1]
}

export function parseRid (errmsg: string): string | undefined {
  return /rid: ?([\w-]+)/.exec(errmsg)?.[1]
}
