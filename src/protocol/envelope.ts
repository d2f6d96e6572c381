import sjson from 'secure-json-parse'
import { XMLParser, XMLValidator } from '../cjs-deps.js'
import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { NotificationError } from './errors.js'

export type Query = Record<string, string | string[] | undefined>
export type EnvelopeFormat = 'json' | 'form' | 'xml'

/** Canonical names first; the rest are accepted by this tolerant reader with a warning. */
export const CIPHERTEXT_FIELDS = ['encrypt', 'Encrypt', 'data'] as const
export const SIGNATURE_PARAMS = ['msg_signature', 'signature', 'sig'] as const
export const NONCE_PARAMS = ['wxnontaxstr', 'nonce'] as const
export const TIMESTAMP_PARAMS = ['timestamp'] as const

export interface Envelope {
  format: EnvelopeFormat
  contentType: string | undefined
  encrypt: string
  encryptField: string
  appid: string | undefined
  signature: string | undefined
  signatureParam: string | undefined
  nonce: string | undefined
  nonceParam: string | undefined
  timestamp: string | undefined
  warnings: Finding[]
}

export interface EnvelopeInput { body: Buffer; contentType: string | undefined; query: Query; headers?: Query }

/**
 * Entities are never expanded: a DOCTYPE cannot blow up memory (billion laughs) or read a file (external
 * entity). An entity reference stays literal text, so it fails as ciphertext; an external entity does not parse (210).
 * A real ciphertext is base64 and needs no entity.
 */
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, processEntities: false })

export function parseEnvelope (input: EnvelopeInput): Envelope {
  const warnings: Finding[] = []
  if (input.body.length === 0) throw NotificationError.coded('BODY_EMPTY', finding('ENVELOPE_BODY_EMPTY'))
  const format = formatOf(input.contentType, input.body, warnings)
  const fields = parseFields(format, input.body)
  const encryptHit = pick(fields, CIPHERTEXT_FIELDS, 'WARN_BODY_NONCANONICAL', warnings)
  if (encryptHit === undefined) {
    throw NotificationError.coded('ENVELOPE_NO_CIPHERTEXT', finding(Object.keys(fields).length > 0 ? 'ENVELOPE_NO_CIPHERTEXT' : 'ENVELOPE_NO_FIELDS', { format, looked: CIPHERTEXT_FIELDS.join(', '), found: Object.keys(fields).join(', ') }),
      { fields: Object.keys(fields) })
  }
  const query = flattenQuery(input.query, warnings)
  const sig = pickParam(query, fields, SIGNATURE_PARAMS, warnings)
  const nonce = pickParam(query, fields, NONCE_PARAMS, warnings)
  const ts = pickParam(query, fields, TIMESTAMP_PARAMS, warnings)
  return {
    format,
    contentType: input.contentType,
    encrypt: encryptHit.value,
    encryptField: encryptHit.name,
    appid: fields.appid ?? fields.AppId ?? fields.ToUserName,
    signature: sig?.value,
    signatureParam: sig?.name,
    nonce: nonce?.value,
    nonceParam: nonce?.name,
    timestamp: ts?.value,
    warnings,
  }
}

function formatOf (contentType: string | undefined, body: Buffer, warnings: Finding[]): EnvelopeFormat {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase()
  if (mime === 'application/json' || mime?.endsWith('+json')) return 'json'
  if (mime === 'application/x-www-form-urlencoded') return 'form'
  if (mime === 'text/xml' || mime === 'application/xml') return 'xml'
  if (mime) {
    throw NotificationError.coded('CONTENT_TYPE_UNSUPPORTED', finding('ENVELOPE_CONTENT_TYPE', { mime }), { contentType })
  }
  const first = body.toString('utf8', 0, Math.min(body.length, 64)).trimStart()[0]
  const sniffed: EnvelopeFormat = first === '{' ? 'json' : first === '<' ? 'xml' : 'form'
  warnings.push(finding('WARN_NO_CONTENT_TYPE', { format: sniffed }))
  return sniffed
}

/**
 * Every top-level scalar field of a body, as received. `root`: WeChat's XML envelope is `<xml>`;
 * other profiles' may be any single root element.
 */
export function parseFields (format: EnvelopeFormat, body: Buffer, root: 'xml' | 'any' = 'xml'): Record<string, string> {
  const text = body.toString('utf8')
  try {
    if (format === 'form') return Object.fromEntries(new URLSearchParams(text))
    if (format === 'json') return stringFields(sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }), 'JSON')
    const valid = XMLValidator.validate(text)
    if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`)
    const doc: unknown = xml.parse(text)
    const top = typeof doc === 'object' && doc !== null ? doc as Record<string, unknown> : {}
    return stringFields(root === 'xml' ? top.xml : top.xml ?? Object.values(top)[0], root === 'xml' ? 'XML <xml> root' : 'XML root')
  } catch (err) {
    if (err instanceof NotificationError) throw err
    throw NotificationError.coded('ENVELOPE_UNPARSEABLE', finding('ENVELOPE_UNPARSEABLE', { format, detail: (err as Error).message }),
      { format, head: text.slice(0, 80) })
  }
}

function stringFields (v: unknown, what: string): Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new NotificationError('ENVELOPE_UNPARSEABLE', `${what} is not an object of fields (got ${Array.isArray(v) ? 'array' : typeof v})`)
  }
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out[k] = val
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val)
  }
  return out
}

function flattenQuery (query: Query, warnings: Finding[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) {
      warnings.push(finding('WARN_QUERY_REPEATED', { name: k, count: v.length }))
      if (v[0] !== undefined) out[k] = v[0]
    } else if (v !== undefined) out[k] = v
  }
  return out
}

function pick (src: Record<string, string>, names: readonly string[], where: 'WARN_QUERY_NONCANONICAL' | 'WARN_BODY_NONCANONICAL', warnings: Finding[]) {
  for (const name of names) {
    const value = src[name]
    if (value === undefined) continue
    if (name !== names[0]) warnings.push(finding(where, { name, canonical: names[0] }))
    return { name, value }
  }
  return undefined
}

/** Query first (where WeChat puts them); a body field is a fallback, with a warning. */
function pickParam (query: Record<string, string>, body: Record<string, string>, names: readonly string[], warnings: Finding[]) {
  const fromQuery = pick(query, names, 'WARN_QUERY_NONCANONICAL', warnings)
  if (fromQuery) return fromQuery
  const fromBody = pick(body, names, 'WARN_BODY_NONCANONICAL', warnings)
  if (fromBody) warnings.push(finding('WARN_PARAM_IN_BODY', { name: fromBody.name }))
  return fromBody
}
