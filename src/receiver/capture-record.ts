import { parse as parseQuery } from 'node:querystring'
import { recordBody } from '../capture/body.js'
import type { CaptureRecord, ForwardedSummary } from '../capture/record.js'
import { mockTestOf } from '../grade/mock-tests.js'
import type { Answer } from '../protocol/answer.js'
import type { Query } from '../protocol/envelope.js'
import type { Inspection } from '../protocol/inspect.js'
import type { HeaderValues, ReceivedRequest } from './received-request.js'
import { localIso } from '../time/local.js'

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-admin-token'])

export function redactHeaders (h: HeaderValues): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue
    out[k] = REDACTED_HEADERS.has(k) ? '[redacted]' : v
  }
  return out
}

/** Repeated parameters arrive as arrays (`?a=1&a=2` → ['1', '2']); the envelope reader flags them. */
export function parsedQuery (raw: string | undefined): Query {
  return raw === undefined || raw === '' ? {} : { ...parseQuery(raw) }
}

/** Path and query exactly as on the request line. */
export function requestUrl (req: Pick<ReceivedRequest, 'path' | 'query'>): string {
  return req.query === undefined ? req.path : `${req.path}?${req.query}`
}


export interface RecordInput {
  id: string
  req: ReceivedRequest
  query: Query
  inspection: Inspection
  duplicateOf: string | undefined
  answer: { status: number; body: Answer }
  forwarded: ForwardedSummary | undefined
  receivedAtMs: number
  durationMs: number
}

export function buildCaptureRecord (x: RecordInput): CaptureRecord {
  const nonce = x.query.wxnontaxstr ?? x.query.nonce
  const contentType = x.req.headers['content-type']
  const record: CaptureRecord = {
    id: x.id,
    receivedAt: localIso(x.receivedAtMs),
    remoteAddress: x.req.remoteAddress,
    method: x.req.method,
    url: requestUrl(x.req),
    path: x.req.path,
    query: definedValues(x.query),
    headers: redactHeaders(x.req.headers),
    contentType: Array.isArray(contentType) ? contentType[0] : contentType,
    body: recordBody(x.req.body),
    // The delivery's nonce: wxnontaxstr by default, or wherever the profile carries it.
    wxnontaxstr: (Array.isArray(nonce) ? nonce[0] : nonce) ?? x.inspection.envelope?.nonce,
    inspection: x.inspection,
    // crypto: signed and decrypts; signature: decrypts but the signature is wrong (WeChat's second test).
    test: mockTestOf(x.inspection),
    duplicateOf: x.duplicateOf,
    answer: x.answer,
    durationMs: x.durationMs,
  }
  if (x.req.truncated) record.body.truncated = x.req.truncated
  if (x.req.listener) record.listener = x.req.listener
  if (x.forwarded) record.forwarded = x.forwarded
  return record
}

function definedValues (q: Query): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(q)) if (v !== undefined) out[k] = v
  return out
}
