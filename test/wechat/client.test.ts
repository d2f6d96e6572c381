import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { TriggerSummary } from '../../src/emulator/report.js'
import { createWechatClient, WechatApiError, type WechatClientOptions } from '../../src/wechat/client.js'
import { startEmulator, startReceiver, type StartedEmulator } from '../emulator/helpers.js'
import { closedPortUrl, rawServer } from '../helpers/listen.js'

interface LogLine { level: string; obj: object; msg?: string }
function captureLog () {
  const lines: LogLine[] = []
  const at = (level: string) => (obj: object, msg?: string) => { lines.push({ level, obj, msg }) }
  return { lines, log: { info: at('info'), warn: at('warn'), debug: at('debug') } }
}

function clientFor (e: StartedEmulator, extra: Partial<WechatClientOptions> = {}) {
  const { lines, log } = captureLog()
  const client = createWechatClient({ baseUrl: e.base, appid: e.account.appid, appsecret: e.account.appsecret, timeoutMs: 15_000, log, ...extra })
  return { client, lines }
}

async function rejection (p: Promise<unknown>): Promise<WechatApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(WechatApiError)
  return err as WechatApiError
}

/** Neither the message nor anything logged may carry the appsecret or a token. */
function expectNoSecrets (texts: string[], secrets: string[]): void {
  for (const t of texts) for (const s of secrets) expect(t).not.toContain(s)
}

const stableCalls = (e: StartedEmulator) => e.app.emulator.calls().filter(c => c.path === '/cgi-bin/stable_token')

describe('WeChat client against the emulator', () => {
  it('fetches a token with stable_token, caches it, and triggers mocknotification', async () => {
    const e = await startEmulator()
    const rx = await startReceiver(e.account.secrets)
    const { client, lines } = clientFor(e)
    const token = await client.getAccessToken()
    expect(await client.getAccessToken()).toBe(token)
    expect(stableCalls(e)).toHaveLength(1)
    const done = once(e.app.emulator.events, 'trigger-done') as Promise<[TriggerSummary]>
    expect(await client.mockNotification({ url: rx.url, version: 1 })).toEqual({ errcode: 0, errmsg: 'ok' })
    expect((await done)[0].ok).toBe(true)
    expect(stableCalls(e)).toHaveLength(1)
    expect(e.app.emulator.calls().map(c => c.path)).not.toContain('/cgi-bin/token')
    const logged = lines.map(l => JSON.stringify(l))
    expect(logged.some(l => l.includes('/nontax/mocknotification?access_token=***'))).toBe(true)
    expectNoSecrets(logged, [token, e.account.appsecret])
  })

  it('renews the cached token before it expires (half the TTL for short TTLs)', async () => {
    let clock = 1_700_000_000_000
    const now = () => clock
    const e = await startEmulator({ tokenTtlS: 60, now })
    const { client } = clientFor(e, { now })
    await client.getAccessToken()
    clock += 29_000
    await client.getAccessToken()
    expect(stableCalls(e)).toHaveLength(1)
    clock += 2_000
    await client.getAccessToken()
    expect(stableCalls(e)).toHaveLength(2)
  })

  it('explains a wrong appsecret (40125) without showing it', async () => {
    const e = await startEmulator()
    const wrong = 'a'.repeat(32)
    const { client, lines } = clientFor(e, { appsecret: wrong })
    const err = await rejection(client.mockNotification({ url: 'https://example.com/n', version: 1 }))
    expect(err).toMatchObject({ code: 'WECHAT_ERRCODE', errcode: 40125, path: '/cgi-bin/stable_token', httpStatus: 200 })
    expect(err.message).toMatch(/^WeChat says 40125 on \/cgi-bin\/stable_token: the AppSecret does not match AppID "wx[0-9a-f]{16}"; copy WECHAT_APPSECRET again/)
    expect(err.rid).toMatch(/^[0-9a-f]{8}-/)
    expectNoSecrets([err.message, String(err.errmsg), ...lines.map(l => JSON.stringify(l))], [wrong, e.account.appsecret])
  })

  it('explains 40164 with the IP WeChat saw and where to whitelist it', async () => {
    const e = await startEmulator({ ipWhitelist: ['203.0.113.9'] })
    const { client } = clientFor(e)
    const err = await rejection(client.getAccessToken())
    expect(err).toMatchObject({ errcode: 40164, callerIp: '127.0.0.1' })
    expect(err.message).toContain("this machine's IP 127.0.0.1 is not on the account's API IP whitelist; add it in the console (设置与开发 → 基本配置 → IP白名单)")
  })

  it('on an expired token (42001) fetches a new one and retries once', async () => {
    const e = await startEmulator()
    const rx = await startReceiver(e.account.secrets)
    const { client, lines } = clientFor(e)
    const first = await client.getAccessToken()
    e.app.emulator.expireTokens()
    const done = once(e.app.emulator.events, 'trigger-done')
    expect(await client.mockNotification({ url: rx.url, version: 2 })).toEqual({ errcode: 0, errmsg: 'ok' })
    await done
    expect(stableCalls(e)).toHaveLength(2)
    expect(e.app.emulator.calls().filter(c => c.path === '/nontax/mocknotification').map(c => c.errcode)).toEqual([42001, 0])
    expect(await client.getAccessToken()).not.toBe(first)
    expect(lines.some(l => l.level === 'warn' && l.msg?.includes('retrying once'))).toBe(true)
  })

  it('says to set a fresh WECHAT_ACCESS_TOKEN or WECHAT_APPSECRET when a given token is refused', async () => {
    const e = await startEmulator()
    const stale = 'staleAccessToken_' + 'x'.repeat(100)
    const { client } = clientFor(e, { appsecret: undefined, accessToken: stale })
    const err = await rejection(client.mockNotification({ url: 'https://example.com/n', version: 1 }))
    expect(err).toMatchObject({ code: 'WECHAT_ERRCODE', errcode: 40001, path: '/nontax/mocknotification' })
    expect(err.message).toMatch(/WECHAT_ACCESS_TOKEN is stale or belongs to another account; set a fresh WECHAT_ACCESS_TOKEN, or set WECHAT_APPSECRET/)
    expect(stableCalls(e)).toHaveLength(0)
    expectNoSecrets([err.message], [stale])
  })

  it('replaces a refused WECHAT_ACCESS_TOKEN with a stable_token one when the appsecret is set', async () => {
    const e = await startEmulator()
    const rx = await startReceiver(e.account.secrets)
    const { client } = clientFor(e, { accessToken: 'staleAccessToken_' + 'y'.repeat(100) })
    const done = once(e.app.emulator.events, 'trigger-done')
    expect(await client.mockNotification({ url: rx.url, version: 2 })).toEqual({ errcode: 0, errmsg: 'ok' })
    await done
    expect(stableCalls(e)).toHaveLength(1)
  })
})

describe('WeChat client transport failures', () => {
  it('explains an unreachable base URL', async () => {
    const base = await closedPortUrl()
    const client = createWechatClient({ baseUrl: base, appid: 'wx0123456789abcdef', appsecret: 's'.repeat(32), timeoutMs: 15_000 })
    const err = await rejection(client.getAccessToken())
    expect(err.code).toBe('WECHAT_UNREACHABLE')
    expect(err.message).toMatch(new RegExp(`^could not reach ${base} \\(POST ${base}/cgi-bin/stable_token\\): connection refused.*\\(ECONNREFUSED\\); check WECHAT_API_BASE`))
    expectNoSecrets([err.message], ['s'.repeat(32)])
  })

  it('times out a back end that never answers, naming the limit', async () => {
    const silent = await rawServer()
    const token = 'givenAccessToken_' + 'z'.repeat(100)
    const client = createWechatClient({ baseUrl: silent.origin, appid: 'wx0123456789abcdef', accessToken: token, timeoutMs: 150 })
    const err = await rejection(client.mockNotification({ url: 'https://example.com/n', version: 1 }))
    expect(err.code).toBe('WECHAT_TIMEOUT')
    expect(err.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/nontax\/mocknotification\?access_token=\*\*\* timed out: no complete answer within 150 ms/)
    expectNoSecrets([err.message], [token])
  })

  it.each([
    ['HTTP 502 from a proxy', 502, '<html>Bad Gateway</html>', 'WECHAT_HTTP', /answered HTTP 502 "<html>Bad Gateway<\/html>"; WeChat answers errors with HTTP 200/],
    ['a web page with HTTP 200', 200, '<html>login</html>', 'WECHAT_BAD_ANSWER', /answered HTTP 200 but not a JSON object/],
    ['system busy (-1)', 200, '{"errcode":-1,"errmsg":"system error rid: 1-2-3"}', 'WECHAT_ERRCODE', /^WeChat says -1 on \/nontax\/mocknotification: WeChat is busy \(system error\); retry in a few seconds/],
    ['an errcode with no specific advice', 200, '{"errcode":61024,"errmsg":"odd thing"}', 'WECHAT_ERRCODE', /WeChat says 61024 on \/nontax\/mocknotification: "odd thing"; .*global error codes/],
  ])('explains %s', async (_name, status, body, code, message) => {
    const srv = await rawServer((_req, res) => { res.writeHead(status, { 'content-type': 'text/html' }).end(body) })
    const token = 'givenAccessToken_' + 'q'.repeat(100)
    const client = createWechatClient({ baseUrl: srv.origin, appid: 'wx0123456789abcdef', accessToken: token, timeoutMs: 15_000 })
    const err = await rejection(client.mockNotification({ url: 'https://example.com/n', version: 1 }))
    expect(err.code).toBe(code)
    expect(err.message).toMatch(message)
    expectNoSecrets([err.message], [token])
  })
})
