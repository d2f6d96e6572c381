import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { resolvePublicUrl } from '../../src/loop/public-url.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'

const real = { WECHAT_APPID: 'wx1234567890abcdef', WECHAT_APPSECRET: 'a'.repeat(32), NONTAX_TOKEN: 'Tok123', NONTAX_ENCODING_AES_KEY: 'k'.repeat(43) }

async function fakeNgrok (tunnels: unknown[]) {
  const app = Fastify()
  app.get('/api/tunnels', async () => ({ tunnels }))
  return listenLoopback(app)
}

// PORT=80 (or 443 with TLS): the receiver's URL carries no port (WHATWG drops the scheme's default),
// and `ngrok http 80` is the tunnel to it, not one "to another port".
describe('public URL on the scheme\'s default port (real HTTP to a fake ngrok agent)', () => {
  it.each([['http://127.0.0.1:80', '80', 'http://localhost:80'], ['https://127.0.0.1:443', '443', 'https://localhost:443']])('%s is matched with the tunnel to port %s', async (local, port, addr) => {
    const api = await fakeNgrok([{ public_url: 'https://mine.ngrok.app', config: { addr } }])
    const p = await resolvePublicUrl(testConfig({ ...real, PORT: port }), local, api)
    expect(p).toMatchObject({ base: 'https://mine.ngrok.app', source: 'ngrok' })
  })
})
