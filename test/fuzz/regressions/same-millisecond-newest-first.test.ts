import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { testConfig } from '../../helpers/config.js'
import { paymentDelivery } from '../../hardening/helpers.js'

/**
 * Found by test/fuzz/receiver.fuzz.test.ts (seed 20260127): two deliveries recorded in the same
 * millisecond came back oldest first from list(), so "the newest capture" (limit 1) was the wrong one.
 * Cause: applyFilter sorted newest first with a stable sort over records iterated oldest first.
 */
describe('regression: same-millisecond captures', () => {
  it('list({ limit: 1 }) returns the delivery recorded last', async () => {
    const config = testConfig({ ADMIN_TOKEN: 'admin-token-for-tests-0123456789' })
    const app = await buildApp(config, { now: () => 1_790_000_000_000 })
    onTestFinished(() => app.close())
    const sent: string[] = []
    for (const orderId of ['FIRST', 'SECOND', 'THIRD']) {
      const d = paymentDelivery(config.secrets, orderId)
      sent.push(d.query.wxnontaxstr ?? '')
      const res = await app.inject({ method: 'POST', url: config.notifyPath, query: d.query, headers: { 'content-type': d.contentType }, payload: d.body })
      expect(res.json().errcode).toBe(0)
    }
    const newest = await app.inject({ url: '/_captures?limit=1', headers: { 'x-admin-token': 'admin-token-for-tests-0123456789' } })
    expect(newest.json().map((c: { wxnontaxstr: string }) => c.wxnontaxstr)).toEqual([sent[2]])
  })
})
