import { NotificationError } from './errors.js'
import { randomBytesPooled } from './random.js'
import { finding } from '../messages/render.js'

/** wxbizmsgcrypt pads PKCS#7-style to 32-byte blocks, not AES's 16 (docs/PROTOCOL.md §4.1). */
export const PAD_BLOCK_BYTES = 32
export const RANDOM_BYTES = 16
const HEADER_BYTES = RANDOM_BYTES + 4
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/
export const ENCODING_AES_KEY_RE = /^[A-Za-z0-9]{43}$/

/** PKCS#7 to `block` bytes; `padByte` overrides the fill value (crafted attacks send an invalid one). */
export function pad (buf: Buffer, block = PAD_BLOCK_BYTES, padByte?: number): Buffer {
  const n = block - (buf.length % block)
  return Buffer.concat([buf, Buffer.alloc(n, padByte ?? n)])
}

/** random(16) ‖ uint32 BE length ‖ msg ‖ appid: the wxbizmsgcrypt plaintext framing. */
export function frameWx (msg: string, appid: string, random: Buffer = randomBytesPooled(RANDOM_BYTES)): Buffer {
  const body = Buffer.from(msg, 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(body.length)
  return Buffer.concat([random, len, body, Buffer.from(appid, 'utf8')])
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

/** Strip PKCS#7 padding of `block` bytes; a pad byte outside 1..block means the key is wrong. */
export function unpad (plain: Buffer, block: number, cipherBytes: number): { content: Buffer; padByte: number } {
  const padByte = plain[plain.length - 1] ?? 0
  if (padByte < 1 || padByte > block) {
    throw NotificationError.coded('PADDING_INVALID', finding('DECRYPT_PAD_INVALID', { padByte, block }), { cipherBytes, padByte })
  }
  return { content: plain.subarray(0, plain.length - padByte), padByte }
}

export function unframeWx (content: Buffer, expectedAppid: string, cipherBytes: number, padByte: number): Decrypted {
  const available = content.length - HEADER_BYTES
  const declaredLength = content.length >= HEADER_BYTES ? content.readUInt32BE(RANDOM_BYTES) : -1
  if (available < 0 || declaredLength > available) {
    throw NotificationError.coded('DECLARED_LENGTH_INVALID', finding('DECRYPT_LENGTH_INVALID', { declaredLength, available: Math.max(available, 0) }),
      { cipherBytes, padByte, declaredLength, available: Math.max(available, 0) })
  }
  const msgBytes = content.subarray(HEADER_BYTES, HEADER_BYTES + declaredLength)
  const appidBytes = content.subarray(HEADER_BYTES + declaredLength)
  const appid = appidBytes.toString('utf8')
  if (appid !== expectedAppid) {
    // Under a wrong key these bytes are noise: show them as hex rather than as control characters.
    const printable = /^[\x20-\x7e]*$/.test(appid)
    const f = printable
      ? finding('DECRYPT_APPID_MISMATCH', { found: appid, expected: expectedAppid })
      : finding('DECRYPT_APPID_NOISE', { count: appidBytes.length, hex: appidBytes.subarray(0, 24).toString('hex'), expected: expectedAppid })
    throw NotificationError.coded('APPID_MISMATCH', f,
      { cipherBytes, padByte, declaredLength, appidFound: /^[\x20-\x7e]*$/.test(appid) ? appid : `hex:${appidBytes.toString('hex')}`, appidExpected: expectedAppid })
  }
  return { msg: decodeUtf8(msgBytes, declaredLength), appid, random: content.subarray(0, RANDOM_BYTES), cipherBytes, padByte, declaredLength }
}

export function decodeUtf8 (bytes: Buffer, declaredLength: number): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw NotificationError.coded('PAYLOAD_NOT_UTF8', finding('DECRYPT_NOT_UTF8'),
      { declaredLength, hex: bytes.subarray(0, 64).toString('hex') })
  }
}

/** Base64 text to bytes, naming what is wrong; `blockMultiple` (CBC/ECB) also requires whole AES blocks. */
export function checkBase64 (encrypt: string, blockMultiple = true): Buffer {
  if (encrypt.includes(' ') && BASE64_RE.test(encrypt.replaceAll(' ', '+'))) {
    throw NotificationError.coded('CIPHERTEXT_NOT_BASE64', finding('CIPHER_SPACES'), { length: encrypt.length })
  }
  if (encrypt.length === 0 || encrypt.length % 4 !== 0 || !BASE64_RE.test(encrypt)) {
    const bad = [...encrypt].findIndex((c, i) => !/[A-Za-z0-9+/=]/.test(c) || (c === '=' && i < encrypt.length - 2))
    throw NotificationError.coded('CIPHERTEXT_NOT_BASE64',
      bad >= 0 ? finding('CIPHER_BAD_CHAR', { char: JSON.stringify(encrypt[bad]), offset: bad }) : finding('CIPHER_BAD_LENGTH', { length: encrypt.length }),
      { length: encrypt.length, offset: bad })
  }
  const bytes = Buffer.from(encrypt, 'base64')
  if (blockMultiple && bytes.length % 16 !== 0) {
    throw NotificationError.coded('CIPHERTEXT_LENGTH', finding('CIPHER_NOT_BLOCKS', { bytes: bytes.length }), { cipherBytes: bytes.length })
  }
  return bytes
}
