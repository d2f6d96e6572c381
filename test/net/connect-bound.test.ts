import { Agent } from 'undici'
import { expect, it } from 'vitest'
import { SetupError } from '../../src/errors.js'
import { probeTunnel } from '../../src/preflight/tunnel.js'

it('a tunnel whose connection never completes is reported dead within the probe bound, naming the timeout', async () => {
  let connects = 0
  // A connector that never connects: what a tunnel host that drops SYNs looks like, without leaving loopback.
  const stuck = new Agent({ connect: () => { connects++ } })
  const err = await probeTunnel('http://127.0.0.1:9/nontax/notify', 'TokenA', stuck, 300).catch((e: unknown) => e)
  await stuck.destroy().catch(() => {})
  expect(connects).toBe(1)
  expect(err).toBeInstanceOf(SetupError)
  expect((err as SetupError).code).toBe('PREFLIGHT_TUNNEL_DEAD')
  expect((err as Error).message).toContain('ETIMEDOUT')
})
