import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'undici'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFileStore } from '../../src/capture/file-store.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { PAYMENT, profile, testEnv } from './helpers/receiver.js'
import { startServe } from '../helpers/serve-process.js'

let dir: string
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'captures-kill9-')) })
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

const WORKERS = 16
const KILL_AFTER_ANSWERS = 150

it('kill -9 under concurrent load: every delivery answered 0 is in the store, and the store still opens', async () => {
  const env = testEnv(join(dir, 'captures'))
  const secrets = { appid: env.WECHAT_APPID!, token: env.NONTAX_TOKEN!, encodingAESKey: env.NONTAX_ENCODING_AES_KEY! }
  const serve = await startServe({ env })
  const target = new URL(serve.url)
  const pool = new Pool(target.origin, { connections: WORKERS })
  const answeredZero = new Set<string>()
  let inFlightAtKill = 0
  let inFlight = 0
  let sent = 0
  let killed = false

  const worker = async (w: number) => {
    // Bounded: the kill comes long before this many requests on a healthy machine.
    for (let i = 0; i < 2000 && !killed; i++) {
      const d = buildDelivery({ payload: { ...PAYMENT, order_id: `K-${w}-${i}` }, secrets, profile, nowMs: Date.now() })
      const url = new URL(deliveryUrl(serve.url, d.query))
      inFlight++
      sent++
      try {
        const res = await pool.request({ method: 'POST', path: url.pathname + url.search, headers: { 'content-type': d.contentType }, body: d.body })
        const answer = JSON.parse(await res.body.text()) as { errcode: number }
        if (answer.errcode === 0) answeredZero.add(d.query.wxnontaxstr!)
      } catch {
        return // the connection died with the process
      } finally {
        inFlight--
      }
      if (!killed && answeredZero.size >= KILL_AFTER_ANSWERS) {
        killed = true
        inFlightAtKill = inFlight
        serve.signal('server', 'SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)))
  await serve.exited
  await pool.destroy()

  expect(killed).toBe(true)
  expect(answeredZero.size).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS)
  expect(inFlightAtKill).toBeGreaterThan(0)

  const store = await createFileStore({ dir: env.CAPTURE_DIR!, maxInMemory: 10_000 })
  const stored = new Set((await store.list()).map(r => r.wxnontaxstr))
  const missing = [...answeredZero].filter(n => !stored.has(n))
  expect(missing).toEqual([])
  expect(store.stats.records).toBeGreaterThanOrEqual(answeredZero.size)
  expect(store.stats.records).toBeLessThanOrEqual(sent)
  await store.close()

  // The receiver itself starts again on the same directory and reports the history it found.
  const again = await startServe({ env })
  const found = again.logs().find(l => String(l.msg).startsWith('captures: '))
  expect(found).toMatchObject({ records: store.stats.records })
  again.signal('group', 'SIGTERM')
  await again.gone
}, 60_000)
