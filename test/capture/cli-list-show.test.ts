import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captures } from './helpers/io.js'
import { deliver, startReceiver, testEnv } from './helpers/receiver.js'

let dir: string
let env: Record<string, string>
const ids: Record<string, string> = {}

/** One receiver run, then a restart: everything below reads the history a previous process left. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'captures-cli-'))
  env = testEnv(dir)
  const rc = await startReceiver(env)
  const secrets = rc.config.secrets
  const crypto = await deliver(rc.notifyUrl, secrets)
  const signature = await deliver(rc.notifyUrl, secrets, { badSignature: true })
  const again = await deliver(rc.notifyUrl, secrets)
  expect([crypto.json.errcode, signature.json.errcode, again.json.errcode], crypto.text).toEqual([0, 300, 0])
  for (const r of await rc.store.list()) ids[r.wxnontaxstr === crypto.nonce ? 'crypto' : r.wxnontaxstr === signature.nonce ? 'signature' : 'duplicate'] = r.id
  await rc.close()
})
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

describe('captures list', () => {
  it('lists the deliveries recorded before the restart, newest first, one line each', async () => {
    const res = await captures(['list'], env)
    expect(res.code).toBe(0)
    const lines = res.out.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toContain(ids.duplicate)
    expect(lines[0]).toMatch(/errcode=0 .*sig=ok .*decrypt=ok .*order=ORD-1001\/3 .*duplicate-of=/)
    expect(lines[0]).toContain(`duplicate-of=${ids.crypto}`)
    expect(lines.find(l => l.includes(ids.signature!))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d .*[0-9a-f]{16}  signature  errcode=300\s+sig=bad\s+decrypt=ok\s+order=ORD-1001\/3$/)
    expect(lines.find(l => l.includes(ids.crypto!))).toMatch(/crypto .*errcode=0 /)
  })

  it('filters by errcode, order, limit and since, and prints NDJSON with --json', async () => {
    expect((await captures(['list', '--errcode', '300'], env)).out.split('\n')).toHaveLength(1)
    expect((await captures(['list', '--order', 'ORD-1001'], env)).out.split('\n')).toHaveLength(3)
    expect((await captures(['list', '--limit', '2'], env)).out.split('\n')).toHaveLength(2)
    expect((await captures(['list', '--since', '1h'], env)).out.split('\n')).toHaveLength(3)
    const future = await captures(['list', '--since', '2999-01-01'], env)
    expect(future).toMatchObject({ code: 0, out: '' })
    expect(future.err).toMatch(/no captures match \(3 in /)
    const json = (await captures(['list', '--json'], env)).out.split('\n').map(l => JSON.parse(l) as { id: string })
    expect(json.map(r => r.id)).toContain(ids.signature)
  })

  it('answers a bad option or verb with usage on stderr and exit 2', async () => {
    expect(await captures(['list', '--since', 'yesterdayish'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/--since must be a duration/) })
    expect(await captures(['frobnicate'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/unknown verb "frobnicate"[\s\S]*usage: captures/) })
    expect(await captures(['list', '--nope'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/usage: captures/) })
    expect(await captures([], env)).toMatchObject({ code: 2, err: expect.stringMatching(/usage: captures/) })
    expect(await captures(['show'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/show needs a capture: an ID \(or any unique part of it\), a wxnontaxstr, an order_id, or last/) })
    expect(await captures(['prune'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/--older-than/) })
  })
})

describe('captures show', () => {
  it('lays out the signature test delivery for a person', async () => {
    const res = await captures(['show', ids.signature!], env)
    expect(res.code).toBe(0)
    for (const part of [
      `capture ${ids.signature}`, 'request    POST /nontax/notify?wxnontaxstr=', 'test       signature',
      '\nheaders\n  host: 127.0.0.1:', 'content-type: application/json', '\nbody (', '"encrypt":"',
      'signature  FAILED (SIGNATURE_MISMATCH)', 'by        SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt', '<token>', 'decryption ok',
      '\nplaintext\n  {\n    "order_id": "ORD-1001"', '"user_name": "张三"', 'answer (HTTP 200)', '"errcode": 300',
      'verdict    errcode 300 SIGNATURE_MISMATCH',
    ]) expect(res.out).toContain(part)
  })

  it('finds a capture by unique prefix, prints JSON with --json, and says when an ID is unknown', async () => {
    const byPrefix = await captures(['show', ids.duplicate!.slice(0, -1)], env)
    expect(byPrefix.out).toContain(`duplicate  of ${ids.crypto}`)
    expect(JSON.parse((await captures(['show', ids.crypto!, '--json'], env)).out)).toMatchObject({ id: ids.crypto, answer: { body: { errcode: 0 } } })
    expect(await captures(['show', 'no-such-id'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/no capture matches "no-such-id" in .*give an ID \(or any unique part of it\), a wxnontaxstr, an order_id, or last/) })
  })

  it('never prints the token or the EncodingAESKey', async () => {
    for (const argv of [['list'], ['list', '--json'], ['show', ids.crypto!], ['show', ids.signature!, '--json']]) {
      const res = await captures(argv, env)
      expect(res.out + res.err).not.toContain(env.NONTAX_TOKEN)
      expect(res.out + res.err).not.toContain(env.NONTAX_ENCODING_AES_KEY)
    }
  })
})
