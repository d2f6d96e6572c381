import { describe, expect, it } from 'vitest'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { discover, type DeliveryBytes } from '../../src/profiles/discover/index.js'
import { discoveryText } from '../../src/profiles/discover/report.js'
import { profileFrom } from '../../src/profiles/resolve.js'
import { testSecrets } from '../check/helpers/secrets.js'

const secrets = testSecrets()
const NOW = Date.now()
const payload = { appid: secrets.appid, order_id: 'D-1', status: 3 }

function delivery (profile: string, o: { badSignature?: boolean; s?: typeof secrets } = {}): DeliveryBytes {
  const d = buildDelivery({ payload, secrets: o.s ?? secrets, profile: profileFrom(profile), nowMs: NOW, badSignature: o.badSignature })
  return { query: d.query, headers: d.headers, contentType: d.contentType, body: d.body, receivedAtMs: NOW }
}

describe('captures discover', () => {
  it('a delivery under secrets nobody configured gets the anatomy, with the field that differs between the two tests', () => {
    const strangers = testSecrets()
    const crypto = delivery('payv2-md5', { s: { ...strangers, appid: secrets.appid } })
    const sigTest = delivery('payv2-md5', { s: { ...strangers, appid: secrets.appid }, badSignature: true })
    const d = discover(crypto, { secrets, sibling: sigTest })
    expect(d.matches).toEqual([])
    const byName = Object.fromEntries((d.anatomy?.fields ?? []).map(f => [f.name, f]))
    // ECB with the message alone is deterministic: the same payload gives the same ciphertext.
    expect(byName.req_info).toMatchObject({ in: 'body', base64: { multipleOf16: true }, versusSibling: 'same' })
    expect(byName.sign).toMatchObject({ digest: { bytes: 16, encoding: 'upper-case hex', likely: 'MD5' } })
    expect(byName.timestamp?.timestamp).toBe(new Date(Math.floor(NOW / 1000) * 1000).toISOString())
    expect(byName.nonce_str?.nonceLike).toBe(true)
    expect(byName.appid).toMatchObject({ appidLike: true, versusSibling: 'same' })
    expect(d.anatomy?.signatureSuspects).toEqual([{ in: 'body', name: 'sign' }])
    const text = discoveryText('discover X · POST /n', d, 'wxbizmsgcrypt', 'Y')
    expect(text).toContain('no profile decrypts or verifies this delivery with the secrets tried (NONTAX_ENCODING_AES_KEY, NONTAX_TOKEN); its anatomy follows')
    expect(text).toContain('16-byte digest in upper-case hex: likely MD5')
    expect(text).toContain('digest-shaped and different: body field "sign"')
    expect(text).toMatch(/bounded at 500,000, so complete/)
  })

  it('GCM ciphertext is not whole AES blocks, and the anatomy says what that suggests', () => {
    const d = discover(delivery('gcm-headers'), { secrets: testSecrets() })
    const data = d.anatomy?.fields.find(f => f.name === 'data')
    expect(data?.base64?.note).toMatch(/GCM/)
    expect(d.anatomy?.fields.find(f => f.name === 'x-wechat-signature')?.digest).toMatchObject({ bytes: 32, encoding: 'base64' })
  })

  it('a key passed with --key is tried, and the match says which variable must hold it', () => {
    const platformKey = testSecrets().encodingAESKey
    const d = discover(delivery('nontax-data-hmac', { s: { ...secrets, encodingAESKey: platformKey } }), { secrets, extraKeys: [platformKey] })
    expect(d.matches[0]).toMatchObject({ profile: 'nontax-data-hmac', decrypts: true, signatureVerifies: true, settings: ['NONTAX_ENCODING_AES_KEY=<the value you passed as --key #1>'] })
    expect(JSON.stringify(d)).not.toContain(platformKey)
  })

  it('the signature test decrypts but verifies under no recipe, and is not mistaken for a full match', () => {
    const d = discover(delivery('wxbizmsgcrypt', { badSignature: true }), { secrets })
    expect(d.matches[0]).toMatchObject({ profile: 'wxbizmsgcrypt', decrypts: true, signatureVerifies: false })
    expect(d.anatomy).toBeDefined()
  })

  it('a custom descriptor that no named profile equals is printed as the JSON NONTAX_PROFILE accepts', () => {
    const custom = profileFrom('nontax-data-sha256')
    const descriptor = { ...custom.descriptor, name: undefined, signature: { ...custom.descriptor.signature, alg: 'md5' as const } }
    const p = profileFrom(JSON.stringify(descriptor))
    const d = buildDelivery({ payload, secrets, profile: p, nowMs: NOW })
    const r = discover({ query: d.query, headers: d.headers, contentType: d.contentType, body: d.body, receivedAtMs: NOW }, { secrets })
    expect(r.matches[0]).toMatchObject({ decrypts: true, signatureVerifies: true, name: 'custom' })
    expect(profileFrom(r.matches[0]?.profile).id).toBe(p.id)
  })
})
