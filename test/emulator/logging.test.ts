import { once } from 'node:events'
import { Writable } from 'node:stream'
import { request } from 'undici'
import { expect, it } from 'vitest'
import { createWechatClient } from '../../src/wechat/client.js'
import { startEmulator, startReceiver } from './helpers.js'

it('with its logger on, the emulator logs calls and deliveries but no secret or token', async () => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _enc, cb) { lines.push(String(chunk)); cb() } })
  const e = await startEmulator({ logger: { level: 'debug', stream } })
  const rx = await startReceiver(e.account.secrets)
  const client = createWechatClient({ baseUrl: e.base, appid: e.account.appid, appsecret: e.account.appsecret })
  const done = once(e.app.emulator.events, 'trigger-done')
  await client.mockNotification({ url: rx.url, version: 1 })
  await done
  const token = await client.getAccessToken()
  await request(`${e.base}/nope?access_token=${token}`).then(r => r.body.dump())
  await request(`${e.base}/cgi-bin/stable_token`, { method: 'POST', body: '{bad' }).then(r => r.body.dump())

  const log = lines.join('')
  expect(log).toContain('emulated WeChat API call')
  expect(log).toContain('emulated delivery answered')
  for (const secret of [token, e.account.appsecret, e.account.secrets.token, e.account.secrets.encodingAESKey]) expect(log).not.toContain(secret)
})
