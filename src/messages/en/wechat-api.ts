/**
 * WeChat's API refusing or not answering (src/wechat/): what its errcode means here and what to do.
 * Meanings from WeChat's global return codes (全局返回码). `{what}` in the WX_TOKEN_* entries is one
 * of WX_TOKEN_INVALID / WX_TOKEN_EXPIRED.
 */
export const wechatApi = {
  WX_SAYS: 'WeChat says {errcode} on {path}: {explain}{rid}',
  WX_SAYS_UNKNOWN: 'WeChat says {errcode} on {path}: "{errmsg}"; this debugger has no specific advice for it, see WeChat\'s global error codes (全局返回码) at {url}',
  WX_RID: ' (rid: {rid})',
  WX_TOKEN_INVALID: 'the access_token is invalid or not the latest',
  WX_TOKEN_EXPIRED: 'the access_token has expired',
  WX_TOKEN_RETRIED: '{what}, even right after fetching a fresh one with stable_token: another service may be force-refreshing this account\'s stable token, or WECHAT_API_BASE ({baseUrl}) issues tokens for a different back end',
  WX_TOKEN_ENV_STALE: '{what}: WECHAT_ACCESS_TOKEN is stale or belongs to another account; set a fresh WECHAT_ACCESS_TOKEN, or set WECHAT_APPSECRET so the debugger fetches its own token',
  WX_TOKEN_REFETCH: '{what}; the debugger fetches a new one with stable_token and retries once',
  WX_BUSY: 'WeChat is busy (system error); retry in a few seconds',
  WX_GRANT_TYPE: 'grant_type is not client_credential (a bug in this debugger, or a proxy altered the body)',
  WX_APPID_INVALID: 'the AppID "{appid}" is not valid{forToken}; copy WECHAT_APPID from the console (设置与开发 → 基本配置 → 开发者ID(AppID)), watching case and stray characters',
  WX_APPID_FOR_TOKEN: ' for this access_token: the appid in the body must be the account that owns the token',
  WX_SECRET_MISMATCH: 'the AppSecret does not match AppID "{appid}"; copy WECHAT_APPSECRET again from the console (设置与开发 → 基本配置 → AppSecret). If it was reset there, the old one no longer works',
  WX_IP_WHITELIST: 'this machine\'s IP {ip} is not on the account\'s API IP whitelist; add it in the console (设置与开发 → 基本配置 → IP白名单), wait a few minutes for it to take effect, and retry',
  WX_IP_IN_ERRMSG: '(see errmsg)',
  WX_SECRET_FROZEN: 'the AppSecret is frozen; unfreeze or reset it in the console (设置与开发 → 基本配置 → AppSecret)',
  WX_TOKEN_MISSING: 'the access_token is missing from the request; check that WECHAT_API_BASE ({baseUrl}) or a proxy does not drop the query string',
  WX_APPID_MISSING: 'the appid is missing; set WECHAT_APPID (e.g. WECHAT_APPID=wx1234567890abcdef)',
  WX_SECRET_MISSING: 'the appsecret is missing; set WECHAT_APPSECRET, or set WECHAT_ACCESS_TOKEN instead',
  WX_EMPTY_BODY: 'WeChat received an empty body; a proxy between this machine and WeChat may have dropped it',
  WX_DAILY_QUOTA: 'the account reached its daily quota for this API; wait until tomorrow, or reset it with the clear_quota API (limited times per month)',
  WX_RATE_LIMIT: 'per-minute rate limit reached; wait a minute and retry',
  WX_BODY_NOT_JSON: 'WeChat could not parse the JSON body; a proxy may have altered it',
  WX_NOT_AUTHORISED: 'the account is not authorised for {path}; it needs a verified (认证) account with the non-tax payment (非税缴费) capability enabled. Check the account\'s verification and permissions (设置与开发 → 接口权限)',
  WX_MOCK_ARGS_INVALID: 'the arguments are invalid: check that appid is the account\'s AppID, url is an absolute http(s) URL reachable from the Internet (PUBLIC_URL + NOTIFY_PATH), and version is a number',
  WX_ARGS_INVALID: 'the arguments are invalid; check the request parameters',

  WX_TIMED_OUT: '{call} timed out: {cause}. WeChat usually answers within a second; check the network, any proxy, and WECHAT_API_BASE ({baseUrl})',
  WX_UNREACHABLE: 'could not reach {baseUrl} ({call}): {cause}; check WECHAT_API_BASE, the network and any proxy',
  WX_HTTP_STATUS: '{call} answered HTTP {status} {snippet}; WeChat answers errors with HTTP 200 and an errcode, so something else answered: check WECHAT_API_BASE ({baseUrl}) and any proxy',
  WX_NOT_JSON_OBJECT: '{call} answered HTTP 200 but not a JSON object: {snippet}; check that WECHAT_API_BASE ({baseUrl}) is the WeChat API (or the emulator), not a web page or a proxy\'s login page',
  WX_NO_TOKEN_FIELDS: 'POST {url} answered without access_token/expires_in (fields: {fields}); check WECHAT_API_BASE',
  WX_NO_ERRCODE_FIELD: 'POST {url} answered without a numeric errcode (fields: {fields}); check WECHAT_API_BASE',
  WX_TOKEN_REFUSED_NO_SECRET: 'cannot fetch a new access_token: WECHAT_ACCESS_TOKEN was refused and WECHAT_APPSECRET is not set; set a fresh WECHAT_ACCESS_TOKEN or set WECHAT_APPSECRET',
  WX_NO_CREDENTIALS: 'no WeChat credentials: set WECHAT_APPSECRET (with WECHAT_APPID), or WECHAT_ACCESS_TOKEN',
} as const
