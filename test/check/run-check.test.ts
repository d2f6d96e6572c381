import { describe, expect, it } from 'vitest'
import { runCheck } from '../../src/cli/check.js'
import type { CheckReport } from '../../src/check/types.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { captureIo, testSecrets } from './helpers/secrets.js'

const envOf = (s: ReturnType<typeof testSecrets>) => ({ WECHAT_APPID: s.appid, NONTAX_TOKEN: s.token, NONTAX_ENCODING_AES_KEY: s.encodingAESKey })

describe('runCheck (check --target URL)', () => {
  it('--json prints one parseable report; exit 0 when nothing FAILs; no secret in the output', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const c = captureIo(envOf(secrets))
    const code = await runCheck(['--target', h.url, '--json'], c.io)
    const report = JSON.parse(c.out()) as CheckReport
    expect(code).toBe(0)
    expect(report).toMatchObject({ target: h.url, profile: 'wxbizmsgcrypt', summary: { total: 23, fail: 0 } })
    expect(report.assumption).toMatch(/WeChat does not publish/)
    expect(report.classes).toHaveLength(23)
    expect(report.results.map(r => r.class)).toEqual(report.classes.map(x => x.name))
    for (const s of [secrets.token, secrets.encodingAESKey]) expect(c.out() + c.err()).not.toContain(s)
  })

  it('the table shows each class and FAIL reason; exit 1 matches the FAIL rows; no secret in the output', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const c = captureIo(envOf(secrets))
    const code = await runCheck(['--target', h.url], c.io)
    const out = c.out()
    const rows = out.split('\n').filter(l => /^\d+\s{2,}[a-z0-9-]+\s{2}/.test(l))
    expect(rows).toHaveLength(23)
    const failRows = rows.filter(l => l.endsWith('FAIL')).map(l => l.split(/\s+/)[1])
    expect(failRows).toEqual(['signature-test', 'flipped-byte', 'missing-signature', 'other-token'])
    expect(code).toBe(1)
    expect(out).toMatch(/^ 2 {2}signature-test: FAIL$/m)
    expect(out).toMatch(/fix {7}your handler answered 0 to WeChat's signature test/)
    expect(out).toMatch(/^23 classes: 15 PASS, 4 WARN, 4 FAIL against http:\/\/127\.0\.0\.1:\d+\/notify/m)
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100)
    for (const s of [secrets.token, secrets.encodingAESKey]) expect(out).not.toContain(s)
  })

  it('masks secrets a handler echoes, without mangling the report when the token is a common word', async () => {
    const secrets = { ...testSecrets(), token: 'test' }
    const h = await startReferenceHandler({ secrets, echoSecrets: true })
    const c = captureIo(envOf(secrets))
    expect(await runCheck(['--target', h.url, '--json'], c.io)).toBe(0)
    const report = JSON.parse(c.out()) as CheckReport
    expect(report.results.map(r => r.class)).toContain('signature-test')
    const sigTest = report.results.find(r => r.class === 'signature-test')!
    expect(sigTest.reply.errmsg).toMatch(/\(token \*\*\*\(4 chars\), key \*\*\*\(43 chars\)\)$/)
    expect(c.out()).not.toContain(secrets.encodingAESKey)
  })

  it('nothing listening: one explanation, exit 2 (nothing was graded)', async () => {
    const s = testSecrets()
    const c = captureIo(envOf(s))
    expect(await runCheck(['--target', 'http://127.0.0.1:9/notify', '--timeout-ms', '2000'], c.io)).toBe(2)
    expect(c.out()).toMatch(/^ 1 {2}crypto-test: FAIL\n[\s\S]*ECONNREFUSED: nothing listens at http:\/\/127\.0\.0\.1:9; start your handler/m)
    expect(c.out()).toContain('22 more classes were not sent: the first got no answer.')
    expect(c.out().match(/: FAIL$/gm)).toHaveLength(1)
  })

  it('takes the secrets from --appid --token --aes-key when the environment has none', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const c = captureIo({})
    const code = await runCheck(['--target', h.url, '--json', '--appid', secrets.appid, '--token', secrets.token, '--aes-key', secrets.encodingAESKey], c.io)
    expect(code).toBe(0)
    expect((JSON.parse(c.out()) as CheckReport).summary.fail).toBe(0)
  })

  it('stops with exit 2 when the secrets the handler uses are not set', async () => {
    const c = captureIo({ WECHAT_APPID: 'wx1234567890abcdef' })
    expect(await runCheck(['--target', 'http://127.0.0.1:9/notify'], c.io)).toBe(2)
    expect(c.err()).toMatch(/^check needs the secrets your handler uses/)
    expect(c.err()).toContain('Not set: NONTAX_TOKEN (or --token), NONTAX_ENCODING_AES_KEY (or --aes-key).')
    expect(c.out()).toBe('')
  })

  it.each([
    [['--json'], /--target must be the http\(s\) URL of your handler/],
    [['--target', 'ftp://x/notify'], /got "ftp:\/\/x\/notify"/],
    [['--target', 'http://127.0.0.1:9/n', '--timeout-ms', '5'], /--timeout-ms must be an integer 100-600000 \(got "5"\)/],
    [['--target', 'http://127.0.0.1:9/n', '--bogus'], /^check: unknown option --bogus \(this command takes: --target --json/],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const s = testSecrets()
    const c = captureIo(envOf(s))
    expect(await runCheck(argv, c.io)).toBe(2)
    expect(c.err()).toMatch(message)
  })

  it('reports an invalid secret as a configuration error without printing it', async () => {
    const c = captureIo({ ...envOf(testSecrets()), NONTAX_ENCODING_AES_KEY: 'tooShortKey123' })
    expect(await runCheck(['--target', 'http://127.0.0.1:9/notify'], c.io)).toBe(2)
    expect(c.err()).toMatch(/NONTAX_ENCODING_AES_KEY must be exactly 43 characters/)
    expect(c.err()).not.toContain('tooShortKey123')
  })

  it('--help documents the secrets and exits 0', async () => {
    const c = captureIo({})
    expect(await runCheck(['--help'], c.io)).toBe(0)
    expect(c.out()).toMatch(/NONTAX_ENCODING_AES_KEY +--aes-key/)
  })
})
