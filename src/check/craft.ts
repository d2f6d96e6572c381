import { createCipheriv, randomBytes } from 'node:crypto'
import { deriveAesKey, PAD_BLOCK_BYTES } from '../protocol/cipher.js'
import { newWxNontaxStr } from '../protocol/delivery.js'
import type { Secrets } from '../protocol/profile.js'
import { unixSeconds } from '../protocol/sign.js'
import type { CaseContext, CraftedRequest } from './types.js'

/** How a crafted delivery is signed and framed; every default is the correct one (PROTOCOL.md B). */
export interface FrameOptions {
  nonce?: string
  timestamp?: string
  /** Sign with this token instead of the right one. */
  token?: string
  /** The query parameter that carries the signature; undefined sends none. */
  sigParam?: string | undefined
  upperHex?: boolean
  /** The signature as sent, overriding the computed one. */
  signature?: string
  contentType?: string | undefined
  /** The body as sent, overriding {"appid","encrypt"}. */
  body?: Buffer
  appid?: string
}


export function envelopeBody (appid: string, encrypt: string): Buffer {
  return Buffer.from(JSON.stringify({ appid, encrypt }))
}

/** Sign `encrypt` and frame it as WeChat does: query wxnontaxstr, timestamp, msg_signature; JSON body. */
export function frame (ctx: CaseContext, encrypt: string, o: FrameOptions = {}): CraftedRequest {
  const nonce = o.nonce ?? newWxNontaxStr()
  const timestamp = o.timestamp ?? unixSeconds(ctx.nowMs)
  let signature = o.signature ?? ctx.profile.sign({ token: o.token ?? ctx.secrets.token, timestamp, nonce, encrypt })
  if (o.upperHex) signature = signature.toUpperCase()
  const sigParam = 'sigParam' in o ? o.sigParam : 'msg_signature'
  const query: Array<[string, string]> = [['wxnontaxstr', nonce], ['timestamp', timestamp]]
  if (sigParam !== undefined) query.push([sigParam, signature])
  return {
    query,
    contentType: 'contentType' in o ? o.contentType : 'application/json',
    body: o.body ?? envelopeBody(o.appid ?? ctx.secrets.appid, encrypt),
  }
}

export function encryptJson (ctx: CaseContext, payload: unknown, secrets: Secrets = ctx.secrets): string {
  return ctx.profile.encrypt(JSON.stringify(payload), secrets)
}

/**
 * XOR one ciphertext byte. In CBC, changing byte i of block 0 garbles the random prefix and flips
 * plaintext byte 16 + i, so the message can stay valid JSON: only the signature catches it.
 */
export function flipCiphertextByte (encrypt: string, index: number, mask = 0x01): string {
  const bytes = Buffer.from(encrypt, 'base64')
  bytes[index] = (bytes[index] ?? 0) ^ mask
  return bytes.toString('base64')
}

/** Drop the last AES block(s): still base64 and a multiple of 16, so only the content checks catch it. */
export function truncateCiphertext (encrypt: string, dropBytes = 16): string {
  const bytes = Buffer.from(encrypt, 'base64')
  return bytes.subarray(0, bytes.length - dropBytes).toString('base64')
}

/** Replace four characters in the middle with non-base64 ones; the length stays a multiple of 4. */
export function corruptBase64 (encrypt: string): string {
  const at = Math.floor(encrypt.length / 8) * 4
  return encrypt.slice(0, at) + '!*#%' + encrypt.slice(at + 4)
}

/** Encrypt with the right key and appid but fill the padding with `padByte` (0 or > 32 is invalid). */
export function encryptWithPadByte (msg: string, secrets: Secrets, padByte: number): string {
  const { key, iv } = deriveAesKey(secrets.encodingAESKey)
  const body = Buffer.from(msg, 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(body.length)
  const content = Buffer.concat([randomBytes(16), len, body, Buffer.from(secrets.appid, 'utf8')])
  const n = PAD_BLOCK_BYTES - (content.length % PAD_BLOCK_BYTES)
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([content, Buffer.alloc(n, padByte)])), cipher.final()]).toString('base64')
}

/** A 43-character EncodingAESKey nobody configured. */
export function otherEncodingAesKey (): string {
  return randomBytes(33).toString('base64').replace(/[^A-Za-z0-9]/g, 'A').slice(0, 43)
}

export function queryString (query: Array<[string, string]>): string {
  return query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}

