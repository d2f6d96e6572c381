import { once } from 'node:events'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { checkAnswer } from '../../src/protocol/answer.js'
import { buildDelivery, deliveryUrl } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { createSearchThread } from '../../src/profiles/discover/search-thread.js'
import { testConfig } from '../helpers/config.js'
import { listenLoopback } from '../helpers/listen.js'

const profile = createWxBizMsgCryptProfile()

/** A receiver whose background searches (worker thread) each wait on `gate` after they start. */
async function setup () {
  const gate = new Int32Array(new SharedArrayBuffer(4))
  const config = testConfig()
  const app = await buildApp(config, { searchThread: createSearchThread({ gate }) })
  const base = await listenLoopback(app)
  const phases: string[] = []
  app.nontax.events.on('profile-search', s => phases.push(`${s.phase} ${s.captureId}`))
  const send = async (badSignature: boolean) => {
    const payload = { appid: config.secrets.appid, order_id: `ORD-${badSignature ? 'BAD' : 'OK'}`, status: 3, fee: 100 }
    const d = buildDelivery({ payload, secrets: config.secrets, profile, nowMs: Date.now(), badSignature })
    const res = await request(deliveryUrl(base + config.notifyPath, d.query), { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body })
    return { status: res.statusCode, text: await res.body.text() }
  }
  const release = () => { Atomics.store(gate, 0, 1); Atomics.notify(gate, 0) }
  return { app, send, phases, release, secrets: config.secrets }
}

describe('background discovery never delays an answer', () => {
  it('a delivery sent while a search runs is answered before the search finishes', async () => {
    const { app, send, phases, release, secrets } = await setup()
    const started = once(app.nontax.events, 'profile-search')
    const bad = await send(true)
    expect(JSON.parse(bad.text)).toMatchObject({ errcode: 300 })
    const [s] = await started as [{ captureId: string; phase: string }]
    expect(s.phase).toBe('started')
    // The search is held in its worker; the event loop still answers the next delivery.
    const good = await send(false)
    expect(checkAnswer(good.status, good.text, secrets, profile)).toMatchObject({ errcode: 0, signatureOk: true, problems: [] })
    expect(phases).toEqual([`started ${s.captureId}`])
    const finished = once(app.nontax.events, 'profile-search')
    release()
    await finished
    await app.nontax.profileHints.settled()
    expect(phases).toEqual([`started ${s.captureId}`, `finished ${s.captureId}`])
    await app.close()
  })

  it('closing the app ends a search in progress: the worker is terminated and close returns', async () => {
    const { app, send, phases } = await setup()
    const started = once(app.nontax.events, 'profile-search')
    await send(true)
    await started
    const finished = once(app.nontax.events, 'profile-search')
    // Never released: only terminating the worker ends this search.
    await app.close()
    await finished
    expect(phases.map(p => p.split(' ')[0])).toEqual(['started', 'finished'])
  })
})
