import { describe, expect, it } from 'vitest'
import { runBattery } from '../../src/check/battery.js'
import { batteryCases } from '../../src/check/cases.js'
import { renderReport } from '../../src/check/report-table.js'
import { REDELIVERY_SIGNAL } from '../../src/check/redelivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { startReferenceHandler, type HandlerOptions } from '../helpers/reference-handler.js'
import { testSecrets } from './helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const only = batteryCases().filter(c => c.name === 'redelivery')

async function redeliver (o: Omit<HandlerOptions, 'secrets'> = {}) {
  const secrets = testSecrets()
  const h = await startReferenceHandler({ secrets, ...o })
  const r = await runBattery({ target: h.url, secrets, profile, cases: only })
  return { h, r, result: r.results[0]! }
}

describe('redelivery: the same delivery again, as a WeChat retry', () => {
  it('an idempotent handler: 0 twice, applied once, PASS; without a marker check says it cannot see the effect', async () => {
    const { h, result } = await redeliver()
    expect(h.received).toBe(2)
    // Byte for byte the same delivery.
    expect(h.seen[1]?.body.equals(h.seen[0]!.body)).toBe(true)
    expect(h.seen[1]?.url).toBe(h.seen[0]?.url)
    expect([...h.applied.values()]).toEqual([1])
    expect(result).toMatchObject({ outcome: 'PASS', got: '0+data, then 0+data' })
    expect(result.signals).toContain(REDELIVERY_SIGNAL.UNOBSERVABLE)
    expect(result.notes.join(' ')).toContain('answer a repeat with the header Idempotent-Replayed: true')
  })

  it('a handler that marks the repeat Idempotent-Replayed: true: PASS, confirmed', async () => {
    const { result } = await redeliver({ replayMarker: 'honest' })
    expect(result).toMatchObject({ outcome: 'PASS' })
    expect(result.signals).toContain(REDELIVERY_SIGNAL.CONFIRMED)
    expect(result.notes).toEqual([])
  })

  it('a handler that says it applied the repeat (Idempotent-Replayed: false): FAIL, naming the second effect', async () => {
    const { result, r } = await redeliver({ replayMarker: 'applies-twice' })
    expect(result.outcome).toBe('FAIL')
    expect(result.reason).toMatch(/^your handler answered the repeated delivery with Idempotent-Replayed: false: it applied the same order_id and status a second time/)
    expect(renderReport(r)).toMatch(/redelivery: FAIL/)
  })

  it('a handler whose unique key throws on a repeat (299): FAIL on the second sending, saying a retry must get 0', async () => {
    const seen = new Set<unknown>()
    const { result } = await redeliver({
      answer: p => {
        if (seen.has(p.order_id)) return 299
        seen.add(p.order_id)
        return { order_id: p.order_id, status: p.status }
      },
    })
    expect(result).toMatchObject({ outcome: 'FAIL', got: '0+data, then 299', reply: { errcode: 299 } })
    expect(result.reason).toMatch(/^the first sending was answered 0; the same delivery sent again got 299: your handler rejected a delivery it had just answered 0, sent again byte for byte/)
  })

  it('a first sending that fails is not repeated', async () => {
    const { h, result } = await redeliver({ unsignedAnswer: true })
    expect(h.received).toBe(1)
    expect(result.outcome).toBe('FAIL')
    expect(result.reason).toMatch(/^the first of two sendings already failed, so the repeat was not sent: /)
  })
})
