import { connect, createServer, type Server } from 'node:net'
import { pino } from 'pino'
import { request } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../src/app.js'
import { startInspectorFor } from '../../src/inspector/start.js'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'

const profile = createWxBizMsgCryptProfile()
const ADMIN = 'hostile-admin-token-0123456789'

/** A plain TCP forwarder (what ssh -R, ngrok tcp or socat do): every caller reaches the target from loopback. */
async function tcpForwarder (targetPort: number): Promise<number> {
  const open = new Set<{ destroy (): void }>()
  const server: Server = createServer(client => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort })
    open.add(client).add(upstream)
    client.pipe(upstream).pipe(client)
    const drop = () => { client.destroy(); upstream.destroy() }
    client.on('error', drop)
    upstream.on('error', drop)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>(resolve => { for (const s of open) s.destroy(); server.close(() => resolve()) }))
  const a = server.address()
  return typeof a === 'object' && a ? a.port : 0
}

async function receiver (env: Record<string, string> = {}) {
  const config = testConfig({ INSPECTOR_PORT: 'auto', ...env })
  const app = await buildApp(config)
  onTestFinished(() => app.close())
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const d = buildDelivery({ payload: { appid: config.secrets.appid, order_id: 'ADM', status: 3 }, secrets: config.secrets, profile, nowMs: Date.now() })
  await app.inject({ method: 'POST', url: `${config.notifyPath}?${new URLSearchParams(d.query)}`, headers: { 'content-type': d.contentType }, payload: d.body })
  return { app, config, base }
}

describe('admin data never through the receiver port', () => {
  it.each([
    ['no header'], ['X-Real-IP'], ['CF-Connecting-IP'], ['True-Client-IP'], ['Via'],
  ])('through a plain TCP forwarder (%s): /_captures is not there', async header => {
    const { app } = await receiver()
    const port = await tcpForwarder((app.server.address() as { port: number }).port)
    const headers = header === 'no header' ? {} : { [header.toLowerCase()]: '127.0.0.1' }
    for (const path of ['/_captures', '/_captures?limit=1000']) {
      const res = await request(`http://127.0.0.1:${port}${path}`, { headers })
      expect(res.statusCode).toBe(404)
      const text = await res.body.text()
      expect(text).not.toContain('ADM')
      expect(text).not.toContain('signature')
    }
  })

  it('the inspector listener (127.0.0.1) serves them; ADMIN_TOKEN opens the receiver port to its holder only', async () => {
    const { app, base } = await receiver({ ADMIN_TOKEN: ADMIN })
    const inspector = await startInspectorFor(app, base, pino({ level: 'silent' }))
    onTestFinished(() => inspector?.close())
    expect(inspector).toBeDefined()
    const local = await request(`${inspector?.url}_captures`)
    expect(local.statusCode).toBe(200)
    expect(await local.body.json()).toEqual([expect.objectContaining({ errcode: 0 })])
    const port = await tcpForwarder((app.server.address() as { port: number }).port)
    const guess = await request(`http://127.0.0.1:${port}/_captures`, { headers: { 'x-admin-token': 'x'.repeat(ADMIN.length) } })
    expect(guess.statusCode).toBe(403)
    await guess.body.dump()
    const holder = await request(`http://127.0.0.1:${port}/_captures`, { headers: { 'x-admin-token': ADMIN } })
    expect(holder.statusCode).toBe(200)
    await holder.body.dump()
  })
})

describe('answers give senders no oracle', () => {
  it('a bad signature gets the same answer whether or not the ciphertext decrypts under our key', async () => {
    const { app, config } = await receiver()
    const send = async (aesKey: string) => {
      const secrets = { ...config.secrets, encodingAESKey: aesKey }
      const d = buildDelivery({ payload: { appid: config.secrets.appid, order_id: 'OR', status: 3 }, secrets, profile, nowMs: Date.now(), badSignature: true })
      const res = await app.inject({ method: 'POST', url: `${config.notifyPath}?${new URLSearchParams(d.query)}`, headers: { 'content-type': d.contentType }, payload: d.body })
      return res.body
    }
    const ours = await send(config.secrets.encodingAESKey)
    const other = await send('Q'.repeat(43))
    expect(ours).toBe('{"errcode":300,"errmsg":"signature error"}')
    expect(other).toBe(ours)
    // The diagnosis is kept for the operator.
    const [newest, older] = await app.nontax.store.list()
    expect(newest?.inspection.decryption?.ok).toBe(false)
    expect(older?.inspection.decryption?.ok).toBe(true)
  })
})
