import type { Query } from '../../protocol/envelope.js'
import type { FieldLocation } from '../descriptor.js'
import { bodyFields, first, type BodyFormat } from '../wire.js'

/** A delivery as discovery sees it: the recorded bytes, nothing decoded yet. */
export interface DeliveryBytes {
  query: Query
  headers: Query
  contentType: string | undefined
  body: Buffer
  receivedAtMs: number
}

export interface Field extends FieldLocation { value: string }

/** Headers every HTTP client sends: never a signature, timestamp or nonce. */
const TRANSPORT_HEADERS = new Set([
  'host', 'content-length', 'content-type', 'connection', 'user-agent', 'accept', 'accept-encoding', 'accept-language',
  'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'via', 'pragma', 'cache-control', 'transfer-encoding',
  'authorization', 'cookie', 'proxy-authorization', 'x-admin-token',
])

/** The body's format: its content-type when it names one, else what the first byte says. */
export function bodyFormatOf (d: DeliveryBytes): BodyFormat | undefined {
  const mime = d.contentType?.split(';')[0]?.trim().toLowerCase()
  if (mime === 'application/json' || mime?.endsWith('+json')) return 'json'
  if (mime === 'application/x-www-form-urlencoded') return 'form'
  if (mime === 'text/xml' || mime === 'application/xml') return 'xml'
  const c = d.body.toString('utf8', 0, Math.min(64, d.body.length)).trimStart()[0]
  return c === '{' ? 'json' : c === '<' ? 'xml' : d.body.length > 0 ? 'form' : undefined
}

/** Every value the delivery carries, with where it travels. */
export function fieldsOf (d: DeliveryBytes): { format: BodyFormat | undefined; fields: Field[]; bodyError?: string } {
  const fields: Field[] = []
  for (const [name, v] of Object.entries(d.query)) {
    const value = first(v)
    if (value !== undefined) fields.push({ in: 'query', name, value })
  }
  for (const [name, v] of Object.entries(d.headers)) {
    const value = first(v)
    if (value !== undefined && !TRANSPORT_HEADERS.has(name.toLowerCase()) && value !== '[redacted]') fields.push({ in: 'header', name: name.toLowerCase(), value })
  }
  const format = bodyFormatOf(d)
  if (format === undefined) return { format, fields }
  try {
    for (const [name, value] of Object.entries(bodyFields(format, d.body))) fields.push({ in: 'body', name, value })
    return { format, fields }
  } catch (err) {
    return { format, fields, bodyError: (err as Error).message }
  }
}

export function sameField (a: FieldLocation, b: FieldLocation): boolean {
  return a.in === b.in && a.name === b.name
}

export function fieldLabel (f: FieldLocation): string {
  return `${f.in} ${f.in === 'header' ? 'header' : 'field'} "${f.name}"`
}
