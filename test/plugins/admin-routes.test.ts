import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import { ADMIN_REFUSAL, adminRoutes, tokenMatcher } from '../../src/plugins/admin-routes.js'

const TOKEN = 'admin-token-for-tests-0123456789'
const REMOTE = '203.0.113.7'

/** The plugin alone, on a bare instance that also has a route of its own. */
async function bare (adminToken: string | undefined) {
  const app = Fastify()
  await app.register(adminRoutes, { store: createMemoryStore(10), adminToken })
  app.get('/public', async () => ({ open: true }))
  return app
}

describe('admin routes plugin (bare Fastify)', () => {
  it('guards only its own routes: a route of the host instance stays open to remote callers', async () => {
    const app = await bare(TOKEN)
    expect((await app.inject({ url: '/public', remoteAddress: REMOTE })).statusCode).toBe(200)
    const refused = await app.inject({ url: '/_captures', remoteAddress: REMOTE })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toEqual({ error: ADMIN_REFUSAL })
    expect((await app.inject({ url: '/_captures', remoteAddress: '127.0.0.1' })).json()).toEqual([])
    expect((await app.inject({ url: '/_captures', remoteAddress: REMOTE, headers: { 'x-admin-token': TOKEN } })).json()).toEqual([])
    expect((await app.inject({ url: '/_captures/nope', remoteAddress: '::1' })).json()).toEqual({ error: 'no capture nope' })
    expect(app.hasPlugin('nontax-admin-routes')).toBe(true)
    await app.close()
  })

  it("access 'token' (the receiver's port): loopback alone is not enough, the token is", async () => {
    const app = Fastify()
    await app.register(adminRoutes, { store: createMemoryStore(10), adminToken: TOKEN, access: 'token' })
    expect((await app.inject({ url: '/_captures', remoteAddress: '127.0.0.1' })).statusCode).toBe(403)
    expect((await app.inject({ url: '/_captures', remoteAddress: '127.0.0.1', headers: { 'x-admin-token': TOKEN } })).statusCode).toBe(200)
    await app.close()
  })

  it('registers on any instance (a second listener can serve the same routes)', async () => {
    const store = createMemoryStore(10)
    const a = Fastify()
    const b = Fastify()
    await a.register(adminRoutes, { store, adminToken: undefined })
    await b.register(adminRoutes, { store, adminToken: TOKEN })
    expect((await a.inject({ url: '/_captures', remoteAddress: REMOTE, headers: { 'x-admin-token': TOKEN } })).statusCode).toBe(403)
    expect((await b.inject({ url: '/_captures', remoteAddress: REMOTE, headers: { 'x-admin-token': TOKEN } })).statusCode).toBe(200)
    await Promise.all([a.close(), b.close()])
  })
})

describe('admin token comparison', () => {
  it('matches only the exact token, whatever the length presented; no token configured matches nothing', () => {
    const matches = tokenMatcher(TOKEN)
    expect(matches(TOKEN)).toBe(true)
    for (const wrong of ['', 'a', TOKEN.slice(0, -1), TOKEN + 'x', TOKEN.toUpperCase(), 'x'.repeat(10_000)]) expect(matches(wrong)).toBe(false)
    for (const none of [undefined, '']) {
      const never = tokenMatcher(none)
      for (const presented of ['', 'undefined', TOKEN]) expect(never(presented)).toBe(false)
    }
  })
})
