import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { demoSecrets } from '../../src/config.js'
import { buildEmulator } from '../../src/emulator/app.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { startLoop } from '../../src/loop/loop.js'
import { testConfig } from '../helpers/config.js'
import { freePort, listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'

/** Real mode is the same code path as against api.weixin.qq.com, with WECHAT_API_BASE pointed at an emulator. */
describe('real mode (credentials in the environment)', () => {
  it('fetches a stable token, triggers with PUBLIC_URL + NOTIFY_PATH and gives PASS', async () => {
    const d = demoSecrets()
    const secrets = { appid: d.appid, token: d.token, encodingAESKey: d.encodingAESKey }
    const emulator = await buildEmulator({ accounts: [{ appid: d.appid, appsecret: d.appsecret, secrets }], profile: createWxBizMsgCryptProfile() })
    const apiBase = await listenLoopback(emulator)
    const sink = logSink()
    // PORT is fixed here because PUBLIC_URL must name it before the receiver starts.
    const port = String(await freePort())
    const config = testConfig({
      WECHAT_APPID: d.appid, WECHAT_APPSECRET: d.appsecret, NONTAX_TOKEN: d.token, NONTAX_ENCODING_AES_KEY: d.encodingAESKey,
      WECHAT_API_BASE: apiBase, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}`, NOTIFY_PATH: '/bank/callback', WAIT_TIMEOUT_MS: '15000',
    })
    expect(config.mode).toBe('real')
    const loop = await startLoop({ config, logger: pino({ level: 'info' }, sink.stream) })
    try {
      const v = await loop.run()
      expect(v).toMatchObject({ pass: true, mode: 'real', callbackUrl: `http://127.0.0.1:${port}/bank/callback` })
      expect(emulator.emulator.calls().map(c => c.path)).toEqual(['/cgi-bin/stable_token', '/nontax/mocknotification'])
      for (const s of [d.appsecret, d.token, d.encodingAESKey]) expect(sink.text()).not.toContain(s)
    } finally {
      await loop.close()
    }
  })

  it('on a timeout FAILs and lists the likely causes, naming the URL WeChat was given', async () => {
    const d = demoSecrets()
    const secrets = { appid: d.appid, token: d.token, encodingAESKey: d.encodingAESKey }
    const emulator = await buildEmulator({ accounts: [{ appid: d.appid, appsecret: d.appsecret, secrets }], profile: createWxBizMsgCryptProfile() })
    const apiBase = await listenLoopback(emulator)
    const deadPort = await freePort()
    const config = testConfig({
      WECHAT_APPID: d.appid, WECHAT_APPSECRET: d.appsecret, NONTAX_TOKEN: d.token, NONTAX_ENCODING_AES_KEY: d.encodingAESKey,
      WECHAT_API_BASE: apiBase, PUBLIC_URL: `http://127.0.0.1:${deadPort}`, WAIT_TIMEOUT_MS: '500',
    })
    // The preflight's tunnel probe would stop this run before WeChat is called; this test is about what comes after.
    const loop = await startLoop({ config, logger: pino({ level: 'silent' }), probe: false })
    try {
      const v = await loop.run()
      expect(v).toMatchObject({ pass: false, timedOut: true, received: 0 })
      expect(v.reasons).toEqual(['received 0 of 2 deliveries within 500 ms'])
      expect(v.hints[0]).toContain(`WeChat was asked to deliver to http://127.0.0.1:${deadPort}/nontax/notify`)
      expect(v.hints.join('\n')).toMatch(/is the tunnel running[\s\S]*PUBLIC_URL match the tunnel/)
    } finally {
      await loop.close()
    }
  })
})
