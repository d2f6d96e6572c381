import { pino } from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import { secretValues } from '../../src/config.js'
import { startLoop } from '../../src/loop/loop.js'
import { testConfig } from '../helpers/config.js'
import { logSink } from '../helpers/log-sink.js'

async function loop (env: Record<string, string> = {}, emulatorSecrets = {}) {
  const config = testConfig({ LOG_LEVEL: 'info', WAIT_TIMEOUT_MS: '15000', ...env })
  const sink = logSink()
  const l = await startLoop({ config, logger: pino({ level: 'info' }, sink.stream), emulatorSecrets })
  onTestFinished(() => l.close())
  return { config, sink, l }
}

describe('the embedded loop over real loopback HTTP', () => {
  it('gives PASS: delivery 1 crypto test answered 0, delivery 2 signature test answered 300', async () => {
    const { l, sink, config } = await loop()
    const v = await l.run()
    expect(v.reasons).toEqual([])
    expect(v.pass).toBe(true)
    expect(v.rows.map(r => [r.test, r.signatureOk, r.decrypted, r.errcode, r.ok])).toEqual([
      ['crypto', true, true, 0, true],
      ['signature', false, true, 300, true],
    ])
    const deliveries = sink.lines().filter(x => x.delivery)
    expect(deliveries).toHaveLength(2)
    for (const s of secretValues(config)) expect(sink.text()).not.toContain(s)
  })

  it('FAILs with a reason naming the key when the receiver has the wrong EncodingAESKey', async () => {
    const { l } = await loop({}, { encodingAESKey: 'x'.repeat(43) })
    const v = await l.run()
    expect(v.pass).toBe(false)
    expect(v.rows.map(r => r.errcode)).toEqual([298, 300])
    expect(v.reasons.join('\n')).toMatch(/no delivery decrypted: NONTAX_ENCODING_AES_KEY/)
  })

  it('FAILs naming the token when the receiver has the wrong NONTAX_TOKEN', async () => {
    const { l } = await loop({}, { token: 'SomeOtherToken' })
    const v = await l.run()
    expect(v.pass).toBe(false)
    expect(v.reasons.join('\n')).toMatch(/none passed the signature check: NONTAX_TOKEN differs/)
  })

  it('version 2 expects one correctly signed delivery', async () => {
    const { l } = await loop({ MOCK_VERSION: '2' })
    const v = await l.run()
    expect(v).toMatchObject({ pass: true, expected: 1, received: 1 })
  })
})

describe('HTTPS receiver', () => {
  it('runs the loop over HTTPS with the pair npm run certs writes', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { writeSelfSignedCerts } = await import('../../src/tls/certs.js')
    const { certFile, keyFile } = await writeSelfSignedCerts(mkdtempSync(join(tmpdir(), 'nontax-certs-')))
    const { l } = await loop({ TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile })
    expect(l.callbackUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/nontax\/notify$/)
    expect((await l.run()).pass).toBe(true)
  })
})

describe('the query-fee sister API (nontax/mockqueryfee)', () => {
  it('delivers two query-fee requests; the receiver answers the first with a signed bill, the second with 300', async () => {
    const { l, sink } = await loop({ MOCK_API: 'mockqueryfee' })
    const v = await l.run()
    expect(v).toMatchObject({ pass: true, api: 'mockqueryfee' })
    const records = sink.lines().filter(x => x.delivery).map(x => x.delivery as { inspection: { kind: string; payload: Record<string, unknown> }; answer: { body: { errcode: number } } })
    expect(records.map(r => [r.inspection.kind, r.answer.body.errcode])).toEqual([['query_fee', 0], ['query_fee', 300]])
    expect(records[0]?.inspection.payload).toMatchObject({ service_id: 1, payment_notice_no: expect.stringMatching(/^\d{19}$/) })
  })
})
