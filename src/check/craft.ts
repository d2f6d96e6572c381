import { randomBytes } from 'node:crypto'
import { newWxNontaxStr } from '../protocol/delivery.js'
import { ERRCODE, NotificationError } from '../protocol/errors.js'
import type { Secrets } from '../protocol/profile.js'
import { unixSeconds } from '../protocol/sign.js'
import { frameWire } from '../profiles/wire.js'
import type { CaseContext, CraftedRequest } from './types.js'

/** How a crafted delivery is signed and framed; every default is the correct one for the profile (docs/PROTOCOL.md §4-§6). */
export interface FrameOptions {
  nonce?: string
  timestamp?: string
  /** Sign with this token instead of the right one. */
  token?: string
  /** The field that carries the signature (in the profile's place for it); undefined sends none. */
  sigParam?: string | undefined
  /** Send the signature's hex in the other case than the profile emits. */
  upperHex?: boolean
  /** The signature as sent, overriding the computed one. */
  signature?: string
  contentType?: string | undefined
  /** The body as sent, overriding the profile's envelope. */
  body?: Buffer
  appid?: string
}

/** Sign `encrypt` and frame it as the profile says WeChat does; all crypto and placement go through the profile. */
export function frame (ctx: CaseContext, encrypt: string, o: FrameOptions = {}): CraftedRequest {
  const d = ctx.profile.descriptor
  const nonce = o.nonce ?? newWxNontaxStr()
  const timestamp = o.timestamp ?? unixSeconds(ctx.nowMs)
  const appid = o.appid ?? ctx.secrets.appid
  let signature = o.signature ?? ctx.profile.sign({ token: o.token ?? ctx.secrets.token, timestamp, nonce, encrypt, appid })
  if (o.upperHex) signature = d.signature.encoding === 'HEX' ? signature.toLowerCase() : signature.toUpperCase()
  const sigName = 'sigParam' in o ? o.sigParam : d.fields.signature.name
  const fields = { ...d.fields, signature: { ...d.fields.signature, name: sigName ?? d.fields.signature.name } }
  const wire = frameWire({ ...d, fields }, { ciphertext: encrypt, signature: sigName === undefined ? undefined : signature, timestamp, nonce, appid })
  return {
    query: Object.entries(wire.query),
    contentType: 'contentType' in o ? o.contentType : wire.contentType,
    ...(Object.keys(wire.headers).length > 0 ? { headers: wire.headers } : {}),
    body: o.body ?? wire.body,
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

/** The request with its body cut in the middle: a JSON envelope that no longer parses (210). */
export function cutBodyInHalf (req: CraftedRequest): CraftedRequest {
  return { ...req, body: req.body.subarray(0, Math.floor(req.body.length / 2)) }
}

/** Replace four characters in the middle with non-base64 ones; the length stays a multiple of 4. */
export function corruptBase64 (encrypt: string): string {
  const at = Math.floor(encrypt.length / 8) * 4
  return encrypt.slice(0, at) + '!*#%' + encrypt.slice(at + 4)
}

/** Encrypt with the right key and appid but fill the padding with `padByte` (0, or over the block, is invalid). */
export function encryptWithPadByte (ctx: CaseContext, msg: string, padByte: number): string {
  return ctx.profile.encrypt(msg, ctx.secrets, { padByte })
}

/**
 * The secrets with the one the profile's AES key comes from replaced by another of the same form
 * (docs/PROTOCOL.md §5): a 43-character EncodingAESKey, 64 hex characters, … nobody configured.
 */
export function otherKeySecrets (ctx: CaseContext): Secrets {
  const k = ctx.profile.descriptor.cipher.key
  const bytes = randomBytes(32)
  const other = { 'base64+=': otherEncodingAesKey(), ascii: bytes.toString('hex').slice(0, 32), hex: bytes.toString('hex'), base64: bytes.toString('base64'), 'md5-hex': `other-${bytes.toString('hex')}` }[k.as]
  return k.from === 'aesKey' ? { ...ctx.secrets, encodingAESKey: other } : { ...ctx.secrets, token: other }
}

/**
 * `payload` encrypted under another key whose ciphertext the configured key rejects as undecryptable
 * (298). Where the plaintext is the message alone (no length or appid to check), a wrong key's output
 * still passes PKCS#7 now and then and only fails as text (210); such keys are skipped so the class
 * always sends what it says.
 */
export function encryptUnderOtherKey (ctx: CaseContext, payload: unknown): string {
  let encrypt = ''
  for (let i = 0; i < 32; i++) {
    encrypt = encryptJson(ctx, payload, otherKeySecrets(ctx))
    try {
      ctx.profile.decrypt(encrypt, ctx.secrets)
    } catch (err) {
      if (err instanceof NotificationError && err.errcode === ERRCODE.DECRYPT) return encrypt
    }
  }
  return encrypt
}

/** A 43-character EncodingAESKey nobody configured. */
export function otherEncodingAesKey (): string {
  return randomBytes(33).toString('base64').replace(/[^A-Za-z0-9]/g, 'A').slice(0, 43)
}

export function queryString (query: Array<[string, string]>): string {
  return query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}
