import { Agent } from 'undici'
import { expect, it } from 'vitest'
import { SetupError } from '../../src/errors.js'
import { sendRequest } from '../../src/net/send-request.js'
import { probeTunnel } from '../../src/preflight/tunnel.js'

// A connector that never connects: what a host that drops connection attempts looks like, without leaving loopback.
function stuckAgent () {
  let connects = 0
  const agent = new Agent({ connect: () => { connects++ } })
  return { agent, connects: () => connects }
}

it('a tunnel whose connection never completes is reported dead within the probe bound, naming the timeout', async () => {
  const stuck = stuckAgent()
  const err = await probeTunnel('http://127.0.0.1:9/nontax/notify', 'TokenA', stuck.agent, 300).catch((e: unknown) => e)
  await stuck.agent.destroy().catch(() => {})
  expect(stuck.connects()).toBe(1)
  expect(err).toBeInstanceOf(SetupError)
  expect((err as SetupError).code).toBe('PREFLIGHT_TUNNEL_DEAD')
  expect((err as Error).message).toContain('ETIMEDOUT')
})

it('a handler whose connection never completes is a timeout within the send bound (check, forward mode)', async () => {
  const stuck = stuckAgent()
  const reply = await sendRequest('http://127.0.0.1:9/notify', { method: 'POST', headers: {}, body: Buffer.from('{}'), timeoutMs: 300, dispatcher: stuck.agent })
  await stuck.agent.destroy().catch(() => {})
  expect(stuck.connects()).toBe(1)
  expect(reply).toMatchObject({ kind: 'error', timedOut: true, unreachable: false, finding: { code: 'SEND_TIMEOUT' } })
})
