import Fastify from 'fastify'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { errorHandler, INTERNAL_ERROR_TEXT } from '../../src/plugins/error-handler.js'
import { logSink } from '../helpers/log-sink.js'

const DETAIL = 'ENOENT: open /home/dev/secret-project/token=abc123 failed'

async function appWithErrors () {
  const sink = logSink()
  const app = Fastify({ loggerInstance: pino({ level: 'info' }, sink.stream) })
  await app.register(errorHandler)
  app.get('/boom', async () => { throw new Error(DETAIL) })
  app.get('/teapot', async () => { throw Object.assign(new Error('the caller asked for coffee'), { statusCode: 418, code: 'TEAPOT' }) })
  app.post('/json', async () => ({ ok: true }))
  return { app, sink }
}

describe('root error handler plugin (bare Fastify)', () => {
  it('an internal error (5xx) answers a fixed sentence; the detail only reaches the log', async () => {
    const { app, sink } = await appWithErrors()
    const res = await app.inject('/boom')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: INTERNAL_ERROR_TEXT, reqId: expect.any(String) })
    expect(res.body).not.toContain('ENOENT')
    expect(res.body).not.toContain('abc123')
    const logged = sink.lines().find(l => l.level === 50)
    expect(logged).toMatchObject({ reqId: res.json().reqId, err: { message: DETAIL }, msg: `GET /boom → 500: ${DETAIL}` })
    await app.close()
  })

  it('a caller\'s mistake (4xx) is told what was wrong, with its code', async () => {
    const { app } = await appWithErrors()
    expect((await app.inject('/teapot')).json()).toEqual({ error: 'the caller asked for coffee', code: 'TEAPOT' })
    const bad = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, payload: '{"broken' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' })
    expect(app.hasPlugin('nontax-error-handler')).toBe(true)
    await app.close()
  })
})
