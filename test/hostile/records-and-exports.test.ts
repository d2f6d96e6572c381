import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMain } from '../helpers/main-io.js'
import { startServe } from '../helpers/serve-process.js'
import { http, signed } from './corpus.js'
import { answersIn, exchange, startHostileReceiver } from './receiver-harness.js'

type Receiver = Awaited<ReturnType<typeof startHostileReceiver>>
let rx: Receiver
beforeAll(async () => { rx = await startHostileReceiver() })
afterAll(async () => { await rx.close() })

const order = () => ({ appid: rx.ctx.secrets.appid, order_id: 'EXP-1', status: 3 })

describe('exports never aim where the sender says', () => {
  it('export --curl targets the recorded listener, not Host or X-Forwarded-Proto, and stays an http(s) request', async () => {
    const d = signed(rx.ctx, order(), { nonce: 'exportnonce00001' })
    const bytes = http(rx.ctx, { query: new URLSearchParams(d.query).toString(), headers: { Host: 'evil.example:70', 'X-Forwarded-Proto': '-K/etc/passwd gopher', 'Content-Type': d.contentType }, body: d.body })
    await exchange(rx.port, bytes, true)
    const out = await runMain(['captures', 'export', 'exportnonce00001', '--curl'], rx.env)
    expect(out.code, out.err).toBe(0)
    expect(out.out).toContain(`--url 'http://127.0.0.1:${rx.port}${rx.config.notifyPath}?`)
    expect(out.out).toContain('--proto =http,https')
    expect(out.out).not.toMatch(/evil\.example|gopher|-K/)
    // Run as documented (| bash): it reaches our receiver, which answers the same delivery again.
    // (async: the receiver answering it runs in this process)
    const { stdout: answer } = await promisify(execFile)('bash', ['-c', out.out], { encoding: 'utf8' })
    expect(JSON.parse(answer)).toMatchObject({ errcode: 0 })
  })

  it.each(['gopher://127.0.0.1:6379/_SET', '-K/etc/passwd', 'file:///etc/passwd', 'http://user:pw@127.0.0.1:1/', 'ftp://127.0.0.1/'])('--to %s is refused (exit 2, naming the fix)', async to => {
    const out = await runMain(['captures', 'export', 'last', '--curl', `--to=${to}`], rx.env)
    expect(out.code).toBe(2)
    expect(out.err).toContain('--to must be an http:// or https:// URL with a host')
    expect(out.out).toBe('')
  })
})

describe('the recorded answer is the one on the wire', () => {
  it('a valid delivery followed by garbage on the same connection: the client gets the recorded 200/0, the garbage gets nothing', async () => {
    const d = signed(rx.ctx, { ...order(), order_id: 'WIRE-1' }, { nonce: 'wirenonce0000001' })
    const valid = http(rx.ctx, { query: new URLSearchParams(d.query).toString(), headers: { 'Content-Type': d.contentType }, body: d.body })
    const raw = await exchange(rx.port, Buffer.concat([valid, Buffer.from('\u0000\u0001garbage\r\n\r\n')]), false)
    const answers = answersIn(raw)
    expect(answers.map(a => a.status)).toEqual([200])
    const [rec] = (await rx.store.list({ limit: 1 }))
    expect(rec?.wxnontaxstr).toBe('wirenonce0000001')
    expect(JSON.parse(answers[0]?.body ?? '')).toMatchObject({ errcode: rec?.answer.body.errcode })
    expect(rec?.answer).toMatchObject({ status: 200, body: { errcode: 0 } })
  })
})

describe('poison records', () => {
  it('a crafted or record-shaped bad line is skipped and named by line; list and show still work', async () => {
    const file = join(rx.captureDir, 'captures-2020-01-01.ndjson')
    mkdirSync(rx.captureDir, { recursive: true })
    appendFileSync(file, [
      '{"id":"20200101-000000-aaaaaa","receivedAt":"2020-01-01T00:00:00.000Z","answer":{"body":{"errcode":0}}}',
      '{"id":"x","receivedAt":"2020-01-01T00:00:01.000Z","answer":{"status":200,"body":{"errcode":0,"errmsg":"ok"}},"inspection":{"errcode":0,"warnings":[],"payload":{"order_id":{"toString":1,"valueOf":1},"status":1}}}',
      '[1,2,3]',
      'not json at all \u001b[2J',
    ].join('\n') + '\n')
    const list = await runMain(['captures', 'list', '--limit', '5000'], rx.env)
    expect(list.code).toBe(0)
    expect(list.err).toMatch(/skipped 4 unreadable capture line\(s\).*First: captures-2020-01-01\.ndjson line 1: /)
    const show = await runMain(['captures', 'show', 'last'], rx.env)
    expect(show.code, show.err).toBe(0)
  })

  it('a signed delivery whose order_id is {"toString":1,"valueOf":1} is recorded, listed and indexed', async () => {
    const d = signed(rx.ctx, { ...order(), order_id: { toString: 1, valueOf: 1 } }, { nonce: 'toStringnonce001' })
    for (let i = 0; i < 2; i++) await exchange(rx.port, http(rx.ctx, { query: new URLSearchParams(d.query).toString(), headers: { 'Content-Type': d.contentType }, body: d.body }), true)
    const list = await runMain(['captures', 'list', '--limit', '3'], rx.env)
    expect(list.code, list.err).toBe(0)
    expect(list.out).toContain('order={"toString":1,"valueOf":1}/3')
    expect(list.out).toContain('duplicate-of=')
  })
})

describe('serve starts over a poisoned CAPTURE_DIR', () => {
  it('a crafted errcode-0 line with a poison order_id does not keep serve from starting', async () => {
    const s = await startServe({ env: { CAPTURE_DIR: rx.captureDir, INSPECTOR_PORT: '0' } })
    const res = await request(s.url.replace(/\/nontax\/notify.*$/, '/healthz'))
    expect(res.statusCode).toBe(200)
    await res.body.dump()
    expect(s.output()).toMatch(/skipped \d+ unreadable capture line/)
    s.signal('group', 'SIGTERM')
    await s.exited
  }, 60_000)
})
