import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { runBattery } from '../../src/check/battery.js'
import { batteryCases } from '../../src/check/cases.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { closedPortUrl, listenLoopback } from '../helpers/listen.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { testSecrets } from './helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const SIGNATURE_CLASSES = ['signature-test', 'flipped-byte', 'missing-signature', 'other-token']
const outcomes = (r: Awaited<ReturnType<typeof runBattery>>, o: string) => r.results.filter(x => x.outcome === o).map(x => x.class)

describe('check against a handler', () => {
  it('a correct reference handler passes every class; only docs/PROTOCOL.md §8 latitude is a warning', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const r = await runBattery({ target: h.url, secrets, profile })
    expect(outcomes(r, 'FAIL')).toEqual([])
    expect(outcomes(r, 'WARN')).toEqual(['signature-param', 'upper-hex', 'stale-timestamp', 'replayed-nonce'])
    expect(r.summary).toEqual({ total: 23, pass: 19, warn: 4, fail: 0, notSent: 0 })
    expect(r.results.find(x => x.class === 'one-mib')).toMatchObject({ outcome: 'PASS', reply: { errcode: 210 } })
    // The 1 MiB body is refused by the body limit before the route runs.
    expect(h.received).toBe(23)
  })

  it('a handler that skips the signature check fails exactly the signature classes, saying so', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const r = await runBattery({ target: h.url, secrets, profile })
    expect(outcomes(r, 'FAIL')).toEqual(SIGNATURE_CLASSES)
    for (const x of r.results.filter(y => y.outcome === 'FAIL')) {
      expect(x.reply.errcode).toBe(0)
      expect(x.reason).toMatch(/does not (verify|require) (signatures|msg_signature)/)
      expect(x.reason).toContain('SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex')
      expect(x.forensics.join('\n')).toMatch(/delivery msg_signature: sent ([0-9a-f]{40} in "msg_signature"|\(none\)); the correct one is [0-9a-f]{40}/)
    }
  })

  it('a handler with the wrong EncodingAESKey fails every class it should accept, with 298 explanations', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets: { ...secrets, encodingAESKey: testSecrets().encodingAESKey } })
    const r = await runBattery({ target: h.url, secrets, profile })
    expect(outcomes(r, 'FAIL')).toEqual(['crypto-test', 'signature-param', 'upper-hex', 'stale-timestamp', 'long-padding', 'answer-padding', 'duplicate-order', 'redelivery', 'chinese'])
    for (const x of r.results.filter(y => y.outcome === 'FAIL')) {
      expect(x.reply.errcode).toBe(298)
      expect(x.reason).toMatch(/could not decrypt/)
      expect(x.reason).toContain('NONTAX_ENCODING_AES_KEY')
      expect(x.forensics.join('\n')).toMatch(/delivery ciphertext decrypts with check's key: \d+ bytes, pad byte \d+/)
    }
    // Signature checks come first, so the signature classes still pass.
    expect(r.results.filter(x => SIGNATURE_CLASSES.includes(x.class)).map(x => x.outcome)).toEqual(['PASS', 'PASS', 'PASS', 'PASS'])
  })

  it('a success answer whose signature is wrong FAILs with expected vs received answer signatures', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, unsignedAnswer: true })
    const r = await runBattery({ target: h.url, secrets, profile, cases: batteryCases().slice(0, 1) })
    const x = r.results[0]!
    expect(x).toMatchObject({ class: 'crypto-test', outcome: 'FAIL', got: '0, bad answer' })
    expect(x.reason).toMatch(/^your handler answered 0 but WeChat cannot use the answer: answer msg_signature does not match/)
    expect(x.forensics.join('\n')).toMatch(new RegExp(`answer msg_signature: expected [0-9a-f]{40}, received ${'f'.repeat(40)} in "msg_signature"`))
    expect(x.forensics.join('\n')).toMatch(/answer msg_signature likely cause: the answer data decrypts with check's key, so the handler signs with another token/)
  })

  it('a framework error page instead of an errcode FAILs, naming the fix', async () => {
    const secrets = testSecrets()
    const app = Fastify()
    app.post('/notify', async () => ({ errcode: 0, errmsg: 'ok' }))
    const url = `${await listenLoopback(app)}/notify`
    const r = await runBattery({ target: url, secrets, profile, cases: batteryCases().filter(c => c.name === 'bad-json') })
    expect(r.results[0]).toMatchObject({ outcome: 'FAIL', got: 'HTTP 400, no errcode', reply: { httpStatus: 400 } })
    expect(r.results[0]?.reason).toMatch(/^your handler answered HTTP 400 with no numeric errcode in its body: the request was refused before your code ran.*answer HTTP 200 with the errcode: here \{"errcode":210\}$/)
  })

  it('nothing listening: the first class says so, the rest are not sent', async () => {
    const secrets = testSecrets()
    const url = `${await closedPortUrl()}/notify`
    const r = await runBattery({ target: url, secrets, profile })
    // One class was sent and got no answer (FAIL); the other 22 were never sent, so they are not FAILs.
    expect(r.summary).toMatchObject({ total: 23, fail: 1, notSent: 22 })
    expect(r.results[0]?.reason).toMatch(/^ECONNREFUSED: nothing listens at http:\/\/127\.0\.0\.1:\d+; start your handler or fix the URL$/)
    expect(r.results[1]?.reason).toMatch(/^not sent: ECONNREFUSED/)
    expect(r.results[0]?.reply.failure?.code).toBe('SEND_ECONNREFUSED')
    expect(r.results[1]?.reply).toMatchObject({ notSent: true, failure: { code: 'SEND_NOT_SENT' } })
    expect(r.results[0]?.got).toBe('unreachable')
  })

  it('a slow handler times out with an explanation', async () => {
    const secrets = testSecrets()
    // The handler holds the delivery until the battery has given up: no race with the clock.
    let release!: () => void
    const h = await startReferenceHandler({ secrets, gate: new Promise<void>(resolve => { release = resolve }) })
    const r = await runBattery({ target: h.url, secrets, profile, timeoutMs: 100, cases: batteryCases().slice(0, 1) })
    release()
    expect(r.results[0]).toMatchObject({ outcome: 'FAIL', got: 'timeout' })
    expect(r.results[0]?.reason).toMatch(/^timeout after 100 ms: no answer from .*WeChat gives up and retries/)
    expect(r.results[0]?.reply.failure).toMatchObject({ code: 'SEND_TIMEOUT', params: { timeoutMs: 100 } })
    expect(r.results[0]?.got).toBe('timeout')
    expect(h.received).toBe(1)
  })
})
