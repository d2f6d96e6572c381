import { describe, expect, it } from 'vitest'
import { explainErrcode, parseCallerIp, parseRid } from '../../src/wechat/errcodes.js'

const ctx = { path: '/nontax/mocknotification', appid: 'wx0123456789abcdef', baseUrl: 'https://api.weixin.qq.com' }

describe('explainErrcode', () => {
  it.each([
    [-1, /busy.*retry in a few seconds/],
    [40001, /invalid or not the latest/],
    [42001, /has expired/],
    [40013, /AppID "wx0123456789abcdef" is not valid for this access_token.*开发者ID\(AppID\)/],
    [40125, /AppSecret does not match.*WECHAT_APPSECRET/],
    [40164, /IP 1\.2\.3\.4 is not on the account's API IP whitelist.*IP白名单/],
    [41001, /access_token is missing/],
    [41002, /set WECHAT_APPID/],
    [41004, /set WECHAT_APPSECRET/],
    [45009, /daily quota.*clear_quota/],
    [48001, /not authorised for \/nontax\/mocknotification.*非税/],
    [40097, /url is an absolute http\(s\) URL reachable from the Internet/],
    [47001, /could not parse the JSON body/],
  ])('%i says what it means and what to do', (errcode, expected) => {
    const msg = explainErrcode(errcode, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 66eb93b2-61cf61ba-7d471d1a', ctx)
    expect(msg).toMatch(new RegExp(`^WeChat says ${errcode} on /nontax/mocknotification: `))
    expect(msg).toMatch(expected)
    expect(msg).toMatch(/\(rid: 66eb93b2-61cf61ba-7d471d1a\)$/)
    expect(msg).not.toContain('global error codes')
  })

  it('points unknown codes at the global error code list, quoting errmsg', () => {
    expect(explainErrcode(61024, 'something else', ctx)).toMatch(/^WeChat says 61024 on \/nontax\/mocknotification: "something else"; .*global error codes \(全局返回码\) at https:\/\//)
  })

  it('tells where a refused token came from', () => {
    expect(explainErrcode(40001, '', { ...ctx, tokenSource: 'env', canRefresh: false })).toMatch(/set a fresh WECHAT_ACCESS_TOKEN, or set WECHAT_APPSECRET/)
    expect(explainErrcode(42001, '', { ...ctx, tokenSource: 'stable_token', retried: true })).toMatch(/even right after fetching a fresh one/)
  })
})

describe('errmsg parsing', () => {
  it('reads the caller IP and rid in the shapes WeChat uses', () => {
    expect(parseCallerIp('invalid ip 218.201.223.163 ipv6 ::ffff:218.201.223.163, not in whitelist rid: 66eb93b2-61cf61ba-7d471d1a')).toBe('218.201.223.163')
    expect(parseCallerIp('invalid ip 61.172.68.219, not in whitelist hint: [KJZfAa0644e575]')).toBe('61.172.68.219')
    expect(parseCallerIp('invalid appid')).toBeUndefined()
    expect(parseRid('invalid appsecret rid: 6125a48e-4bc55df9-6a1d6b57')).toBe('6125a48e-4bc55df9-6a1d6b57')
  })
})
