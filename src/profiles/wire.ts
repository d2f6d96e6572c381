import { finding } from '../messages/render.js'
import { parseFields, type Envelope, type EnvelopeInput, type Query } from '../protocol/envelope.js'
import { NotificationError } from '../protocol/errors.js'
import type { FieldLocation, ProfileDescriptor } from './descriptor.js'

export type BodyFormat = ProfileDescriptor['body']

/** Every top-level string field of a body, as received; throws ENVELOPE_UNPARSEABLE when the body is not that format. */
export function bodyFields (format: BodyFormat, body: Buffer): Record<string, string> {
  return parseFields(format, body, 'any')
}

export function first (v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}

export interface Sources { query: Query; headers: Query; body: Record<string, string> }

export function valueAt (loc: FieldLocation | undefined, s: Sources): string | undefined {
  if (loc === undefined) return undefined
  if (loc.in === 'query') return first(s.query[loc.name])
  if (loc.in === 'header') return first(s.headers[loc.name.toLowerCase()])
  return s.body[loc.name]
}

/** The strict reader of a descriptor profile: each value from exactly where the descriptor says. */
export function readEnvelope (d: ProfileDescriptor, input: EnvelopeInput): Envelope {
  if (input.body.length === 0) throw NotificationError.coded('BODY_EMPTY', finding('PROFILE_BODY_EMPTY', { format: d.body.toUpperCase() }))
  const s: Sources = { query: input.query, headers: input.headers ?? {}, body: bodyFields(d.body, input.body) }
  const f = d.fields
  const encrypt = valueAt(f.ciphertext, s)
  if (encrypt === undefined) {
    const fields = Object.keys(s.body)
    const where = { in: f.ciphertext.in, name: f.ciphertext.name }
    throw NotificationError.coded('ENVELOPE_NO_CIPHERTEXT', fields.length > 0 ? finding('PROFILE_NO_CIPHERTEXT', { ...where, fields: fields.join(', ') }) : finding('PROFILE_NO_BODY_FIELDS', where), { fields })
  }
  return {
    format: d.body,
    contentType: input.contentType,
    encrypt,
    encryptField: f.ciphertext.name,
    appid: valueAt(f.appid, s),
    signature: valueAt(f.signature, s),
    signatureParam: f.signature.name,
    nonce: valueAt(f.nonce, s),
    nonceParam: f.nonce?.name,
    timestamp: valueAt(f.timestamp, s),
    warnings: [],
  }
}

/** `signature` undefined leaves the signature out (a crafted attack). */
export interface WireValues { ciphertext: string; signature: string | undefined; timestamp: string; nonce: string; appid: string }

/** A delivery as a sender puts it on the wire. */
export interface WireRequest { query: Record<string, string>; headers: Record<string, string>; contentType: string; body: Buffer }

const CONTENT_TYPE: Record<BodyFormat, string> = { json: 'application/json', form: 'application/x-www-form-urlencoded', xml: 'text/xml' }

/** The one delivery framer: every value where the descriptor says it travels. */
export function frameWire (d: ProfileDescriptor, v: WireValues): WireRequest {
  const query: Record<string, string> = {}
  const headers: Record<string, string> = {}
  const body: Array<[string, string]> = []
  const put = (loc: FieldLocation | undefined, value: string | undefined) => {
    if (loc === undefined || value === undefined) return
    if (loc.in === 'query') query[loc.name] = value
    else if (loc.in === 'header') headers[loc.name.toLowerCase()] = value
    else body.push([loc.name, value])
  }
  const f = d.fields
  put(f.nonce, v.nonce)
  put(f.timestamp, v.timestamp)
  put(f.appid, v.appid)
  put(f.ciphertext, v.ciphertext)
  put(f.signature, v.signature)
  return { query, headers, contentType: CONTENT_TYPE[d.body], body: Buffer.from(serializeBody(d.body, body)) }
}

export function serializeBody (format: BodyFormat, fields: Array<[string, string]>): string {
  if (format === 'json') return JSON.stringify(Object.fromEntries(fields))
  if (format === 'form') return new URLSearchParams(fields).toString()
  return `<xml>${fields.map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`).join('')}</xml>`
}
