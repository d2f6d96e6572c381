import { describe, expect, it } from 'vitest'
import { startReceiver } from './helpers.js'

describe('GET on the callback path', () => {
  it('is answered 210 (WeChat POSTs deliveries) and still recorded, with a warning in the log', async () => {
    const { app, config, sink } = await startReceiver({}, 'info')
    const res = await app.inject({ method: 'GET', url: `${config.notifyPath}?wxnontaxstr=0123456789abcdef&probe=1` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ errcode: 210, errmsg: 'data format error' })
    const [rec] = await app.nontax.store.list()
    expect(rec?.inspection.message).toContain('GET has no body: WeChat POSTs deliveries to this URL')
    expect(rec).toMatchObject({ method: 'GET', wxnontaxstr: '0123456789abcdef', answer: { status: 200, body: { errcode: 210 } } })
    expect(sink.lines().find(l => l.delivery)).toMatchObject({ level: 40, msg: expect.stringMatching(/^GET \/nontax\/notify wxnontaxstr=0123456789abcdef → errcode 210/) })
  })
})
