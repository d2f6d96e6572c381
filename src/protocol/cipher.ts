import { createCipheriv, createDecipheriv } from 'node:crypto'
import { NotificationError } from './errors.js'
import { randomBytesPooled } from './random.js'

/** wxbizmsgcrypt pads PKCS#7-style to 32-byte blocks, not AES's 16 (PROTOCOL.md B). */
export const PAD_BLOCK_BYTES = 32
const RANDOM_BYTES = 16
const HEADER_BYTES = RANDOM_BYTES + 4
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/
export const ENCODING_AES_KEY_RE = /^[A-Za-z0-9]{43}$/

export interface AesKey { key: Buffer; iv: Buffer }

/** key = base64(EncodingAESKey + "="), iv = first 16 bytes of key. */
export function deriveAesKey (encodingAESKey: string): AesKey {
  if (!ENCODING_AES_KEY_RE.test(encodingAESKey)) {
    throw new TypeError(`EncodingAESKey must be 43 characters of [A-Za-z0-9] (got ${encodingAESKey.length} characters)`)
  }
  const key = Buffer.from(encodingAESKey + '=', 'base64')
  return { key, iv: key.subarray(0, 16) }
}

export function pad (buf: Buffer): Buffer {
  const n = PAD_BLOCK_BYTES - (buf.length % PAD_BLOCK_BYTES)
  return Buffer.concat([buf, Buffer.alloc(n, n)])
}

export function encryptMessage (msg: string, aes: AesKey, appid: string, random: Buffer = randomBytesPooled(RANDOM_BYTES)): string {
  const body = Buffer.from(msg, 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(body.length)
  const plain = pad(Buffer.concat([random, len, body, Buffer.from(appid, 'utf8')]))
  const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64')
}

export interface Decrypted {
  msg: string
  appid: string
  random: Buffer
  cipherBytes: number
  padByte: number
  declaredLength: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decryptMessage (encrypt: string, aes: AesKey, expectedAppid: string): Decrypted {
  const cipherBytes = checkBase64(encrypt)
  const decipher = createDecipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(cipherBytes), decipher.final()])
  const padByte = plain[plain.length - 1] ?? 0
  if (padByte < 1 || padByte > PAD_BLOCK_BYTES) {
    throw new NotificationError('PADDING_INVALID',
      `pad byte is ${padByte}, expected 1..${PAD_BLOCK_BYTES}: the EncodingAESKey is probably not the one the sender used`,
      { cipherBytes: cipherBytes.length, padByte })
  }
  const content = plain.subarray(0, plain.length - padByte)
  const available = content.length - HEADER_BYTES
  const declaredLength = content.length >= HEADER_BYTES ? content.readUInt32BE(RANDOM_BYTES) : -1
  if (available < 0 || declaredLength > available) {
    throw new NotificationError('DECLARED_LENGTH_INVALID',
      `declared message length ${declaredLength} bytes exceeds the ${Math.max(available, 0)} bytes available: wrong EncodingAESKey, or truncated ciphertext`,
      { cipherBytes: cipherBytes.length, padByte, declaredLength, available: Math.max(available, 0) })
  }
  const msgBytes = content.subarray(HEADER_BYTES, HEADER_BYTES + declaredLength)
  const appidBytes = content.subarray(HEADER_BYTES + declaredLength)
  const appid = appidBytes.toString('utf8')
  if (appid !== expectedAppid) {
    // Under a wrong key these bytes are noise: show them as hex rather than as control characters.
    const shown = /^[\x20-\x7e]*$/.test(appid) ? `"${appid}",` : `${appidBytes.length} unprintable bytes (hex ${appidBytes.subarray(0, 24).toString('hex')}), so the key is probably wrong,`
    throw new NotificationError('APPID_MISMATCH',
      `appid inside the ciphertext is ${shown} expected "${expectedAppid}": the message was encrypted for another account, or WECHAT_APPID is wrong`,
      { cipherBytes: cipherBytes.length, padByte, declaredLength, appidFound: /^[\x20-\x7e]*$/.test(appid) ? appid : `hex:${appidBytes.toString('hex')}`, appidExpected: expectedAppid })
  }
  let msg: string
  try {
    msg = utf8.decode(msgBytes)
  } catch {
    throw new NotificationError('PAYLOAD_NOT_UTF8', 'decrypted message is not valid UTF-8',
      { declaredLength, hex: msgBytes.subarray(0, 64).toString('hex') })
  }
  return { msg, appid, random: content.subarray(0, RANDOM_BYTES), cipherBytes: cipherBytes.length, padByte, declaredLength }
}

function checkBase64 (encrypt: string): Buffer {
  if (encrypt.includes(' ') && BASE64_RE.test(encrypt.replaceAll(' ', '+'))) {
    throw new NotificationError('CIPHERTEXT_NOT_BASE64',
      'ciphertext contains spaces where base64 has "+": it was form-encoded without escaping "+" (send %2B, or JSON)',
      { length: encrypt.length })
  }
  if (encrypt.length === 0 || encrypt.length % 4 !== 0 || !BASE64_RE.test(encrypt)) {
    const bad = [...encrypt].findIndex((c, i) => !/[A-Za-z0-9+/=]/.test(c) || (c === '=' && i < encrypt.length - 2))
    throw new NotificationError('CIPHERTEXT_NOT_BASE64',
      bad >= 0
        ? `ciphertext is not base64: character ${JSON.stringify(encrypt[bad])} at offset ${bad}`
        : `ciphertext is not base64: length ${encrypt.length} is not a positive multiple of 4`,
      { length: encrypt.length, offset: bad })
  }
  const bytes = Buffer.from(encrypt, 'base64')
  if (bytes.length % 16 !== 0) {
    throw new NotificationError('CIPHERTEXT_LENGTH',
      `ciphertext is ${bytes.length} bytes, not a multiple of the 16-byte AES block: it was truncated or altered`,
      { cipherBytes: bytes.length })
  }
  return bytes
}
