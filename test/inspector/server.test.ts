import { EventEmitter } from 'node:events'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { pino } from 'pino'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError } from '../../src/config.js'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import { startInspector, type StartedInspector } from '../../src/inspector/start.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'
import { logSink } from '../helpers/log-sink.js'
import { startInspectedRun, type InspectedRun } from './helpers/run.js'

let run: InspectedRun
let base: string
let cryptoId: string

beforeAll(async () => {
  run = await startInspectedRun()
  base = run.inspector.url.replace(/\/$/, '')
  const v = await run.loop.run()
  cryptoId = v.rows[0]?.captureId ?? ''
})
afterAll(async () => { await run?.close() })

const post = (path: string, headers: Record<string, string>, body = '{}') =>
  request(base + path, { method: 'POST', headers, body }).then(async r => ({ status: r.statusCode, json: await r.body.json() as { error?: string; message?: string } }))
const JSON_HEADERS = { 'content-type': 'application/json', 'x-inspector': '1' }

describe('the inspector listener', () => {
  it('is bound to 127.0.0.1 only, and prints its URL in the log', () => {
    const addr = run.inspector.app.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
    const line = run.sink.lines().find(l => l.inspectorUrl)
    expect(line?.msg).toBe(`inspector: open ${run.inspector.url} to watch deliveries live, replay, tamper and edit them (loopback only; INSPECTOR_PORT=0 turns it off)`)
  })

  it('cannot be reached on the machine\'s other addresses', async () => {
    const port = Number(new URL(run.inspector.url).port)
    const others = Object.values(networkInterfaces()).flat().filter(a => a && !a.internal && a.family === 'IPv4').map(a => a!.address)
    // With no non-loopback address on this machine the bind address above is the whole proof.
    for (const address of others) {
      const outcome = await new Promise<string>(resolve => {
        const s = connect({ host: address, port }, () => { s.destroy(); resolve('connected') })
        s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
      })
      expect(outcome, `${address}:${port}`).toBe('ECONNREFUSED')
    }
  })

  it('serves the page with a strict CSP, and only the files of its fixed table', async () => {
    const page = await request(base + '/')
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/)
    expect(await page.body.text()).toContain('<script type="module" src="/app.js"></script>')
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/public/app.js', '/app.ts', '/index.html']) {
      const res = await request(base + path)
      await res.body.dump()
      expect(res.statusCode, path).toBe(404)
    }
  })

  it('answers only under the names 127.0.0.1 and localhost (a DNS-rebinding page gets 421)', async () => {
    const res = await request(base + '/api/captures', { headers: { host: 'attacker.example:' + new URL(base).port } })
    expect(res.statusCode).toBe(421)
    expect((await res.body.json() as { error: string }).error).toBe('INSPECTOR_BAD_HOST')
  })

  it('refuses actions from another origin, from a form, or without the custom header', async () => {
    const path = `/api/captures/${cryptoId}/replay`
    expect(await post(path, { ...JSON_HEADERS, origin: 'http://attacker.example' })).toMatchObject({ status: 403, json: { error: 'INSPECTOR_CROSS_ORIGIN' } })
    expect(await post(path, { ...JSON_HEADERS, 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403, json: { error: 'INSPECTOR_CROSS_ORIGIN' } })
    expect(await post(path, { 'content-type': 'application/x-www-form-urlencoded', 'x-inspector': '1' }, 'a=1')).toMatchObject({ status: 415, json: { error: 'INSPECTOR_NEEDS_JSON' } })
    expect(await post(path, { 'content-type': 'application/json' })).toMatchObject({ status: 415, json: { error: 'INSPECTOR_NEEDS_JSON' } })
    expect((await run.loop.app.nontax.store.list()).length).toBe(2)
  })

  it('re-verifies with typed secrets without echoing them, and without the signature they would produce', async () => {
    const typed = { token: 'TypedToken98765', aesKey: 'A'.repeat(43) }
    const res = await request(`${base}/api/captures/${cryptoId}/verify`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(typed) })
    const text = await res.body.text()
    expect(res.statusCode).toBe(200)
    expect(JSON.parse(text)).toMatchObject({ recordedErrcode: 0, errcode: 300 })
    expect(JSON.parse(text).signature.expected).toBeUndefined()
    for (const s of [typed.token, typed.aesKey, run.config.secrets.token, run.config.secrets.encodingAESKey]) expect(text).not.toContain(s)
    expect(run.sink.text()).not.toContain(typed.token)
  })

  it('serves the admin routes on this listener', async () => {
    const res = await request(base + '/_captures')
    const list = await res.body.json() as Array<{ id: string }>
    expect(list.map(r => r.id)).toContain(cryptoId)
  })

  it('answers an unknown capture with a coded 404', async () => {
    const res = await request(base + '/api/captures/nope')
    expect(res.statusCode).toBe(404)
    expect(await res.body.json()).toEqual({ error: 'INSPECTOR_NOT_FOUND', message: 'no capture "nope" in this run\'s capture store; reload the list' })
  })
})

describe('INSPECTOR_PORT', () => {
  it('defaults to 4041; 0 is off; auto asks for any free port; anything else is a configuration error', () => {
    expect(testConfig().inspectorPort).toBe(4041)
    expect(testConfig({ INSPECTOR_PORT: '0' }).inspectorPort).toBe(0)
    expect(testConfig({ INSPECTOR_PORT: 'auto' }).inspectorPort).toBe('auto')
    expect(() => testConfig({ INSPECTOR_PORT: '70000' })).toThrow(ConfigError)
    expect(() => testConfig({ INSPECTOR_PORT: 'http://x' })).toThrow(/INSPECTOR_PORT must be a port 1-65535, 0 \(off\) or auto/)
  })

  it('0 starts nothing; a busy port is a warning naming the fix, and the receiver goes on', async () => {
    const sink = logSink()
    const deps = { store: createMemoryStore(10), events: new EventEmitter(), secrets: run.config.secrets, profile: createWxBizMsgCryptProfile(), logger: pino({ level: 'info' }, sink.stream) }
    expect(await startInspector(0, deps)).toBeUndefined()
    const port = Number(new URL(run.inspector.url).port)
    const second: StartedInspector | undefined = await startInspector(port, deps)
    expect(second).toBeUndefined()
    expect(sink.lines().map(l => l.msg)).toEqual([
      'inspector: off (INSPECTOR_PORT=0)',
      `inspector: port ${port} on 127.0.0.1 is already in use (another run still open?); the receiver goes on without it. Stop the other run, or set INSPECTOR_PORT to a free port (or "auto")`,
    ])
  })
})
