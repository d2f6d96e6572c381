import { describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { render } from '../../src/messages/render.js'
import { runCli } from '../helpers/cli-process.js'

// README "When real WeChat disagrees": deliveries in another scheme are answered 210/298/300, "and the
// tool must not blame your Token or EncodingAESKey" when they verify and decrypt under another profile.
describe('npm start -- --once --emulate-profile payv2-md5 (real process)', () => {
  it('FAILs naming the profile to set, without telling the user to copy the EncodingAESKey again', async () => {
    const r = await runCli(['run', '--once', '--emulate-profile', 'payv2-md5'], {
      ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: '0', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '60000',
      WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43),
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('set NONTAX_PROFILE=payv2-md5')
    expect(r.stdout).not.toContain(render({ code: 'REASON_NONE_DECRYPTED' }, 'en'))
    // This receiver wrote the answers: no "your handler" in a run without one.
    expect(r.stdout).toContain('the sender rejected this receiver\'s answer to delivery 1: it answered HTTP 200, errcode 210 "data format error", the test expects errcode 0')
    expect(r.stdout).not.toContain('your handler')
  })
})
