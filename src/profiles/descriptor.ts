import type { input, output } from 'zod'
import { z } from '../cjs-deps.js'

/**
 * A crypto profile as data (docs/PROTOCOL.md §5): where each value travels, how the ciphertext
 * is made, how the signature is made. WeChat publishes none of this for nontax, so the receiver,
 * the emulator, `check` and discovery all read it from one descriptor instead of code.
 */
const location = z.object({
  in: z.enum(['query', 'body', 'header']),
  name: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, 'a field name is letters, digits, _ . - (starting with a letter)'),
}).strict()

/** Which configured secret a key comes from: NONTAX_ENCODING_AES_KEY or NONTAX_TOKEN. */
const secretRef = z.enum(['aesKey', 'token'])

export const KEY_FORMS = ['base64+=', 'ascii', 'hex', 'base64', 'md5-hex'] as const
export const SIGNED_VALUES = ['token', 'timestamp', 'nonce', 'ciphertext', 'appid'] as const

export const descriptorSchema = z.object({
  name: z.string().optional(),
  body: z.enum(['json', 'form', 'xml']),
  fields: z.object({
    ciphertext: location,
    signature: location,
    timestamp: location.optional(),
    nonce: location.optional(),
    appid: location.optional(),
  }).strict(),
  cipher: z.object({
    mode: z.enum(['aes-256-cbc', 'aes-256-ecb', 'aes-256-gcm']),
    key: z.object({ from: secretRef, as: z.enum(KEY_FORMS) }).strict(),
    iv: z.enum(['key', 'prefix', 'none']),
    /** PKCS#7 block; wxbizmsgcrypt pads to 32. Ignored for GCM (no padding). */
    padBlock: z.union([z.literal(16), z.literal(32)]).default(16),
    framing: z.enum(['random-len-msg-appid', 'msg']),
  }).strict(),
  signature: z.object({
    alg: z.enum(['sha1', 'sha256', 'md5', 'hmac-sha256', 'hmac-sha1']),
    /** The HMAC key, and the trailing `&key=` of a k=v string: always NONTAX_TOKEN. */
    key: z.literal('token').default('token'),
    over: z.array(z.enum(SIGNED_VALUES)).min(1),
    order: z.enum(['sorted', 'fixed']),
    join: z.enum(['concat', 'kv']),
    encoding: z.enum(['hex', 'HEX', 'base64']),
  }).strict(),
  /** The answer: JSON {errcode, errmsg, data, timestamp, nonce, msg_signature}, data encrypted and signed as above. */
  answer: z.enum(['errcode-json']).default('errcode-json'),
}).strict().superRefine((d, ctx) => {
  // Each rule carries its catalogue code (params.code): configuration errors render from it in the reader's language.
  const bad = (code: string, message: string, path: Array<string | number>, value?: string) => ctx.addIssue({ code: 'custom', message, path, params: { code, value } })
  const { mode, iv } = d.cipher
  if (mode === 'aes-256-ecb' && iv !== 'none') bad('PROFILE_ECB_IV', 'AES-256-ECB has no IV: use "iv": "none"', ['cipher', 'iv'])
  if (mode === 'aes-256-cbc' && iv === 'none') bad('PROFILE_CBC_IV', 'AES-256-CBC needs an IV: "key" (the first 16 key bytes) or "prefix"', ['cipher', 'iv'])
  if (mode === 'aes-256-gcm' && iv !== 'prefix') bad('PROFILE_GCM_IV', 'AES-256-GCM needs a fresh nonce per message: use "iv": "prefix" (12 bytes before the ciphertext, tag after)', ['cipher', 'iv'])
  const s = d.signature
  for (const v of s.over) {
    if ((v === 'timestamp' || v === 'nonce' || v === 'appid') && d.fields[v] === undefined) bad('PROFILE_SIGNED_NEEDS_FIELD', `the signature covers ${v}, so fields.${v} must say where it travels`, ['signature', 'over'], v)
  }
  if (s.join === 'kv' && s.over.includes('token')) bad('PROFILE_KV_TOKEN', 'a k=v signature appends "&key=<secret>"; leave "token" out of "over"', ['signature', 'over'])
  if (new Set(s.over).size !== s.over.length) bad('PROFILE_OVER_TWICE', 'a value is listed twice in signature.over', ['signature', 'over'])
})

export type ProfileDescriptor = output<typeof descriptorSchema>
export type DescriptorInput = input<typeof descriptorSchema>
export type FieldLocation = output<typeof location>
export type SignedValue = (typeof SIGNED_VALUES)[number]

/** Stable key order, so the same descriptor always prints as the same NONTAX_PROFILE string. */
export function descriptorString (d: ProfileDescriptor): string {
  const { name: _name, ...rest } = d
  const f = rest.fields
  const fields = Object.fromEntries((['ciphertext', 'signature', 'timestamp', 'nonce', 'appid'] as const).flatMap(k => (f[k] ? [[k, { in: f[k].in, name: f[k].name }]] : [])))
  const c = rest.cipher
  const s = rest.signature
  return JSON.stringify({
    body: rest.body,
    fields,
    cipher: { mode: c.mode, key: { from: c.key.from, as: c.key.as }, iv: c.iv, padBlock: c.padBlock, framing: c.framing },
    // Sorted values have no order of their own: list them canonically, so equal profiles print equal.
    signature: { alg: s.alg, key: s.key, over: s.order === 'sorted' ? [...s.over].sort((x, y) => SIGNED_VALUES.indexOf(x) - SIGNED_VALUES.indexOf(y)) : s.over, order: s.order, join: s.join, encoding: s.encoding },
    answer: rest.answer,
  })
}

export function sameDescriptor (a: ProfileDescriptor, b: ProfileDescriptor): boolean {
  return descriptorString(a) === descriptorString(b)
}
