import { describe, expect, it } from 'vitest'
import { loadConfig, ConfigError } from '../../src/config.js'
import { main } from '../../src/cli/dispatch.js'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { inspectDelivery } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { createProfile } from '../../src/profiles/create.js'
import { namedDescriptor, namedProfileNames } from '../../src/profiles/named.js'
import { parseProfileSetting, profileFrom } from '../../src/profiles/resolve.js'
import { testSecrets } from '../check/helpers/secrets.js'

const secrets = testSecrets()
const NOW = 1_700_000_000_000

describe('profiles as data', () => {
  it.each(namedProfileNames())('%s: a delivery it frames verifies and decrypts under it, and a forged one is 300', (name) => {
    const profile = profileFrom(name)
    expect(profile.id).toBe(name)
    const payload = { appid: secrets.appid, order_id: 'P-1', status: 3, department_name: '财政局' }
    const d = buildDelivery({ payload, secrets, profile, nowMs: NOW })
    const input = { body: d.body, contentType: d.contentType, query: d.query, headers: d.headers }
    const ok = inspectDelivery(input, { secrets, profile, nowMs: NOW })
    expect(ok).toMatchObject({ errcode: 0, payload })
    const bad = buildDelivery({ payload, secrets, profile, nowMs: NOW, badSignature: true })
    const rejected = inspectDelivery({ body: bad.body, contentType: bad.contentType, query: bad.query, headers: bad.headers }, { secrets, profile, nowMs: NOW })
    expect(rejected).toMatchObject({ errcode: 300, reason: 'SIGNATURE_MISMATCH', decryption: { ok: true } })
    expect(rejected.signature?.cause).toEqual({ code: 'SIG_TOKEN_WRONG_BODY_INTACT' })
  })

  it('the default profile is the wxbizmsgcrypt descriptor, and its words name the algorithm', () => {
    const p = createWxBizMsgCryptProfile()
    expect(p.id).toBe('wxbizmsgcrypt')
    expect(p.words.signature).toBe('SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex')
    expect(p.words.cipher).toMatch(/^AES-256-CBC with base64 of the key \+ "="/)
  })

  it('a full descriptor string selects the same profile as its name', () => {
    const d = namedDescriptor('payv2-md5')
    const inline = createProfile(d!).id
    expect(inline).toBe('payv2-md5')
    const custom = { ...d!, name: undefined, signature: { ...d!.signature, encoding: 'hex' as const } }
    const p = createProfile(custom)
    expect(p.name).toBe('custom')
    expect(profileFrom(p.id).id).toBe(p.id)
  })

  it.each([
    ['an unknown name', 'nope', /no profile named "nope"; the named profiles are wxbizmsgcrypt, /],
    ['bad JSON', '{"body":', /NONTAX_PROFILE starts with "{" but is not valid JSON/],
    ['an ECB cipher with an IV', JSON.stringify({ ...namedDescriptor('payv2-md5'), cipher: { ...namedDescriptor('payv2-md5')!.cipher, iv: 'key' } }), /cipher.iv: AES-256-ECB has no IV/],
    ['a missing file', '@/nonexistent/profile.json', /cannot read \/nonexistent\/profile.json \(ENOENT\)/],
  ])('rejects %s, saying what is wrong', (_n, value, message) => {
    const s = parseProfileSetting(value)
    expect(s.ok).toBe(false)
    if (!s.ok) expect(s.problem).toMatch(message)
  })

  it('an invalid NONTAX_PROFILE stops loadConfig and every command with exit 2', async () => {
    expect(() => loadConfig({ NONTAX_PROFILE: 'nope' })).toThrow(ConfigError)
    for (const argv of [['serve'], ['run', '--once'], ['captures', 'list'], ['check', '--target', 'http://127.0.0.1:9/x']]) {
      const err: string[] = []
      const io = { out: () => {}, err: (t: string) => { err.push(t) }, env: { NONTAX_PROFILE: 'nope', WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey }, isTTY: false }
      expect(await main(argv, io), argv.join(' ')).toBe(2)
      expect(err.join('\n')).toMatch(/no profile named "nope"/)
    }
  })

  it('a key the profile cannot read is a configuration error naming the variable', () => {
    const hex = JSON.stringify({ ...namedDescriptor('nontax-data-hmac'), cipher: { ...namedDescriptor('nontax-data-hmac')!.cipher, key: { from: 'aesKey', as: 'hex' } } })
    expect(() => loadConfig({ NONTAX_PROFILE: hex, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey })).toThrow(/NONTAX_ENCODING_AES_KEY must be 64 hex characters/)
  })
})
