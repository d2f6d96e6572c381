import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { captures } from './helpers/io.js'
import { deliver, startReceiver, testEnv } from './helpers/receiver.js'

let dir: string
let env: Record<string, string>
let goodId: string
let misconfiguredId: string
const wrongKey = randomAlnum(43)

/**
 * Two recordings: one decoded with the right key (0), and one that arrived while the receiver
 * was configured with the wrong EncodingAESKey (298), the "was my key wrong?" case.
 */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'captures-verify-'))
  env = testEnv(dir)
  const good = await startReceiver(env)
  const ok = await deliver(good.notifyUrl, good.config.secrets)
  expect(ok.json.errcode).toBe(0)
  goodId = (await good.store.list())[0]!.id
  await good.close()
  const bad = await startReceiver({ ...env, NONTAX_ENCODING_AES_KEY: wrongKey })
  const rejected = await deliver(bad.notifyUrl, { ...bad.config.secrets, encodingAESKey: env.NONTAX_ENCODING_AES_KEY! })
  expect(rejected.json.errcode).toBe(298)
  misconfiguredId = (await bad.store.list({ errcode: 298 }))[0]!.id
  await bad.close()
})
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

describe('captures verify', () => {
  it('with a wrong key shows 298 and the reason', async () => {
    const res = await captures(['verify', goodId, '--aes-key', wrongKey], env)
    expect(res.code).toBe(0)
    expect(res.out).toContain('recorded    errcode 0  accepted')
    expect(res.out).toMatch(/now {9}errcode 298 {2}(PADDING_INVALID|DECLARED_LENGTH_INVALID|APPID_MISMATCH): /)
    expect(res.out).toMatch(/change {6}0 → 298: the EncodingAESKey from --aes-key does not decrypt it/)
    expect(res.out).toMatch(/decryption  ok → failed \((PADDING_INVALID|DECLARED_LENGTH_INVALID|APPID_MISMATCH)\)/)
    expect(res.out).not.toContain('plaintext')
    expect(res.out).toContain('EncodingAESKey from --aes-key (set, 43 chars)')
    expect(res.out + res.err).not.toContain(wrongKey)
  })

  it('with the right key shows the plaintext of a delivery that was answered 298', async () => {
    const recorded = await captures(['verify', misconfiguredId, '--aes-key', wrongKey], env)
    expect(recorded.out).toMatch(/change      no change: errcode 298 both times \((PADDING_INVALID|DECLARED_LENGTH_INVALID|APPID_MISMATCH)\)/)
    const res = await captures(['verify', misconfiguredId], env)
    expect(res.out).toContain('recorded    errcode 298')
    expect(res.out).toContain('now         errcode 0  accepted')
    expect(res.out).toContain('change      298 → 0: the EncodingAESKey from NONTAX_ENCODING_AES_KEY decrypts it')
    expect(res.out).toContain('\nplaintext\n  {\n    "order_id": "ORD-1001",\n    "status": 3,')
    expect(res.out + res.err).not.toContain(env.NONTAX_ENCODING_AES_KEY)
    expect(res.out + res.err).not.toContain(env.NONTAX_TOKEN)
  })

  it('explains a wrong token as a signature failure, and never prints the given token', async () => {
    const token = randomAlnum(32)
    const res = await captures(['verify', goodId, '--token', token], env)
    expect(res.out).toMatch(/change {6}0 → 300: the token from --token does not match the signature\n/)
    expect(res.out).toContain('SIGNATURE_MISMATCH: the ciphertext is intact (it decrypts with your key), so the token is wrong')
    expect(res.out + res.err).not.toContain(token)
  })

  it('refuses to run without NONTAX_TOKEN (exit 2) unless --demo-keys is given', async () => {
    const { NONTAX_TOKEN: _t, ...rest } = env
    const res = await captures(['verify', goodId], rest)
    expect(res.code).toBe(2)
    expect(res.err).toContain('captures verify needs the secrets WeChat signs and encrypts with, and NONTAX_TOKEN (or --token) is not set.')
    expect(res.err).toContain('or pass --demo-keys')
  })

  it('says "recorded with other keys" when the key in use is not the one the capture was received with', async () => {
    const res = await captures(['verify', goodId, '--aes-key', wrongKey], env)
    expect(res.out).toContain('recorded with other keys: the EncodingAESKey in use now differ from the ones this delivery was received with')
    expect((await captures(['verify', goodId], env)).out).not.toContain('recorded with other keys')
  })

  it('uses the recorded appid when WECHAT_APPID is not set, and says where each secret came from (--demo-keys)', async () => {
    const { WECHAT_APPID: appid, NONTAX_TOKEN: _t, ...rest } = env
    const res = await captures(['verify', goodId, '--demo-keys'], rest)
    expect(res.out).toContain(`appid ${appid} from the recorded delivery`)
    expect(res.out).toContain('token from a random value (NONTAX_TOKEN is not set; pass --token or set NONTAX_TOKEN)')
    expect(res.out).toContain('0 → 300')
  })

  it('rejects a malformed --aes-key with usage (exit 2), without echoing it', async () => {
    const res = await captures(['verify', goodId, '--aes-key', 'short-key-value'], env)
    expect(res).toMatchObject({ code: 2, err: expect.stringMatching(/--aes-key must be the 43-character EncodingAESKey .* got 15 characters/) })
    expect(res.err).not.toContain('short-key-value')
  })
})
