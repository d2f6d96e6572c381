import { describe, expect, it } from 'vitest'
import { runBattery } from '../../src/check/battery.js'
import { batteryCases } from '../../src/check/cases.js'
import { renderReport } from '../../src/check/report-table.js'
import { createProfile } from '../../src/profiles/create.js'
import { namedDescriptor } from '../../src/profiles/named.js'
import type { ProfileDescriptor } from '../../src/profiles/descriptor.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { testSecrets } from './helpers/secrets.js'

const named = (n: string) => createProfile(namedDescriptor(n) as ProfileDescriptor)
const SIGNATURE_CLASSES = ['signature-test', 'flipped-byte', 'missing-signature', 'other-token']
type Report = Awaited<ReturnType<typeof runBattery>>
const failed = (r: Report) => r.results.filter(x => x.outcome === 'FAIL')

describe('fix texts speak the profile in use', () => {
  it('the same handler that skips the signature check gets fixes naming each profile\'s signature', async () => {
    const secrets = testSecrets()
    const texts: Record<string, string[]> = {}
    for (const name of ['wxbizmsgcrypt', 'payv2-md5']) {
      const profile = named(name)
      const h = await startReferenceHandler({ secrets, profile, skipSignature: true })
      const r = await runBattery({ target: h.url, secrets, profile })
      expect(failed(r).map(x => x.class)).toEqual(SIGNATURE_CLASSES)
      texts[name] = failed(r).map(x => x.reason ?? '')
      if (name === 'payv2-md5') texts.forensics = failed(r).flatMap(x => x.forensics)
    }
    for (const t of texts.wxbizmsgcrypt ?? []) {
      expect(t).toContain('compute SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex')
      expect(t).toMatch(/msg_signature/)
    }
    // Under ECB a flipped byte breaks decryption too, so that class is rejected, just not as a signature error.
    expect(texts['payv2-md5']?.[1]).toBe('your handler rejected the altered body, but not as a signature error: docs/PROTOCOL.md §4 verifies sign before decrypting, so a body altered after signing is answered 300; verify first')
    for (const t of (texts['payv2-md5'] ?? []).filter((_, i) => i !== 1)) {
      expect(t).toContain('compute MD5 over the sorted appid, nonce_str, req_info and timestamp as k=v&…&key=<Token>, upper-case hex')
      expect(t).toContain('compare it with sign in constant time')
      expect(t).not.toMatch(/SHA-1|sha1|msg_signature|wxnontaxstr/i)
    }
    expect(texts.forensics?.join('\n')).toMatch(/^delivery sign: sent [0-9A-F]{32} in "sign"; the correct one is [0-9A-F]{32}$/m)
  })

  it('a handler with another key gets a decryption fix naming the profile\'s cipher and key derivation', async () => {
    const secrets = testSecrets()
    const profile = named('payv2-md5')
    // Under ECB with message-only framing a wrong key's output ends in valid PKCS#7 about once in 256
    // tries, and the handler then (rightly) answers 210. Draw another wrong key in that case: five
    // draws in a row of that kind would be a real bug, not luck.
    let crypto
    for (let draw = 0; draw < 5 && crypto?.reply.errcode !== 298; draw++) {
      const h = await startReferenceHandler({ secrets: { ...secrets, encodingAESKey: testSecrets().encodingAESKey }, profile })
      const r = await runBattery({ target: h.url, secrets, profile })
      crypto = r.results.find(x => x.class === 'crypto-test')
    }
    expect(crypto).toMatchObject({ outcome: 'FAIL', reply: { errcode: 298 }, findings: { reason: { code: 'GRADE_MISSED_298' } } })
    expect(crypto?.reason).toContain('AES-256-ECB with the MD5 hex of the key (EncodingAESKey)')
    expect(crypto?.reason).toContain('key = md5(EncodingAESKey) as 32 lower-case hex characters')
    expect(crypto?.reason).not.toMatch(/AES-256-CBC|32 bytes, a uint32|base64\(EncodingAESKey/)
  })
})

describe('classes tied to one profile', () => {
  it('under payv2-md5 the 32-byte padding, appid and "signature" alias classes are not applicable, never PASS', async () => {
    const secrets = testSecrets()
    const profile = named('payv2-md5')
    const h = await startReferenceHandler({ secrets, profile })
    const r = await runBattery({ target: h.url, secrets, profile })
    expect(r.notApplicable.map(n => [n.class, n.finding.code])).toEqual([
      ['signature-param', 'NA_NO_SIGNATURE_ALIAS'], ['other-appid', 'NA_NO_APPID_IN_PLAINTEXT'],
      ['long-padding', 'NA_NOT_32_BYTE_PADDING'], ['answer-padding', 'NA_NOT_32_BYTE_PADDING'],
    ])
    const classes = r.results.map(x => x.class)
    for (const n of r.notApplicable) expect(classes).not.toContain(n.class)
    expect(failed(r)).toEqual([])
    // The other key is one of the profile's own form, so the reference handler rejects it as undecryptable.
    expect(r.results.find(x => x.class === 'other-key')).toMatchObject({ outcome: 'PASS', reply: { errcode: 298 } })
    const text = renderReport(r).replace(/\s+/g, ' ')
    expect(text).toContain('long-padding: not applicable under profile payv2-md5: it checks for 16-byte instead of 32-byte padding, and this profile pads to 16-byte blocks')
    expect(text).toMatch(/\(4 not applicable under profile payv2-md5\)/)
  })

  it('under gcm-headers the padding classes and the upper-case hex class are not applicable', async () => {
    const secrets = testSecrets()
    const profile = named('gcm-headers')
    const h = await startReferenceHandler({ secrets, profile })
    const r = await runBattery({ target: h.url, secrets, profile })
    expect(r.notApplicable.map(n => n.class)).toEqual(['signature-param', 'upper-hex', 'other-appid', 'bad-padding', 'long-padding', 'answer-padding'])
    expect(r.notApplicable.find(n => n.class === 'bad-padding')?.reason).toBe('not applicable under profile gcm-headers: AES-256-GCM has no padding to get wrong (the GCM tag covers the whole ciphertext)')
    expect(failed(r)).toEqual([])
  })

  it('the default profile runs every class', async () => {
    const secrets = testSecrets()
    const profile = named('wxbizmsgcrypt')
    const h = await startReferenceHandler({ secrets, profile })
    const r = await runBattery({ target: h.url, secrets, profile })
    expect(r.notApplicable).toEqual([])
    expect(r.summary.total).toBe(batteryCases().length)
  })
})
