import { createHash } from 'node:crypto'
import type { KEY_FORMS } from './descriptor.js'

export type KeyForm = (typeof KEY_FORMS)[number]

/** Why a secret cannot be turned into a 32-byte AES key in this form; undefined when it can. */
export function keyProblem (secret: string, form: KeyForm): string | undefined {
  switch (form) {
    case 'base64+=': return /^[A-Za-z0-9+/]{43}$/.test(secret) ? undefined : `must be 43 base64 characters (an EncodingAESKey); got ${secret.length} characters`
    case 'ascii': return Buffer.byteLength(secret, 'utf8') === 32 ? undefined : `must be 32 bytes used as they are; got ${Buffer.byteLength(secret, 'utf8')}`
    case 'hex': return /^[0-9a-fA-F]{64}$/.test(secret) ? undefined : `must be 64 hex characters; got ${secret.length} characters`
    case 'base64': return /^[A-Za-z0-9+/]{43}=$/.test(secret) ? undefined : 'must be base64 of 32 bytes (44 characters ending in "=")'
    case 'md5-hex': return secret.length > 0 ? undefined : 'must not be empty'
  }
}

/** The 32-byte AES key a secret stands for, in each of the ways sister WeChat products derive it. */
export function deriveKey (secret: string, form: KeyForm): Buffer {
  const problem = keyProblem(secret, form)
  if (problem !== undefined) throw new TypeError(`the key ${problem}`)
  switch (form) {
    case 'base64+=': return Buffer.from(secret + '=', 'base64')
    case 'ascii': return Buffer.from(secret, 'utf8')
    case 'hex': return Buffer.from(secret, 'hex')
    case 'base64': return Buffer.from(secret, 'base64')
    // Pay v2's req_info key: the lower-case MD5 hex of the API key, its 32 characters as bytes.
    case 'md5-hex': return Buffer.from(createHash('md5').update(secret, 'utf8').digest('hex'), 'latin1')
  }
}

/** Every form this secret can be read in (discovery tries each). */
export function usableForms (secret: string, forms: readonly KeyForm[]): KeyForm[] {
  return forms.filter(f => keyProblem(secret, f) === undefined)
}
