import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'

interface Vector {
  source: string; encodingAESKey: string; token: string; appid: string; timestamp: string; nonce: string
  random: string | null; plaintext: string | null; encrypt: string; msg_signature: string | null
}
const vectors = JSON.parse(readFileSync(new URL('../fixtures/wxbizmsgcrypt-vectors.json', import.meta.url), 'utf8')) as Vector[]
const profile = createWxBizMsgCryptProfile()

describe('wxbizmsgcrypt known-answer vectors (WeChat sample code)', () => {
  it.each(vectors.map(v => [v.source.slice(0, 70), v] as const))('%s', (_name, v) => {
    const secrets = { appid: v.appid, token: v.token, encodingAESKey: v.encodingAESKey }
    const d = profile.decrypt(v.encrypt, secrets)
    expect(d.appid).toBe(v.appid)
    if (v.plaintext !== null) expect(d.msg).toBe(v.plaintext)
    if (v.random !== null) {
      expect(d.random.toString('utf8')).toBe(v.random)
      expect(profile.encrypt(d.msg, secrets, Buffer.from(v.random, 'utf8'))).toBe(v.encrypt)
    }
    if (v.msg_signature !== null) {
      expect(profile.sign({ token: v.token, timestamp: v.timestamp, nonce: v.nonce, encrypt: v.encrypt })).toBe(v.msg_signature)
    }
  })
})
