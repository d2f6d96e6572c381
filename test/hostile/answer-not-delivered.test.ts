import { once } from 'node:events'
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFileStore } from '../../src/capture/file-store.js'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import { createServer, type ServerResponse } from 'node:http'
import { createAnswerTracker, type AnswerTracker } from '../../src/plugins/client-errors.js'
import { notDeliveredLine } from '../../src/capture/record-notes.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import { toDetail, toRow } from '../../src/inspector/summary.js'
import { runMain } from '../helpers/main-io.js'
import { http, signed } from './corpus.js'
import { answersIn, exchange, startHostileReceiver } from './receiver-harness.js'

/**
 * The recorded answer is the one written to the socket: a client that sends a whole delivery and
 * is gone before the answer is written gets a correction on its record (README "Security").
 * The answer is held in the store's append until the server has seen the client's socket close,
 * so the write fails every time, with no clock involved.
 */
type Receiver = Awaited<ReturnType<typeof startHostileReceiver>>
let rx: Receiver
/** The next append's answer waits here, once its record is durable. */
let gate: { appended: (r: CaptureRecord) => void; held: Promise<void> } | undefined
/** Ids passed to the store's correct(), at the moment of the call. */
const correctCalls: string[] = []

function holdNextAnswer () {
  let release!: () => void
  let appended!: (r: CaptureRecord) => void
  const durable = new Promise<CaptureRecord>(resolve => { appended = resolve })
  gate = { appended, held: new Promise(resolve => { release = resolve }) }
  return { durable, release }
}

beforeAll(async () => {
  rx = await startHostileReceiver({
    wrapStore: store => ({
      ...store,
      append: async (r, line) => {
        const g = gate
        gate = undefined
        await store.append(r, line)
        if (g) { g.appended(r); await g.held }
      },
      correct: c => { correctCalls.push(c.correctionOf); return store.correct(c) },
    }),
  })
})
afterAll(async () => { await rx.close() })

function delivery (orderId: string, nonce: string): Buffer {
  const d = signed(rx.ctx, { appid: rx.ctx.secrets.appid, order_id: orderId, status: 3, fee: 1 }, { nonce })
  return http(rx.ctx, { query: new URLSearchParams(d.query).toString(), headers: { 'Content-Type': d.contentType }, body: d.body })
}

const SHOWN = 'answer not delivered (connection closed before the answer was written'
const RETRY = 'WeChat did not get it and will deliver this notification again'

describe('an answer the connection never carried', () => {
  it('gets a correction that the store, the day file, a fresh start, list, show, verify and the inspector all show', async () => {
    const { durable, release } = holdNextAnswer()
    const serverSide = once(rx.app.server, 'connection') as Promise<[Socket]>
    const client = connect({ host: '127.0.0.1', port: rx.port }, () => client.write(delivery('NT-GONE', 'gone0123456789ab')))
    client.on('error', () => {})
    const [socket] = await serverSide
    const record = await durable
    expect(record.answer.body.errcode).toBe(0)
    client.destroy()
    await once(socket, 'close')
    const corrected = rx.correctionOf(record.id)
    const announced = once(rx.app.nontax.events, 'correction')
    release()
    expect(await corrected).toMatchObject({ what: 'answer-not-delivered' })
    // Once durable, announced: the inspector's live list marks the row without a reload.
    expect(await announced).toEqual([expect.objectContaining({ correctionOf: record.id, what: 'answer-not-delivered' })])

    expect((await rx.store.get(record.id))?.corrections).toEqual([{ what: 'answer-not-delivered', at: expect.any(String) }])
    const lines = readdirSync(rx.captureDir).flatMap(f => readFileSync(join(rx.captureDir, f), 'utf8').trim().split('\n')).map(l => JSON.parse(l) as Record<string, unknown>)
    expect(lines.filter(l => l.correctionOf === record.id)).toEqual([{ correctionOf: record.id, receivedAt: record.receivedAt, what: 'answer-not-delivered', at: expect.any(String) }])
    // The record's own line is never rewritten.
    expect(lines.find(l => l.id === record.id)).not.toHaveProperty('corrections')

    const reopened = await createFileStore({ dir: rx.captureDir, maxInMemory: 100, readOnly: true })
    expect(reopened.stats.skippedPartial).toBe(0)
    expect((await reopened.get(record.id))?.corrections).toHaveLength(1)
    expect((await reopened.list()).find(r => r.id === record.id)?.corrections).toHaveLength(1)
    const scanned = await createFileStore({ dir: rx.captureDir, maxInMemory: 1, readOnly: true })
    expect((await scanned.list({ limit: 1000 })).find(r => r.id === record.id)?.corrections).toHaveLength(1)

    const list = await runMain(['captures', 'list'], rx.env)
    expect(list.out.split('\n').find(l => l.includes(record.id))).toContain('answer=not-delivered')
    const show = await runMain(['captures', 'show', record.id], rx.env)
    expect(show.out).toContain(SHOWN)
    expect(show.out).toContain(RETRY)
    const verify = await runMain(['captures', 'verify', record.id], rx.env)
    expect(verify.out).toMatch(new RegExp(`^answer +${SHOWN.replace(/[()]/g, '\\$&')}`, 'm'))
    const exported = await runMain(['captures', 'export', record.id, '--curl'], rx.env)
    expect(exported.err).toContain(SHOWN)
    expect(exported.out).not.toContain(SHOWN)

    const stored = await rx.store.get(record.id) as CaptureRecord
    expect(toRow(stored).notDelivered).toBe(true)
    expect(toDetail(stored, rx.config.secrets, rx.app.nontax.profile).answer.notDelivered[0]).toContain(RETRY)
    expect(rx.prettyLog()).toContain(`capture ${record.id}: ${SHOWN}); ${RETRY}`)
  })

  it('an answer written whole gets no correction', async () => {
    const raw = await exchange(rx.port, delivery('NT-KEPT', 'kept0123456789ab'), true)
    expect(answersIn(raw).map(a => a.status)).toEqual([200, 200])
    const [r] = (await rx.store.list()).filter(x => x.wxnontaxstr === 'kept0123456789ab')
    expect(r?.answer.body.errcode).toBe(0)
    // The client saw the close after the server's answer closed: any correction would have been asked for by now.
    expect(correctCalls).not.toContain(r?.id)
    expect(r?.corrections).toBeUndefined()
  })
})

describe('an answer tracker on a bare server', () => {
  /** One request on a tracked server; `answer` writes it out however the case needs, the result says whether fn was called. */
  async function caseOf (answer: (res: ServerResponse, note: () => void, answers: AnswerTracker) => void): Promise<boolean> {
    let noted = false
    const answers = createAnswerTracker()
    const closed = new Promise<void>(resolve => {
      const server = createServer((req, res) => {
        req.resume()
        req.on('end', () => {
          res.once('close', () => { server.close(); resolve() })
          answer(res, () => { noted = true }, answers)
        })
      })
      answers.track(server)
      server.listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port
        const c = connect({ host: '127.0.0.1', port }, () => c.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}'))
        c.on('error', () => {})
        c.on('data', () => c.end())
      })
    })
    await closed
    return noted
  }

  it('is called when the socket is destroyed just before the answer (end() then sets writableFinished although nothing was written)', async () => {
    expect(await caseOf((res, note, answers) => { res.socket?.destroy(); answers.whenNotWritten(res, note); res.end('{"errcode":0}') })).toBe(true)
  })

  it('hears only its own server: another app\'s tracker in the same process is never told (no shared state)', async () => {
    const other = createAnswerTracker()
    expect(await caseOf((res, note) => { res.socket?.destroy(); other.whenNotWritten(res, note); res.end('{"errcode":0}') })).toBe(false)
  })

  it('is not called for an answer written whole', async () => {
    expect(await caseOf((res, note, answers) => { answers.whenNotWritten(res, note); res.end('{"errcode":0}') })).toBe(false)
  })
})

describe('correction lines in the store', () => {
  it('the memory store attaches them too', async () => {
    const store = createMemoryStore()
    const r = { id: 'a', receivedAt: new Date().toISOString() } as CaptureRecord
    await store.append(r)
    await store.correct(notDeliveredLine(r, new Date().toISOString()))
    expect((await store.get('a'))?.corrections?.[0]?.what).toBe('answer-not-delivered')
  })

  it('a malformed correction line is skipped and reported by line; its record still reads', async () => {
    const [file] = readdirSync(rx.captureDir)
    appendFileSync(join(rx.captureDir, file ?? ''), `${JSON.stringify({ correctionOf: 'x', receivedAt: 'never', what: 'answer-not-delivered', at: 'now' })}\n`)
    const reopened = await createFileStore({ dir: rx.captureDir, maxInMemory: 100, readOnly: true })
    expect(reopened.stats.skipped.at(-1)).toMatchObject({ why: 'unparseable', problem: 'receivedAt: not a date' })
    expect((await reopened.list()).length).toBe(rx.store.stats.records)
  })
})
