import { describe, expect, it } from 'vitest'
import type { CaptureRecord } from '../../src/capture/record.js'
import { computeVerdict, type VerdictInput } from '../../src/verdict/verdict.js'
import { fakeRecord } from '../capture/helpers/records.js'

/** Two v1 deliveries that failed the same way: neither decrypted, or both decrypted and neither verified. */
function failed (decrypted: boolean): CaptureRecord[] {
  return ['n1', 'n2'].map(id => {
    const r = fakeRecord({ id, errcode: decrypted ? 300 : 298 })
    r.inspection.signature = { ok: false, warnings: [] }
    r.inspection.decryption = decrypted
      ? { ok: true, appid: 'wx0', cipherBytes: 32, padByte: 1, declaredLength: 2, plaintext: '{}' }
      : { ok: false, reason: 'PADDING_INVALID', message: 'pad byte is 0', details: {} }
    return r
  })
}

const input = (records: CaptureRecord[], o: Partial<VerdictInput>): VerdictInput => ({
  mode: 'embedded', api: 'nontax/mocknotification', version: 1, callbackUrl: 'http://127.0.0.1/notify', records, timedOut: false, assumption: '', waitTimeoutMs: 1000, ...o,
})

describe('verdict: the setting named when every delivery fails alike follows where the profile takes its AES key', () => {
  it('EncodingAESKey-keyed (the default): nothing decrypts → the EncodingAESKey; all decrypt, none verify → the Token', () => {
    expect(computeVerdict(input(failed(false), {})).reasons.join('\n')).toMatch(/NONTAX_ENCODING_AES_KEY.*copy the EncodingAESKey/)
    expect(computeVerdict(input(failed(true), { keyFrom: 'aesKey' })).reasons.join('\n')).toMatch(/NONTAX_TOKEN differs/)
  })

  it('Token-keyed: nothing decrypts → the Token, never the EncodingAESKey; all decrypt → the Token is right, the signature scheme is not', () => {
    const none = computeVerdict(input(failed(false), { keyFrom: 'token' })).reasons.join('\n')
    expect(none).toMatch(/derives the AES key from the Token, so NONTAX_TOKEN differs/)
    expect(none).not.toMatch(/ENCODING_AES_KEY|EncodingAESKey/)
    const all = computeVerdict(input(failed(true), { keyFrom: 'token' })).reasons.join('\n')
    expect(all).toMatch(/NONTAX_TOKEN is right/)
    expect(all).toMatch(/captures -- discover last/)
  })

  it('says the same in Chinese under zh', () => {
    const none = computeVerdict(input(failed(false), { keyFrom: 'token', lang: 'zh' })).reasons.join('\n')
    expect(none).toContain('当前配置由 Token 派生 AES 密钥')
    expect(none).not.toContain('EncodingAESKey')
  })
})
