import { createCipheriv, createDecipheriv } from 'node:crypto'
import { checkBase64, decodeUtf8, frameWx, pad, unframeWx, unpad, type Decrypted } from '../protocol/cipher.js'
import { NotificationError } from '../protocol/errors.js'
import { randomBytesPooled } from '../protocol/random.js'
import type { ProfileDescriptor } from './descriptor.js'
import { cipherText } from './words-text.js'

type Cipher = ProfileDescriptor['cipher']

export interface EncryptOptions {
  /** The 16 random bytes of the wxbizmsgcrypt framing (tests fix them). */
  random?: Buffer | undefined
  /** Fill the padding with this byte instead of the right one: crafted attacks (0 or > block is invalid). */
  padByte?: number | undefined
}

const GCM_IV = 12
const GCM_TAG = 16

function ivFor (c: Cipher, key: Buffer): Buffer | null {
  if (c.mode === 'aes-256-ecb') return null
  if (c.iv === 'key') return key.subarray(0, 16)
  return randomBytesPooled(c.mode === 'aes-256-gcm' ? GCM_IV : 16)
}

export function encryptWith (c: Cipher, key: Buffer, msg: string, appid: string, o: EncryptOptions = {}): string {
  const framed = c.framing === 'random-len-msg-appid' ? frameWx(msg, appid, o.random) : Buffer.from(msg, 'utf8')
  const iv = ivFor(c, key)
  if (c.mode === 'aes-256-gcm') {
    const g = createCipheriv('aes-256-gcm', key, iv as Buffer)
    const body = Buffer.concat([g.update(framed), g.final()])
    return Buffer.concat([iv as Buffer, body, g.getAuthTag()]).toString('base64')
  }
  const cipher = createCipheriv(c.mode, key, iv).setAutoPadding(false)
  const body = Buffer.concat([cipher.update(pad(framed, c.padBlock, o.padByte)), cipher.final()])
  return (c.iv === 'prefix' && iv ? Buffer.concat([iv, body]) : body).toString('base64')
}

/** The plaintext bytes before unpadding and unframing, or a NotificationError naming the step that failed. */
export function openBytes (c: Cipher, key: Buffer, bytes: Buffer): { plain: Buffer; padByte: number } {
  if (c.mode === 'aes-256-gcm') {
    if (bytes.length < GCM_IV + GCM_TAG) {
      throw new NotificationError('CIPHERTEXT_LENGTH', `ciphertext is ${bytes.length} bytes, shorter than a GCM nonce (12) and tag (16)`, { cipherBytes: bytes.length })
    }
    const d = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, GCM_IV))
    d.setAuthTag(bytes.subarray(bytes.length - GCM_TAG))
    try {
      return { plain: Buffer.concat([d.update(bytes.subarray(GCM_IV, bytes.length - GCM_TAG)), d.final()]), padByte: 0 }
    } catch {
      throw new NotificationError('AUTH_TAG_INVALID', 'the AES-256-GCM tag does not verify: the key is not the one the sender used, or the ciphertext was altered', { cipherBytes: bytes.length })
    }
  }
  const prefixed = c.iv === 'prefix'
  if (prefixed && bytes.length < 32) {
    throw new NotificationError('CIPHERTEXT_LENGTH', `ciphertext is ${bytes.length} bytes: too short for a 16-byte IV and one block`, { cipherBytes: bytes.length })
  }
  const iv = c.mode === 'aes-256-ecb' ? null : prefixed ? bytes.subarray(0, 16) : key.subarray(0, 16)
  const d = createDecipheriv(c.mode, key, iv).setAutoPadding(false)
  const body = prefixed ? bytes.subarray(16) : bytes
  const plain = Buffer.concat([d.update(body), d.final()])
  return { plain, padByte: unpad(plain, c.padBlock, bytes.length).padByte }
}

export function decryptWith (c: Cipher, key: Buffer, text: string, expectedAppid: string): Decrypted {
  const bytes = checkBase64(text, c.mode !== 'aes-256-gcm')
  const { plain, padByte } = openBytes(c, key, bytes)
  const content = c.mode === 'aes-256-gcm' ? plain : plain.subarray(0, plain.length - padByte)
  if (c.framing === 'random-len-msg-appid') return unframeWx(content, expectedAppid, bytes.length, padByte)
  return { msg: decodeUtf8(content, content.length), appid: '', random: Buffer.alloc(0), cipherBytes: bytes.length, padByte, declaredLength: content.length }
}

export function describeCipher (c: Cipher): string {
  return cipherText(c)
}
