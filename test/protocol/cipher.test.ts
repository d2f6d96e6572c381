import { createCipheriv } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { pad } from '../../src/protocol/cipher.js'
import { deriveKey } from '../../src/profiles/keys.js'
import { NotificationError } from '../../src/protocol/errors.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'

const secrets = { appid: 'wx1234567890abcdef', token: 'pamtest', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
const profile = createWxBizMsgCryptProfile()
const aesKey = deriveKey(secrets.encodingAESKey, 'base64+=')
// wxbizmsgcrypt: the IV is the key's first 16 bytes.
const aes = { key: aesKey, iv: aesKey.subarray(0, 16) }

/** AES-256-CBC over exactly these plaintext bytes: lets a test craft any pad byte or length field. */
function rawEncrypt (plain: Buffer): string {
  const c = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false)
  return Buffer.concat([c.update(plain), c.final()]).toString('base64')
}
function frame (msg: Buffer, declared = msg.length, appid = secrets.appid): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(declared)
  return Buffer.concat([Buffer.alloc(16, 7), len, msg, Buffer.from(appid)])
}
function failure (encrypt: string): NotificationError {
  try {
    profile.decrypt(encrypt, secrets)
  } catch (err) {
    if (err instanceof NotificationError) return err
    throw err
  }
  throw new Error('expected a decryption failure')
}

describe('wxbizmsgcrypt cipher', () => {
  it('round-trips UTF-8 (Chinese) payloads and counts the length in bytes', () => {
    const msg = JSON.stringify({ department_name: '深圳市南山区交通运输局', item_name: '罚没收入🚗' })
    const d = profile.decrypt(profile.encrypt(msg, secrets), secrets)
    expect(d.msg).toBe(msg)
    expect(d.declaredLength).toBe(Buffer.byteLength(msg))
  })

  it('pads to 32-byte blocks with pad values 1..32', () => {
    expect(pad(Buffer.alloc(31)).subarray(31)).toEqual(Buffer.from([1]))
    expect(pad(Buffer.alloc(32)).length).toBe(64)
    expect(pad(Buffer.alloc(32))[63]).toBe(32)
  })

  it.each([
    ['a character outside base64', 'abc$', 'CIPHERTEXT_NOT_BASE64', /character "\$" at offset 3/],
    ['a length that is not a multiple of 4', 'abcde', 'CIPHERTEXT_NOT_BASE64', /length 5 is not a positive multiple of 4/],
    ['an empty string', '', 'CIPHERTEXT_NOT_BASE64', /length 0/],
    ['"+" turned into spaces by form decoding', 'ab c', 'CIPHERTEXT_NOT_BASE64', /form-encoded without escaping "\+"/],
    ['bytes that are not whole AES blocks', Buffer.alloc(20).toString('base64'), 'CIPHERTEXT_LENGTH', /20 bytes, not a multiple of the 16-byte AES block/],
  ] as const)('rejects %s', (_n, input, reason, msg) => {
    const e = failure(input)
    expect(e.reason).toBe(reason)
    expect(e.errcode).toBe(298)
    expect(e.message).toMatch(msg)
  })

  it('names a pad byte outside 1..32', () => {
    const body = frame(Buffer.from('{}'))
    const plain = Buffer.concat([body, Buffer.alloc(64 - body.length, 0)])
    const e = failure(rawEncrypt(plain))
    expect(e).toMatchObject({ reason: 'PADDING_INVALID', details: { padByte: 0, cipherBytes: 64 } })
    expect(e.message).toMatch(/pad byte is 0, expected 1\.\.32/)
    const e33 = failure(rawEncrypt(Buffer.concat([body, Buffer.alloc(64 - body.length, 33)])))
    expect(e33.details.padByte).toBe(33)
  })

  it('names a declared length past the end, with both numbers', () => {
    const e = failure(rawEncrypt(pad(frame(Buffer.from('{}'), 5000))))
    expect(e.reason).toBe('DECLARED_LENGTH_INVALID')
    expect(e.details).toMatchObject({ declaredLength: 5000, available: 2 + secrets.appid.length })
  })

  it('names the appid found and the one expected', () => {
    const e = failure(profile.encrypt('{}', { ...secrets, appid: 'wxffffffffffffffff' }))
    expect(e.reason).toBe('APPID_MISMATCH')
    expect(e.details).toMatchObject({ appidFound: 'wxffffffffffffffff', appidExpected: secrets.appid })
  })

  it('reports a message that is not UTF-8', () => {
    const e = failure(rawEncrypt(pad(frame(Buffer.from([0xff, 0xfe, 0x41])))))
    expect(e.reason).toBe('PAYLOAD_NOT_UTF8')
    expect(e.errcode).toBe(210)
  })

  it('a wrong key fails with a named reason, never an exception of another kind', () => {
    const other = { ...secrets, encodingAESKey: 'Z'.repeat(43) }
    for (let i = 0; i < 50; i++) {
      const enc = profile.encrypt(`{"n":${i}}`, secrets)
      expect(() => profile.decrypt(enc, other)).toThrow(NotificationError)
    }
  })
})
