import { describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { runCli } from '../helpers/cli-process.js'

// README: with --retries "each delivery's report lists its attempts (WeChat's notify_cnt) and the verdict judges the last one".
describe('npm start -- --once --retries (real process)', () => {
  it('the verdict row of a delivery sent more than once says how many times and what each sending got', async () => {
    const env = {
      ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: '0', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '60000',
      WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43),
    }
    const r = await runCli(['run', '--once', '--retries', '2', '--retry-delays', '10ms'], env)
    expect(r.code, r.stderr).toBe(0)
    // The signature test is answered 300 every time, so WeChat's schedule sends it to the end; the crypto test passes at once.
    expect(r.stdout).toMatch(/2: bad signature detected; answered 300, payload not acted on; sent 3 times \(notify_cnt 1–3\), answered 300 → 300 → 300 \[capture /)
    expect(r.stdout).toMatch(/1: decrypted and verified; answered 0 with signed, encrypted data \[capture /)
    const json = await runCli(['run', '--once', '--json', '--retries', '2', '--retry-delays', '10ms'], env)
    const v = JSON.parse(json.stdout) as { rows: Array<{ test: string; attempts?: number }> }
    expect(v.rows.map(x => [x.test, x.attempts])).toEqual([['crypto', undefined], ['signature', 3]])
  })
})
