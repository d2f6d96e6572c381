import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { isProbeAnswer, newProbeNonce, PROBE_HEADER, probeHeaderValue } from '../../src/preflight/probe.js'
import { startReceiver, testEnv, type Receiver } from '../capture/helpers/receiver.js'

let dir: string
let rc: Receiver
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'probe-'))
  rc = await startReceiver(testEnv(dir))
})
afterAll(async () => {
  await rc.close()
  await rm(dir, { recursive: true, force: true })
})

const post = async (token: string, nonce: string) => {
  const res = await request(rc.notifyUrl, { method: 'POST', headers: { [PROBE_HEADER]: probeHeaderValue(token, nonce), 'content-type': 'application/json' }, body: '{}' })
  return { status: res.statusCode, text: await res.body.text() }
}

it('the receiver answers its own probe and records nothing', async () => {
  const nonce = newProbeNonce()
  const r = await post(rc.config.secrets.token, nonce)
  expect(r.status).toBe(200)
  expect(isProbeAnswer(r.text, rc.config.secrets.token, nonce)).toBe(true)
  expect(await rc.store.list()).toEqual([])
})

it('a probe header signed with another Token is an ordinary (bad) delivery: answered with an errcode and recorded', async () => {
  const r = await post('SomeOtherToken', newProbeNonce())
  expect(JSON.parse(r.text)).toHaveProperty('errcode')
  expect(JSON.parse(r.text).errcode).not.toBe(0)
  expect(await rc.store.list()).toHaveLength(1)
})
