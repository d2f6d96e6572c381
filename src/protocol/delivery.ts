import { randomBytes } from 'node:crypto'
import type { CryptoProfile, Secrets } from './profile.js'
import { unixSeconds } from './sign.js'

/** A delivery as a sender puts it on the wire: the signer that ships next to the verifier. */
export interface SignedDelivery {
  query: Record<string, string>
  contentType: string
  body: Buffer
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

export function buildDelivery (o: DeliveryOptions): SignedDelivery {
  const msg = typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload)
  const encrypt = o.profile.encrypt(msg, o.secrets, o.random)
  const timestamp = unixSeconds(o.nowMs)
  const nonce = o.nonce ?? newWxNontaxStr()
  let signature = o.profile.sign({ token: o.secrets.token, timestamp, nonce, encrypt })
  // A well-formed but wrong signature: the hash of the same inputs under a token nobody has.
  if (o.badSignature) signature = o.profile.sign({ token: randomBytes(16).toString('hex'), timestamp, nonce, encrypt })
  return {
    query: { wxnontaxstr: nonce, timestamp, msg_signature: signature },
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify({ appid: o.secrets.appid, encrypt })),
  }
}

export function deliveryUrl (base: string, query: Record<string, string>): string {
  const u = new URL(base)
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v)
  return u.toString()
}
