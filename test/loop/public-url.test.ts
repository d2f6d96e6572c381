import { render } from '../../src/messages/render.js'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { resolvePublicUrl } from '../../src/loop/public-url.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'

const real = { WECHAT_APPID: 'wx1234567890abcdef', WECHAT_APPSECRET: 'a'.repeat(32), NONTAX_TOKEN: 'Tok123', NONTAX_ENCODING_AES_KEY: 'k'.repeat(43), PORT: '3000' }

async function fakeNgrok (tunnels: unknown[]) {
  const app = Fastify()
  app.get('/api/tunnels', async () => ({ tunnels }))
  return listenLoopback(app)
}

describe('public URL', () => {
  it('embedded mode uses the receiver\'s loopback URL', async () => {
    expect(await resolvePublicUrl(testConfig(), 'http://127.0.0.1:5555')).toMatchObject({ base: 'http://127.0.0.1:5555', source: 'embedded' })
  })

  it('PUBLIC_URL wins in real mode', async () => {
    const c = testConfig({ ...real, PUBLIC_URL: 'https://abc.example.com/' })
    expect(await resolvePublicUrl(c, 'http://127.0.0.1:3000')).toMatchObject({ base: 'https://abc.example.com', source: 'PUBLIC_URL' })
  })

  it('uses a local ngrok agent\'s https tunnel to this port and says so', async () => {
    const api = await fakeNgrok([
      { public_url: 'http://x.ngrok.app', config: { addr: 'http://localhost:3000' } },
      { public_url: 'https://other.ngrok.app', config: { addr: 'http://localhost:8080' } },
      { public_url: 'https://mine.ngrok.app', config: { addr: 'http://localhost:3000' } },
    ])
    const p = await resolvePublicUrl(testConfig(real), 'http://127.0.0.1:3000', api)
    expect(p).toMatchObject({ base: 'https://mine.ngrok.app', source: 'ngrok' })
    expect(render(p.note)).toMatch(/PUBLIC_URL is unset; using the https tunnel of the ngrok agent/)
  })

  it('without PUBLIC_URL or a tunnel, stops and explains how to start one', async () => {
    const api = await fakeNgrok([])
    await expect(resolvePublicUrl(testConfig(real), 'http://127.0.0.1:3000', api)).rejects.toThrow(/ngrok http 3000[\s\S]*cloudflared tunnel --url http:\/\/127.0.0.1:3000/)
  })
})
