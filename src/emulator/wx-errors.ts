import { randomBytes } from 'node:crypto'

/** WeChat's answer to an API call: always HTTP 200, `{errcode, errmsg}`, errmsg ending in " rid: ...". */
export interface WxAnswer { errcode: number; errmsg: string }

/** errmsg texts as WeChat words them (global return codes and observed answers). */
const TEXT: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  42001: 'access_token expired',
  43002: 'require POST method',
  44002: 'empty post data',
  47001: 'data format error',
}

/** WeChat's rid looks like 66eb93b2-61cf61ba-7d471d1a. */
export function newRid (): string {
  return [0, 1, 2].map(() => randomBytes(4).toString('hex')).join('-')
}

export function wxError (errcode: number, text = TEXT[errcode] ?? 'unknown error'): WxAnswer {
  return { errcode, errmsg: `${text} rid: ${newRid()}` }
}

/** WeChat's 40164 shape: "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ...". */
export function ipNotWhitelisted (ip: string): WxAnswer {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip
  const v6 = ip.includes(':') ? ip : `::ffff:${ip}`
  return wxError(40164, `invalid ip ${v4} ipv6 ${v6}, not in whitelist`)
}

export function isWhitelisted (ip: string, whitelist: string[] | undefined): boolean {
  if (whitelist === undefined) return true
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip
  return whitelist.includes(ip) || whitelist.includes(v4)
}
