import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { startEmulator } from './helpers.js'

const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/

async function post (url: string, body: string | undefined): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> }
}

async function get (url: string): Promise<Record<string, unknown>> {
  const res = await request(url)
  return (await res.body.json()) as Record<string, unknown>
}

describe('emulator /cgi-bin/stable_token', () => {
  it('issues a stable token: the same one while valid, a new one on force_refresh (the old one then answers 40001)', async () => {
    const { base, account, app } = await startEmulator()
    const body = { grant_type: 'client_credential', appid: account.appid, secret: account.appsecret }
    const first = await post(`${base}/cgi-bin/stable_token`, JSON.stringify(body))
    expect(first.status).toBe(200)
    expect(first.json).toEqual({ access_token: expect.stringMatching(/^[\w-]{100,}$/), expires_in: 7200 })
    expect((await post(`${base}/cgi-bin/stable_token`, JSON.stringify({ ...body, force_refresh: false }))).json.access_token).toBe(first.json.access_token)
    const forced = await post(`${base}/cgi-bin/stable_token`, JSON.stringify({ ...body, force_refresh: true }))
    expect(forced.json.access_token).not.toBe(first.json.access_token)
    const old = await post(`${base}/nontax/mocknotification?access_token=${String(first.json.access_token)}`, '{}')
    expect(old.json.errcode).toBe(40001)
    expect(app.emulator.calls().filter(c => c.path === '/cgi-bin/stable_token').map(c => c.errcode)).toEqual([0, 0, 0])
  })

  it.each([
    ['unknown appid', (a: Acc) => ({ grant_type: 'client_credential', appid: 'wx0000000000000000', secret: a.appsecret }), 40013, 'invalid appid'],
    ['wrong secret', (a: Acc) => ({ grant_type: 'client_credential', appid: a.appid, secret: 'f'.repeat(32) }), 40125, 'invalid appsecret'],
    ['bad grant_type', (a: Acc) => ({ grant_type: 'password', appid: a.appid, secret: a.appsecret }), 40002, 'invalid grant_type'],
    ['missing appid', (a: Acc) => ({ grant_type: 'client_credential', secret: a.appsecret }), 41002, 'appid missing'],
    ['missing secret', (a: Acc) => ({ grant_type: 'client_credential', appid: a.appid }), 41004, 'appsecret missing'],
    ['malformed JSON', () => '{"grant_type":', 47001, 'data format error'],
    ['empty body', () => undefined, 44002, 'empty post data'],
  ])('%s answers %i like WeChat', async (_name, body, errcode, text) => {
    const { base, account } = await startEmulator()
    const b = body(account)
    const res = await post(`${base}/cgi-bin/stable_token`, typeof b === 'object' ? JSON.stringify(b) : b)
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ errcode, errmsg: expect.stringMatching(RID) })
    expect(res.json.errmsg).toMatch(new RegExp(`^${text} rid: `))
  })

  it('answers 40164 with the caller IP in WeChat\'s errmsg shape when the IP is not whitelisted', async () => {
    const { base, account } = await startEmulator({ ipWhitelist: ['203.0.113.9'] })
    const res = await post(`${base}/cgi-bin/stable_token`, JSON.stringify({ grant_type: 'client_credential', appid: account.appid, secret: account.appsecret }))
    expect(res.json.errcode).toBe(40164)
    expect(res.json.errmsg).toMatch(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: [0-9a-f-]{26}$/)
  })
})

type Acc = { appid: string; appsecret: string }

describe('emulator, other requests', () => {
  it('answers 43002 to GET on POST-only APIs and 404 without echoing the query elsewhere', async () => {
    const { base } = await startEmulator()
    expect(await get(`${base}/nontax/mocknotification?access_token=abc`)).toEqual({ errcode: 43002, errmsg: expect.stringMatching(/^require POST method rid: /) })
    expect(await get(`${base}/cgi-bin/stable_token`)).toMatchObject({ errcode: 43002 })
    const res = await request(`${base}/nontax/nosuchapi?access_token=sekrit-token-value`)
    expect(res.statusCode).toBe(404)
    expect(await res.body.text()).not.toContain('sekrit')
  })
})

describe('emulator GET /cgi-bin/token', () => {
  it('issues a new token per call and checks the secret', async () => {
    const { base, account } = await startEmulator()
    const q = `grant_type=client_credential&appid=${account.appid}`
    const a = await get(`${base}/cgi-bin/token?${q}&secret=${account.appsecret}`)
    const b = await get(`${base}/cgi-bin/token?${q}&secret=${account.appsecret}`)
    expect(a).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    expect(b.access_token).not.toBe(a.access_token)
    expect((await get(`${base}/cgi-bin/token?${q}&secret=nope`)).errcode).toBe(40125)
  })
})

describe('emulator /nontax/mocknotification', () => {
  async function setup (opts = {}) {
    const e = await startEmulator(opts)
    const t = await post(`${e.base}/cgi-bin/stable_token`, JSON.stringify({ grant_type: 'client_credential', appid: e.account.appid, secret: e.account.appsecret }))
    return { ...e, token: String(t.json.access_token) }
  }

  it.each([
    ['no access_token', { query: '' }, 41001, 'access_token missing'],
    ['unknown access_token', { query: '?access_token=nosuchtoken' }, 40001, 'invalid credential, access_token is invalid or not latest'],
    ['malformed JSON', { body: '{"appid":' }, 47001, 'data format error'],
    ['empty body', { body: '' }, 44002, 'empty post data'],
    ['missing appid', { body: { url: 'https://example.com/n', version: 1 } }, 41002, 'appid missing'],
    ['appid of another account', { body: { appid: 'wx1111111111111111', url: 'https://example.com/n', version: 1 } }, 40013, 'invalid appid'],
    ['url missing', { body: { appid: '$appid', version: 1 } }, 40097, 'invalid args'],
    ['url not http(s)', { body: { appid: '$appid', url: 'ftp://example.com/n', version: 1 } }, 40097, 'invalid args'],
    ['version not an integer', { body: { appid: '$appid', url: 'https://example.com/n', version: '1' } }, 40097, 'invalid args'],
  ])('%s answers %i and sends nothing', async (_name, c: { query?: string; body?: string | object }, errcode, text) => {
    const { base, account, token, app } = await setup()
    const started: unknown[] = []
    app.emulator.events.on('trigger', t => started.push(t))
    const query = c.query ?? `?access_token=${token}`
    const body = typeof c.body === 'object' ? JSON.stringify(c.body).replace('$appid', account.appid) : (c.body ?? '{}')
    const res = await post(`${base}/nontax/mocknotification${query}`, body)
    expect(res.json).toEqual({ errcode, errmsg: expect.stringMatching(new RegExp(`^${text.replace(/[(),]/g, '\\$&')} rid: `)) })
    expect(app.emulator.calls().at(-1)).toMatchObject({ path: '/nontax/mocknotification', errcode })
    // Closing runs every response's hooks to the end and waits for (aborting) any delivery started:
    // one sent by mistake is then a trigger and a report here, however slow its target.
    await app.close()
    expect(started).toEqual([])
    expect(app.emulator.reports()).toEqual([])
  })

  it('answers 42001 once the tokens have expired', async () => {
    const { base, account, token, app } = await setup()
    app.emulator.expireTokens()
    const res = await post(`${base}/nontax/mocknotification?access_token=${token}`, JSON.stringify({ appid: account.appid, url: 'https://example.com/n', version: 1 }))
    expect(res.json).toEqual({ errcode: 42001, errmsg: expect.stringMatching(/^access_token expired rid: /) })
  })

  it('answers 40164 to a caller outside the whitelist even with a valid token', async () => {
    const { base, account, token, app } = await setup()
    app.emulator.setIpWhitelist(['198.51.100.1'])
    const res = await post(`${base}/nontax/mocknotification?access_token=${token}`, JSON.stringify({ appid: account.appid, url: 'https://example.com/n', version: 1 }))
    expect(res.json).toEqual({ errcode: 40164, errmsg: expect.stringMatching(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: /) })
  })
})
