import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { render } from '../../src/messages/render.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import { captures } from './helpers/io.js'
import { deliver, startReceiver, testEnv, type Receiver } from './helpers/receiver.js'

const run = promisify(execFile)

let dir: string
let env: Record<string, string>
let rc: Receiver
let cryptoId: string
let signatureId: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'captures-replay-'))
  env = testEnv(dir)
  rc = await startReceiver(env)
  const c = await deliver(rc.notifyUrl, rc.config.secrets)
  const s = await deliver(rc.notifyUrl, rc.config.secrets, { badSignature: true })
  expect([c.json.errcode, s.json.errcode], `${c.text}\n${s.text}`).toEqual([0, 300])
  const byNonce = new Map((await rc.store.list()).map(r => [r.wxnontaxstr, r.id]))
  cryptoId = byNonce.get(c.nonce)!
  signatureId = byNonce.get(s.nonce)!
})
afterAll(async () => {
  await rc.close()
  await rm(dir, { recursive: true, force: true })
})

const newest = async (): Promise<CaptureRecord> => (await rc.store.list({ limit: 1 }))[0]!

describe('captures replay', () => {
  it('reproduces a failure answer byte for byte against the same receiver', async () => {
    const res = await captures(['replay', signatureId, '--to', rc.origin], env)
    expect(res.code).toBe(0)
    expect(res.out).toContain('compared    byte-identical to the recorded answer')
    const original = await rc.store.get(signatureId)
    const replayed = await newest()
    expect(replayed.id).not.toBe(signatureId)
    expect(replayed.body.sha256).toBe(original!.body.sha256)
    expect(replayed.url).toBe(original!.url)
  })

  it('for a success answer compares errcode and decrypted data, and says why the bytes differ', async () => {
    const res = await captures(['replay', cryptoId, '--to', rc.origin + rc.config.notifyPath], env)
    expect(res.out).toContain('compared    same errcode 0 and the same decrypted data; the bytes differ only because a success answer carries a fresh nonce')
    // Replaying a paid notification is a retry: answered 0 again, flagged as a duplicate.
    expect((await newest()).duplicateOf).toBe(cryptoId)
  })

  it.each([
    ['signature', 300, /msg_signature: character 1 changed/],
    ['timestamp', 300, /timestamp: \d+ → \d+/],
    ['body', 300, /ciphertext: one base64 character changed/],
    ['appid', 0, /envelope appid: "wx[0-9a-f]{16}" → "wx[0-9a-f]{16}"/],
  ] as const)('--tamper %s gets errcode %i', async (tamper, errcode, change) => {
    const res = await captures(['replay', cryptoId, '--to', rc.origin, '--tamper', tamper], env)
    expect(res.code).toBe(0)
    expect(res.out).toMatch(change)
    expect(res.out).toContain(`result      as expected (errcode ${errcode})`)
    const recorded = await newest()
    expect(recorded.answer.body.errcode).toBe(errcode)
    if (tamper === 'appid') {
      expect(recorded.inspection.warnings.map(w => w.code)).toContain('WARN_APPID_DIFFERS')
      expect(recorded.inspection.warnings.map(w => render(w)).join('\n')).toMatch(/envelope appid .* differs from the configured WECHAT_APPID/)
    }
  })

  it('exits 1 when the answer differs from the recorded one (a receiver with other keys answers 300)', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'captures-replay-other-'))
    const other = await startReceiver(testEnv(otherDir))
    try {
      const res = await captures(['replay', cryptoId, '--to', other.origin], env)
      expect(res.code).toBe(1)
      expect(res.out).toContain('compared    different answer: errcode 0 → 300')
      expect(res.err).toContain('replay: the answer differs from what was expected (exit 1)')
    } finally {
      await other.close()
      await rm(otherDir, { recursive: true, force: true })
    }
  })

  it('says so when nothing answers at --to (exit 2: could not run), and needs --to (exit 2)', async () => {
    const res = await captures(['replay', cryptoId, '--to', 'http://127.0.0.1:1'], env)
    expect(res).toMatchObject({ code: 2, err: expect.stringMatching(/could not send to http:\/\/127\.0\.0\.1:1: ECONNREFUSED .*is the receiver running there/) })
    expect(await captures(['replay', cryptoId], env)).toMatchObject({ code: 2, err: expect.stringMatching(/replay needs --to URL/) })
    expect(await captures(['replay', cryptoId, '--to', rc.origin, '--tamper', 'nonce'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/--tamper must be one of signature, body, timestamp, appid/) })
  })
})

describe('captures export', () => {
  it('--curl prints a command that, run by bash, reproduces the delivery at the receiver', async () => {
    const res = await captures(['export', signatureId, '--curl'], env)
    expect(res.code).toBe(0)
    const { stdout } = await run('bash', ['-c', res.out], { timeout: 10_000 })
    expect(JSON.parse(stdout)).toEqual((await rc.store.get(signatureId))!.answer.body)
    const original = (await rc.store.get(signatureId))!
    const again = await newest()
    expect(again.id).not.toBe(signatureId)
    expect({ url: again.url, sha256: again.body.sha256, contentType: again.contentType }).toEqual({ url: original.url, sha256: original.body.sha256, contentType: original.contentType })
  })

  it('--curl keeps exact bytes that need quoting (quotes, newline, UTF-8) through base64', async () => {
    const body = Buffer.from("<xml>\n  <Encrypt>it's 缴费 $HOME `x`</Encrypt>\n</xml>", 'utf8')
    const sent = await request(`${rc.notifyUrl}?wxnontaxstr=00ff00ff00ff00ff&timestamp=1&msg_signature=abc`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body })
    await sent.body.text()
    const original = await newest()
    expect(original.body.text).toBe(body.toString('utf8'))
    const res = await captures(['export', original.id, '--curl'], env)
    expect(res.out).toMatch(/^printf %s '[A-Za-z0-9+/=]+' \| base64 -d \| curl -sS/)
    await run('bash', ['-c', res.out], { timeout: 10_000 })
    const again = await newest()
    expect(again.id).not.toBe(original.id)
    expect(again.body.sha256).toBe(original.body.sha256)
    expect(again.answer.body).toEqual(original.answer.body)
  })

  it('--har prints a HAR 1.2 log with the request and the recorded answer', async () => {
    const res = await captures(['export', cryptoId, '--har'], env)
    const har = JSON.parse(res.out)
    const r = (await rc.store.get(cryptoId))!
    expect(har.log.version).toBe('1.2')
    const e = har.log.entries[0]
    expect(e.request).toMatchObject({ method: 'POST', url: `${rc.origin}${r.url}`, postData: { mimeType: 'application/json', text: r.body.text } })
    expect(e.request.queryString).toContainEqual({ name: 'wxnontaxstr', value: r.wxnontaxstr })
    expect(JSON.parse(e.response.content.text)).toEqual(r.answer.body)
    expect(await captures(['export', cryptoId], env)).toMatchObject({ code: 2, err: expect.stringMatching(/exactly one of --curl or --har/) })
  })
})
