import { createCipheriv, randomBytes } from 'node:crypto'
import { render } from '../../src/messages/render.js'
import { describe, expect, it } from 'vitest'
import { runBattery } from '../../src/check/battery.js'
import { batteryCases } from '../../src/check/cases.js'
import { answerPaddingProblem, answerPadOrderId, LONG_PAD_BYTE, longPadMessage } from '../../src/check/cases-padding.js'
import type { CaseContext } from '../../src/check/types.js'
import type { Reply } from '../../src/grade/types.js'
import { deriveKey } from '../../src/profiles/keys.js'
import { NotificationError } from '../../src/protocol/errors.js'
import { createWxBizMsgCryptProfile, type CryptoProfile, type Secrets } from '../../src/protocol/profile.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { testSecrets } from './helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const ctxFor = (secrets: Secrets): CaseContext => ({ secrets, profile, nowMs: Date.now(), runId: 'CHK0A1B2C3D', first: { nonce: '0123456789abcdef', orderId: 'CHK0A1B2C3D-01', status: 3 } })
const cases = (...names: string[]) => batteryCases().filter(c => names.includes(c.name))

/** The porting bug: AES's own PKCS#7, 16-byte blocks (what Java's PKCS5Padding and Node's auto-padding do). */
function encrypt16 (msg: string, s: Secrets): string {
  const key = deriveKey(s.encodingAESKey, 'base64+=')
  const iv = key.subarray(0, 16)
  const len = Buffer.alloc(4)
  len.writeUInt32BE(Buffer.byteLength(msg))
  const plain = Buffer.concat([randomBytes(16), len, Buffer.from(msg), Buffer.from(s.appid)])
  const c = createCipheriv('aes-256-cbc', key, iv)
  return Buffer.concat([c.update(plain), c.final()]).toString('base64')
}

/** A handler that unpads as if blocks were 16 bytes: every pad byte over 16 is "invalid". */
const unpads16: CryptoProfile = {
  ...profile,
  decrypt: (encrypt, s) => {
    const d = profile.decrypt(encrypt, s)
    if (d.padByte > 16) throw new NotificationError('PADDING_INVALID', `pad byte ${d.padByte} > 16`)
    return d
  },
}
/** A handler that pads its answers to 16-byte blocks. */
const pads16: CryptoProfile = { ...profile, encrypt: (msg, s) => encrypt16(msg, s) }

const answerWith = (data: string): Reply => ({ kind: 'answer', status: 200, headers: {}, body: Buffer.from(JSON.stringify({ errcode: 0, errmsg: 'ok', data })), durationMs: 1 })

describe('long-padding: a pad byte only 32-byte padding produces', () => {
  it('is crafted with pad byte 24, for any appid length', () => {
    for (const appid of ['wx0123456789abcdef', 'wx1', 'wxlonger-than-usual-appid-0123456789']) {
      const secrets = { ...testSecrets(), appid }
      expect(profile.decrypt(profile.encrypt(longPadMessage(ctxFor(secrets)), secrets), secrets).padByte).toBe(LONG_PAD_BYTE)
    }
  })

  it('passes a correct handler', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const r = await runBattery({ target: h.url, secrets, profile, cases: cases('long-padding') })
    expect(r.results[0]).toMatchObject({ class: 'long-padding', outcome: 'PASS', got: '0+data' })
  })

  it('FAILs a handler that unpads to 16-byte blocks, naming that bug', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, profile: unpads16 })
    const r = await runBattery({ target: h.url, secrets, profile, cases: cases('long-padding') })
    expect(r.results[0]).toMatchObject({ outcome: 'FAIL', reply: { errcode: 298 } })
    expect(r.results[0]?.findings.reason).toMatchObject({ code: 'CASE_LONG_PADDING_298', params: { padByte: 24, padBlock: '32' } })
    expect(r.results[0]?.reason).toMatch(/^your handler could not decrypt a correct delivery whose pad byte is 24 \(298\)\. If crypto-test passes, it unpads to 16-byte blocks/)
    expect(r.results[0]?.reason).toContain('accept a pad byte of 1..32')
  })
})

describe('answer-padding: the answer data is padded to 32-byte blocks', () => {
  it('recognises 16-byte padding in compact and spaced answers alike, and accepts 32-byte padding', () => {
    const secrets = testSecrets()
    const id = answerPadOrderId(ctxFor(secrets))
    for (const json of [JSON.stringify({ order_id: id, status: 3 }), `{"order_id": "${id}", "status": 3}`]) {
      const problem = answerPaddingProblem(answerWith(encrypt16(json, secrets)), secrets, profile.decrypt)
      expect(problem?.code).toBe('CASE_ANSWER_PADDING_16')
      expect(render(problem!)).toMatch(/it pads to 16-byte blocks/)
      expect(answerPaddingProblem(answerWith(profile.encrypt(json, secrets)), secrets, profile.decrypt)).toBeUndefined()
    }
  })

  it('passes a correct handler', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets })
    const r = await runBattery({ target: h.url, secrets, profile, cases: cases('answer-padding') })
    expect(r.results[0]).toMatchObject({ class: 'answer-padding', outcome: 'PASS', got: '0+data' })
  })

  it('FAILs a handler whose answer is padded to 16-byte blocks, with the lengths behind it', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, profile: pads16 })
    const r = await runBattery({ target: h.url, secrets, profile, cases: cases('answer-padding') })
    expect(r.results[0]).toMatchObject({ outcome: 'FAIL', reply: { errcode: 0 } })
    expect(r.results[0]?.findings.reason?.code).toBe('CASE_ANSWER_PADDING_16')
    expect(r.results[0]?.reason).toMatch(/^your handler's answer data is \d+ bytes of ciphertext with pad byte \d+; PKCS#7 to 32-byte blocks gives \d+ bytes with pad byte \d+: it pads to 16-byte blocks/)
  })
})
