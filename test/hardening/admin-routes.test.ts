import { request } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../src/app.js'
import { ADMIN_REFUSAL } from '../../src/plugins/admin-routes.js'
import { testConfig } from '../helpers/config.js'
import { paymentDelivery } from './helpers.js'

const TOKEN = 'admin-token-for-tests-0123456789'
const REMOTE = '203.0.113.7'
const REFUSAL = { error: ADMIN_REFUSAL }

async function appWith (env: Record<string, string> = {}) {
  const config = testConfig(env)
  const app = await buildApp(config)
  onTestFinished(() => app.close())
  const d = paymentDelivery(config.secrets)
  const res = await app.inject({ method: 'POST', url: config.notifyPath, query: d.query, headers: { 'content-type': d.contentType }, payload: d.body })
  expect(res.json().errcode).toBe(0)
  const [rec] = await app.nontax.store.list()
  return { app, config, id: rec?.id ?? '' }
}

describe('the receiver port serves admin routes only to a caller with ADMIN_TOKEN', () => {
  it.each(['/_captures', '/_captures/:id'])('%s refuses every caller without the token, loopback included (a forwarder makes everyone loopback)', async route => {
    const { app, id } = await appWith({ ADMIN_TOKEN: TOKEN })
    const url = route.replace(':id', id)
    const byAddress = await app.inject({ url, remoteAddress: REMOTE })
    expect(byAddress.statusCode).toBe(403)
    expect(byAddress.json()).toEqual(REFUSAL)
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    for (const headers of [{}, { 'x-real-ip': REMOTE }, { 'cf-connecting-ip': REMOTE }, { 'x-forwarded-for': REMOTE, 'x-admin-token': 'wrong' }, { 'x-admin-token': TOKEN + 'x' }, { 'x-admin-token': '' }]) {
      const res = await request(base + url, { headers })
      expect(res.statusCode).toBe(403)
      expect(await res.body.json()).toEqual(REFUSAL)
    }
    const withToken = await request(base + url, { headers: { 'x-admin-token': TOKEN } })
    expect(withToken.statusCode).toBe(200)
    await withToken.body.dump()
  })

  it('without ADMIN_TOKEN the receiver port has no admin routes at all (404), loopback included; /healthz stays open', async () => {
    const { app, id } = await appWith()
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    for (const url of ['/_captures', `/_captures/${id}`]) {
      const res = await request(base + url)
      expect(res.statusCode).toBe(404)
      await res.body.dump()
    }
    const health = await request(base + '/healthz', { headers: { 'x-forwarded-for': REMOTE } })
    expect(health.statusCode).toBe(200)
    expect(await health.body.json()).toEqual({ ok: true })
  })

  it('accepts a remote caller that presents ADMIN_TOKEN, and never echoes the token', async () => {
    const { app, id } = await appWith({ ADMIN_TOKEN: TOKEN })
    const list = await app.inject({ url: '/_captures', remoteAddress: REMOTE, headers: { 'x-admin-token': TOKEN } })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual([expect.objectContaining({ id, errcode: 0 })])
    const one = await app.inject({ url: `/_captures/${id}`, remoteAddress: REMOTE, headers: { 'x-admin-token': TOKEN, 'x-forwarded-for': REMOTE } })
    expect(one.statusCode).toBe(200)
    expect(one.body).not.toContain(TOKEN)
  })

  it('the callback path answers everyone: remote, forwarded, no token', async () => {
    const { app, config } = await appWith({ ADMIN_TOKEN: TOKEN })
    const d = paymentDelivery(config.secrets)
    const res = await app.inject({ method: 'POST', url: config.notifyPath, query: d.query, remoteAddress: REMOTE, headers: { 'content-type': d.contentType, 'x-forwarded-for': REMOTE }, payload: d.body })
    expect(res.statusCode).toBe(200)
    expect(res.json().errcode).toBe(0)
  })
})
