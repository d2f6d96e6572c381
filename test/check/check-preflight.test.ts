import { describe, expect, it } from 'vitest'
import { runCheck } from '../../src/cli/check.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { captureIo, testSecrets } from './helpers/secrets.js'

describe('check uses the shared preflight and speaks the chosen language', () => {
  it('prints the preflight checklist on stderr (flags named as such), never on stdout with --json', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    try {
      const c = captureIo({ WECHAT_APPID: secrets.appid, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey })
      expect(await runCheck(['--target', h.url, '--token', secrets.token], c.io)).toBe(0)
      expect(c.err()).toMatch(/^preflight:/)
      expect(c.err()).toMatch(/ok {2}NONTAX_TOKEN \S+ \(fingerprint\) · from a flag/)
      expect(c.err()).not.toContain(secrets.token)
      const j = captureIo({ WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey })
      expect(await runCheck(['--target', h.url, '--json'], j.io)).toBe(0)
      expect(() => JSON.parse(j.out()) as unknown).not.toThrow()
      expect(j.err()).toBe('')
    } finally { await h.app.close() }
  })

  it('a misspelled variable stops check with exit 2, through the shared preflight', async () => {
    const c = captureIo({ NONTAX_TOKN: 'abc' })
    expect(await runCheck(['--target', 'http://127.0.0.1:9/notify'], c.io)).toBe(2)
    expect(c.err()).toContain('NONTAX_TOKN')
    expect(c.out()).toBe('')
  })

  it('under zh: missing secrets, bad --target and bad --timeout-ms are Chinese, exit 2', async () => {
    const c = { ...captureIo({ WECHAT_APPID: 'wx1234567890abcdef' }) }
    const io = { ...c.io, lang: 'zh' as const }
    expect(await runCheck(['--target', 'http://127.0.0.1:9/notify'], io)).toBe(2)
    expect(c.err()).toContain('check 需要你的处理程序所用的密钥')
    expect(c.err()).toContain('未设置：NONTAX_TOKEN（或 --token）、NONTAX_ENCODING_AES_KEY（或 --aes-key）。')
    const t = captureIo({})
    expect(await runCheck(['--target', 'ftp://x'], { ...t.io, lang: 'zh' })).toBe(2)
    expect(t.err()).toContain('check：--target 必须是你的处理程序的 http(s) 地址')
    const m = captureIo({})
    expect(await runCheck(['--target', 'http://127.0.0.1:9/n', '--timeout-ms', '5'], { ...m.io, lang: 'zh' })).toBe(2)
    expect(m.err()).toContain('--timeout-ms 必须是 100-600000 之间的整数（收到的是 "5"）')
  })
})
