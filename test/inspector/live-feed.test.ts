import { EventEmitter } from 'node:events'
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { CaptureRecord } from '../../src/capture/record.js'
import { createLiveFeed, MAX_BACKLOG_BYTES } from '../../src/inspector/live.js'

/** A stand-in response that keeps what is written: the feed only calls writeHead, write, end and on('close'). */
function fakeResponse () {
  const written: string[] = []
  const res = Object.assign(new EventEmitter(), {
    writableLength: 0,
    writeHead: () => res, write: (t: string) => { written.push(t); return true }, end: () => { res.emit('close') }, destroy: () => { res.emit('close') },
  })
  return { res: res as unknown as ServerResponse, written }
}

const record = (id: string) => ({
  id, receivedAt: '2026-01-01T00:00:00.000Z', test: 'crypto', duplicateOf: undefined,
  answer: { status: 200, body: { errcode: 0, errmsg: 'ok' } },
  inspection: { errcode: 0, kind: 'payment_notification', warnings: [], payload: { order_id: 'O1' }, signature: { ok: true, warnings: [] } },
}) as unknown as CaptureRecord

describe('the live feed', () => {
  it('does no work in the delivery path: rows are written on a later turn, batched', async () => {
    const events = new EventEmitter()
    const feed = createLiveFeed(events)
    const { res, written } = fakeResponse()
    feed.subscribe(res)
    const before = written.length
    events.emit('delivery', record('a'))
    events.emit('delivery', record('b'))
    expect(written.length).toBe(before)
    await new Promise(resolve => setImmediate(resolve))
    // One write for the turn's batch, one event per delivery in it.
    expect(written.length).toBe(before + 1)
    const sent = (written.at(-1) ?? '').split('\n\n').filter(Boolean)
    const rows = sent.map(t => JSON.parse(t.replace(/^event: delivery\ndata: /, '')) as { id: string; orderId: string })
    expect(rows.map(r => [r.id, r.orderId])).toEqual([['a', 'O1'], ['b', 'O1']])
    feed.close()
    expect(events.listenerCount('delivery')).toBe(0)
  })

  it('drops a subscriber that stopped reading instead of buffering for it without bound', async () => {
    const events = new EventEmitter()
    const feed = createLiveFeed(events)
    const stalled = fakeResponse()
    const reading = fakeResponse()
    feed.subscribe(stalled.res)
    feed.subscribe(reading.res)
    Object.assign(stalled.res, { writableLength: MAX_BACKLOG_BYTES + 1 })
    events.emit('delivery', record('a'))
    await new Promise(resolve => setImmediate(resolve))
    expect(feed.clients()).toBe(1)
    expect(reading.written.at(-1)).toMatch(/^event: delivery\n/)
    feed.close()
  })

  it('tells subscribers at once when a recorded answer turns out not delivered (a correction line)', () => {
    const events = new EventEmitter()
    const feed = createLiveFeed(events)
    const { res, written } = fakeResponse()
    feed.subscribe(res)
    events.emit('correction', { correctionOf: 'a', receivedAt: '2026-01-01T00:00:00.000Z', what: 'answer-not-delivered', at: '2026-01-01T00:00:01.000Z' })
    expect(written.at(-1)).toBe('event: correction\ndata: {"id":"a","what":"answer-not-delivered"}\n\n')
    feed.close()
    expect(events.listenerCount('correction')).toBe(0)
  })

  it('queues nothing while nobody is subscribed', async () => {
    const events = new EventEmitter()
    const feed = createLiveFeed(events)
    events.emit('delivery', record('a'))
    const { res, written } = fakeResponse()
    feed.subscribe(res)
    await new Promise(resolve => setImmediate(resolve))
    expect(written).toEqual([': connected\n\n'])
    feed.close()
  })
})
