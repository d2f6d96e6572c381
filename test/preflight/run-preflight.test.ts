import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoSecrets } from '../../src/config.js'
import { buildEmulator, type EmulatorInstance } from '../../src/emulator/app.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { fingerprint } from '../../src/preflight/keys.js'
import { DEAD_NGROK_API } from '../helpers/config.js'
import { freePort, listenLoopback } from '../helpers/listen.js'
import { runMain } from '../helpers/main-io.js'

/**
 * Each preflight failure through the real CLI entry (main() in process), against an emulator
 * playing real WeChat on loopback. WAIT_TIMEOUT_MS is 60 s: a run that waited for deliveries
 * instead of stopping in the preflight would fail the 20 s test timeout.
 */
let dir: string
let d: ReturnType<typeof demoSecrets>
let emulator: EmulatorInstance
let apiBase: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preflight-'))
  d = demoSecrets()
  emulator = await buildEmulator({ accounts: [{ appid: d.appid, appsecret: d.appsecret, secrets: d }], profile: createWxBizMsgCryptProfile() })
  apiBase = await listenLoopback(emulator)
})
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

function realEnv (extra: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: 'silent', LOG_FORMAT: 'json', CAPTURE_DIR: join(dir, 'captures'), MAX_EVENT_LOOP_DELAY_MS: '60000', WAIT_TIMEOUT_MS: '60000',
    WECHAT_APPID: d.appid, WECHAT_APPSECRET: d.appsecret, NONTAX_TOKEN: d.token, NONTAX_ENCODING_AES_KEY: d.encodingAESKey,
    WECHAT_API_BASE: apiBase, NGROK_API_URL: DEAD_NGROK_API, PORT: '0', ...extra,
  }
}

const wechatCalled = () => emulator.emulator.calls().some(c => c.path === '/nontax/mocknotification')

async function fakeNgrokAgent (tunnels: Array<{ public_url: string; addr: string }>): Promise<string> {
  const app = Fastify()
  app.get('/api/tunnels', async () => ({ tunnels: tunnels.map(t => ({ public_url: t.public_url, config: { addr: t.addr } })) }))
  return listenLoopback(app)
}

describe('preflight before WeChat is called (exit 2, says which)', () => {
  it('a misspelled variable in .env stops the run with a did-you-mean', async () => {
    const r = await runMain(['run', '--once'], { ...realEnv(), NONTAX_AES_KEY: d.encodingAESKey }, { fromFile: new Set(['NONTAX_AES_KEY']) })
    expect(r.code).toBe(2)
    expect(r.err).toContain('NONTAX_AES_KEY (in .env) is not a variable nontax-debugger reads: did you mean NONTAX_ENCODING_AES_KEY?')
    expect(r.err).not.toContain(d.encodingAESKey)
    expect(wechatCalled()).toBe(false)
  })

  it('a misspelled variable in the environment stops the emulator run too (it used to PASS with generated keys)', async () => {
    const r = await runMain(['run', '--once'], { LOG_LEVEL: 'silent', PORT: '0', CAPTURE_DIR: join(dir, 'c'), PUBLIC_URI: 'https://abc.ngrok-free.app' })
    expect(r.code).toBe(2)
    expect(r.err).toContain('PUBLIC_URI (in environment) is not a variable nontax-debugger reads: did you mean PUBLIC_URL?')
  })

  it('a path in PUBLIC_URL is an error showing the URL WeChat would have been given', async () => {
    const r = await runMain(['run', '--once'], realEnv({ PUBLIC_URL: 'https://abc.ngrok-free.app/nontax/notify' }))
    expect(r.code).toBe(2)
    expect(r.err).toContain('PUBLIC_URL must be an origin with no path (got "https://abc.ngrok-free.app/nontax/notify"): WeChat would have been given https://abc.ngrok-free.app/nontax/notify/nontax/notify. Set PUBLIC_URL=https://abc.ngrok-free.app')
  })

  it('plain http is refused for a public host', async () => {
    const r = await runMain(['run', '--once'], realEnv({ PUBLIC_URL: 'http://abc.ngrok-free.app' }))
    expect(r.code).toBe(2)
    expect(r.err).toContain('PUBLIC_URL must be the https address of your tunnel (got "http://abc.ngrok-free.app")')
  })

  it('a dead tunnel stops the run in seconds, before WeChat is called', async () => {
    const dead = await freePort()
    const r = await runMain(['run', '--once'], realEnv({ PUBLIC_URL: `http://127.0.0.1:${dead}` }))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(new RegExp(`^dead tunnel: a probe to http://127.0.0.1:${dead}/nontax/notify got no answer \\(ECONNREFUSED\\)`))
    expect(wechatCalled()).toBe(false)
  })

  it('a tunnel that reaches something else (a stale URL, another program) stops the run', async () => {
    const other = Fastify()
    const otherUrl = await listenLoopback(other)
    const r = await runMain(['run', '--once'], realEnv({ PUBLIC_URL: otherUrl }))
    expect(r.code).toBe(2)
    expect(r.err).toContain(`the tunnel does not reach this receiver: a probe to ${otherUrl}/nontax/notify was answered HTTP 404 by something else`)
    expect(wechatCalled()).toBe(false)
  })

  it('an ngrok agent forwarding to another port stops the run and names both ports', async () => {
    const agent = await fakeNgrokAgent([{ public_url: 'https://abc.ngrok-free.app', addr: 'http://localhost:1' }])
    const port = await freePort()
    const r = await runMain(['run', '--once'], realEnv({ NGROK_API_URL: agent, PORT: String(port) }))
    expect(r.code).toBe(2)
    expect(r.err).toContain(`wrong port: the ngrok tunnel https://abc.ngrok-free.app forwards to http://localhost:1, but this receiver listens on port ${port}. Restart ngrok with "ngrok http ${port}"`)
    expect(wechatCalled()).toBe(false)
  })

  it('a PUBLIC_URL that is not one of the running ngrok agent\'s tunnels is stale', async () => {
    const agent = await fakeNgrokAgent([{ public_url: 'https://new-one.ngrok-free.app', addr: 'http://localhost:3000' }])
    const r = await runMain(['run', '--once'], realEnv({ NGROK_API_URL: agent, PUBLIC_URL: 'https://old-one.ngrok-free.app' }))
    expect(r.code).toBe(2)
    expect(r.err).toContain(`stale PUBLIC_URL: https://old-one.ngrok-free.app is not a tunnel of the ngrok agent running at ${agent} (its tunnels: https://new-one.ngrok-free.app → http://localhost:3000)`)
    expect(wechatCalled()).toBe(false)
  })

  it('check stops on a misspelled secret name too, instead of saying the secret is not set', async () => {
    const r = await runMain(['check', '--target', 'http://127.0.0.1:9/notify'], { WECHAT_APPID: d.appid, NONTAX_TOKEN: d.token, NONTAX_ENCODING_AES_KEY: d.encodingAESKey, WECHAT_SECRET: 'x' })
    expect(r.code).toBe(2)
    expect(r.err).toContain('WECHAT_SECRET (in environment) is not a variable nontax-debugger reads: did you mean WECHAT_APPSECRET?')
  })

  it('serve refuses to start without NONTAX_TOKEN / NONTAX_ENCODING_AES_KEY unless --demo-keys', async () => {
    const r = await runMain(['serve'], { LOG_LEVEL: 'silent', PORT: '0', CAPTURE_DIR: join(dir, 'c') })
    expect(r.code).toBe(2)
    expect(r.err).toContain('serve needs the secrets WeChat signs and encrypts with, and NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY are not set.')
    expect(r.err).toContain('or pass --demo-keys')
  })
})

describe('preflight that passes', () => {
  it('probes the tunnel, shows keys by fingerprint and source (never the value), and the probe is not recorded', async () => {
    const port = String(await freePort())
    const env = realEnv({ PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` })
    const r = await runMain(['run', '--once'], env, { fromFile: new Set(['NONTAX_TOKEN', 'NONTAX_ENCODING_AES_KEY']) })
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const fp = fingerprint
    expect(r.out).toContain(`  ok  NONTAX_TOKEN ${fp(d.token)} (fingerprint) · from .env`)
    expect(r.out).toContain(`  ok  NONTAX_ENCODING_AES_KEY ${fp(d.encodingAESKey)} (fingerprint) · from .env`)
    expect(r.out).toContain(`  ok  WECHAT_APPSECRET ${fp(d.appsecret)} (fingerprint) · from the environment`)
    expect(r.out).toMatch(new RegExp(`ok  tunnel: a signed probe to http://127.0.0.1:${port}/nontax/notify reached this receiver in \\d+ ms`))
    expect(r.out).toContain('What this PASS means: real WeChat reached this receiver')
    for (const s of [d.token, d.encodingAESKey, d.appsecret]) expect(r.out).not.toContain(s)
    const list = await runMain(['captures', 'list', '--json'], { CAPTURE_DIR: join(dir, 'captures') })
    const records = list.out.split('\n').map(l => JSON.parse(l) as { test: string; keys: unknown })
    expect(records.map(x => x.test).sort()).toEqual(['crypto', 'signature'])
    expect(records[0]?.keys).toEqual({ token: fp(d.token), encodingAESKey: fp(d.encodingAESKey), scheme: 'scrypt' })
  })

  it('the emulator run with keys from .env does not claim they were generated', async () => {
    const r = await runMain(['run', '--once'], {
      LOG_LEVEL: 'silent', PORT: '0', CAPTURE_DIR: join(dir, 'c'), MAX_EVENT_LOOP_DELAY_MS: '60000',
      WECHAT_APPID: d.appid, NONTAX_TOKEN: d.token, NONTAX_ENCODING_AES_KEY: d.encodingAESKey,
    }, { fromFile: new Set(['WECHAT_APPID', 'NONTAX_TOKEN', 'NONTAX_ENCODING_AES_KEY']) })
    expect(r.code).toBe(0)
    const first = r.out.split('\n')[0]
    expect(first).toMatch(/^Running against the BUILT-IN WeChat EMULATOR/)
    expect(first).not.toMatch(/generated/i)
    expect(first).toContain('The appid and keys are yours')
    expect(r.out).toContain('What this PASS means: the built-in emulator and this receiver agree')
  })

  it('under --json a WeChat refusal is a JSON object on stdout and stderr holds JSON lines only', async () => {
    const port = String(await freePort())
    const r = await runMain(['run', '--json'], realEnv({ PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}`, WECHAT_APPSECRET: 'y'.repeat(32) }))
    expect(r.code).toBe(2)
    const out = JSON.parse(r.out) as { pass: boolean; error: { code: string; exitCode: number; message: string } }
    expect(out).toMatchObject({ pass: false, error: { code: 'WECHAT_ERRCODE', exitCode: 2 } })
    expect(out.error.message).toContain('40125')
    for (const line of r.err.split('\n').filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow()
  })
})
