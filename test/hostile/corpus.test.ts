import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERRMSG } from '../../src/protocol/errors.js'
import { runMain } from '../helpers/main-io.js'
import { CORPUS } from './corpus.js'
import { answersIn, exchange, SECRETS, startHostileReceiver, type WireAnswer } from './receiver-harness.js'

/** Characters no terminal may receive raw from a sender (LF and TAB are the layout's own; values have them escaped). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/
/** A line a sender forged: the corpus writes "INFO forged" and a fake timestamped INFO line after its newlines. */
const FORGED_LINE = /^(INFO forged|12:00:00\.000 INFO)/m
const DOCUMENTED_ERRCODES = new Set([0, 210, 298, 299, 300])
const FIXED_ERRMSGS = new Set(Object.values(ERRMSG))

type Receiver = Awaited<ReturnType<typeof startHostileReceiver>>
let rx: Receiver
const seen: Array<{ name: string; answers: WireAnswer[] }> = []

beforeAll(async () => { rx = await startHostileReceiver() })
afterAll(async () => { await rx.close() })

function errcodeOf (a: WireAnswer): { errcode: number; errmsg: string } | undefined {
  try {
    const j = JSON.parse(a.body) as { errcode?: unknown; errmsg?: unknown }
    return typeof j.errcode === 'number' ? { errcode: j.errcode, errmsg: String(j.errmsg) } : undefined
  } catch {
    return undefined
  }
}

describe(`hostile senders: ${CORPUS.length} input classes against a real receiver on loopback`, () => {
  // One after another: each class's records are counted on their own.
  it.each(CORPUS.map(c => [`${c.group}: ${c.name}`, c] as const))('%s', async (_label, cls) => {
    const before = rx.store.stats.records
    const raw = await exchange(rx.port, Buffer.from(cls.bytes(rx.ctx)), !cls.slow)
    const answers = answersIn(raw)
    seen.push({ name: cls.name, answers })
    for (const a of answers) {
      // No 5xx: the receiver answers 503 only under overload (off here), so none may appear.
      expect(a.status, a.body).toBeLessThan(500)
      const e = errcodeOf(a)
      if (e === undefined) continue
      expect(DOCUMENTED_ERRCODES.has(e.errcode), a.body).toBe(true)
      // Short fixed reason only: nothing about keys, parsing, paths or OS errors.
      expect(FIXED_ERRMSGS.has(e.errmsg), a.body).toBe(true)
    }
    const delivered = answers.filter(a => errcodeOf(a) !== undefined)
    if (cls.errcode !== undefined) expect(errcodeOf(delivered[0] ?? { status: 0, body: '' })?.errcode).toBe(cls.errcode)
    // Every answered delivery is recorded before it is answered.
    expect(rx.store.stats.records - before).toBeGreaterThanOrEqual(delivered.length)
    for (const secret of Object.values(SECRETS)) expect(raw).not.toContain(secret)
  })
})

describe('after the whole corpus', () => {
  it('the receiver still serves a correct delivery and its health check', async () => {
    const raw = await exchange(rx.port, Buffer.from('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'), true)
    expect(answersIn(raw).map(a => a.status)).toEqual([200, 200])
  })

  it('the pretty log holds no raw control character and no forged line', () => {
    const log = rx.prettyLog()
    expect(log.length).toBeGreaterThan(0)
    const bad = log.split('\n').find(l => RAW_CONTROL.test(l))
    expect(bad).toBeUndefined()
    expect(log).not.toMatch(FORGED_LINE)
    // The escapes are visible instead.
    expect(log).toContain('\\x1b')
  })

  it('no secret appears in the log, the capture files or any answer', () => {
    const outputs = [rx.prettyLog(), rx.captureFiles(), ...seen.flatMap(s => s.answers.map(a => a.body))]
    for (const secret of Object.values(SECRETS)) for (const o of outputs) expect(o).not.toContain(secret)
  })

  it('captures list and show still work on every record, and print no raw control character', async () => {
    const list = await runMain(['captures', 'list', '--limit', '5000'], rx.env)
    expect(list.code, list.err).toBe(0)
    const ids = list.out.split('\n').map(l => l.split(/\s{2,}/)[1]).filter((id): id is string => id !== undefined && /^\d{8}-\d{6}-/.test(id))
    expect(ids.length).toBe(rx.store.stats.records)
    expect(list.out).not.toMatch(RAW_CONTROL)
    expect(list.out).not.toMatch(FORGED_LINE)
    const json = await runMain(['captures', 'list', '--limit', '5000', '--json'], rx.env)
    expect(json.code).toBe(0)
    for (const line of json.out.split('\n')) expect(() => JSON.parse(line)).not.toThrow()
    for (const id of ids) {
      const show = await runMain(['captures', 'show', id], rx.env)
      expect(show.code, `${id}: ${show.err}`).toBe(0)
      expect(show.out, id).not.toMatch(RAW_CONTROL)
      expect(show.out, id).not.toMatch(FORGED_LINE)
      for (const secret of Object.values(SECRETS)) expect(show.out).not.toContain(secret)
    }
  })
})
