import { randomBytes } from 'node:crypto'
import type { CryptoProfile, Secrets } from './profile.js'
import { unixSeconds } from './sign.js'

/** A delivery as a sender puts it on the wire: the signer that ships next to the verifier. */
export interface SignedDelivery {
  query: Record<string, string>
  /** Lower-case names; only profiles that carry values in headers set any. */
  headers: Record<string, string>
  contentType: string
  body: Buffer
  /** The nonce it carries (wxnontaxstr by default), wherever the profile puts it. */
  nonce: string
  /** The signed timestamp and ciphertext: a grader recognises an answer signed over them by mistake. */
  timestamp: string
  ciphertext: string
}

export interface DeliveryOptions {
  payload: unknown
  secrets: Secrets
  profile: CryptoProfile
  nowMs: number
  nonce?: string
  random?: Buffer
  /** For the signature test: sign with the wrong value on purpose. */
  badSignature?: boolean
}

export function newWxNontaxStr (): string {
  return randomBytes(8).toString('hex')
}

/** The one sender-side framer: encrypt, sign, and place each value where the profile carries it. */
export function buildDelivery (o: DeliveryOptions): SignedDelivery {
  const msg = typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload)
  const ciphertext = o.profile.encrypt(msg, o.secrets, { random: o.random })
  const timestamp = unixSeconds(o.nowMs)
  const nonce = o.nonce ?? newWxNontaxStr()
  const appid = o.secrets.appid
  // A well-formed but wrong signature: the same inputs signed under a token nobody has.
  const token = o.badSignature ? randomBytes(16).toString('hex') : o.secrets.token
  const signature = o.profile.sign({ token, timestamp, nonce, encrypt: ciphertext, appid })
  return { ...o.profile.frame({ ciphertext, signature, timestamp, nonce, appid }), nonce, timestamp, ciphertext }
}

export function deliveryUrl (base: string, query: Record<string, string>): string {
  const u = new URL(base)
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v)
  return u.toString()
}
