import Fastify from 'fastify'
import { pino } from 'pino'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { render } from '../../src/messages/render.js'
import type { Finding } from '../../src/messages/types.js'
import { notFound } from '../../src/plugins/not-found.js'
import { startReceiver } from '../hardening/helpers.js'
import { logSink } from '../helpers/log-sink.js'

const NOTIFY = '/nontax/notify'

async function bareApp () {
  const sink = logSink()
  const app = Fastify({ loggerInstance: pino({ level: 'info' }, sink.stream) })
  await app.register(notFound, { notifyPath: NOTIFY })
  app.post(NOTIFY, async () => ({ errcode: 0 }))
  return { app, sink }
}

describe('not-found plugin (bare Fastify)', () => {
  it('another path: a bare 404 for the caller, a warning naming the callback path for the operator', async () => {
    const { app, sink } = await bareApp()
    const res = await app.inject({ method: 'POST', url: `${NOTIFY}/?wxnontaxstr=n`, payload: '{}' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: 'Not Found' })
    expect(res.body).not.toContain(NOTIFY)
    const line = sink.lines().find(l => l.level === 40) as { finding: Finding; msg: string; notFound: unknown }
    expect(line.finding).toEqual({ code: 'NOT_FOUND_PATH', params: { method: 'POST', path: `${NOTIFY}/`, notifyPath: NOTIFY } })
    expect(line.msg).toBe(`POST ${NOTIFY}/ → 404: not the callback path ${NOTIFY}, nothing recorded; if WeChat was given this URL, correct it in the console or set NOTIFY_PATH=${NOTIFY}/`)
    expect(render(line.finding, 'zh')).toBe(`POST ${NOTIFY}/ → 404：这不是回调路径 ${NOTIFY}，未记录；如果微信配置的就是这个地址，请在后台改正，或设置 NOTIFY_PATH=${NOTIFY}/`)
    await app.close()
  })

  it('another method on the callback path says WeChat POSTs there', async () => {
    const { app, sink } = await bareApp()
    expect((await app.inject({ method: 'PUT', url: NOTIFY, payload: '{}' })).statusCode).toBe(404)
    expect(sink.lines().find(l => l.level === 40)).toMatchObject({ finding: { code: 'NOT_FOUND_METHOD' }, msg: `PUT ${NOTIFY} → 404: WeChat POSTs deliveries to ${NOTIFY}, nothing recorded` })
    await app.close()
  })
})

describe('a request to the wrong path, through the receiver over real HTTP', () => {
  it('is answered 404 and logged as a warning, and never becomes a capture', async () => {
    const { app, notifyUrl, sink } = await startReceiver({}, 'info')
    const res = await request(`${notifyUrl}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"encrypt":"AAAA"}' })
    expect(res.statusCode).toBe(404)
    await res.body.text()
    expect(sink.lines().filter(l => (l as { finding?: Finding }).finding?.code === 'NOT_FOUND_PATH')).toHaveLength(1)
    expect(await app.nontax.store.list()).toHaveLength(0)
    await app.close()
  })
})
