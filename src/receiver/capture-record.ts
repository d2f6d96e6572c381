import type { FastifyRequest } from 'fastify'
import { recordBody } from '../capture/body.js'
import type { CaptureRecord, TestKind } from '../capture/record.js'
import type { Answer } from '../protocol/answer.js'
import type { Inspection } from '../protocol/inspect.js'

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-admin-token'])

export function redactHeaders (h: FastifyRequest['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue
    out[k] = REDACTED_HEADERS.has(k) ? '[redacted]' : v
  }
  return out
}

/** crypto: signed and decrypts; signature: decrypts but the signature is wrong (WeChat's second test). */
export function testKindOf (i: Inspection): TestKind {
  if (i.signature?.ok && i.decryption?.ok) return 'crypto'
  if (i.signature?.reason === 'SIGNATURE_MISMATCH' && i.decryption?.ok) return 'signature'
  return 'other'
}

export interface RecordInput {
  id: string
  req: FastifyRequest
  raw: Buffer
  inspection: Inspection
  duplicateOf: string | undefined
  answer: { status: number; body: Answer }
  receivedAtMs: number
  durationMs: number
}

export function buildCaptureRecord (x: RecordInput): CaptureRecord {
  const q = x.req.query as Record<string, string | string[]>
  const nonce = q.wxnontaxstr ?? q.nonce
  const [path] = x.req.url.split('?')
  return {
    id: x.id,
    receivedAt: new Date(x.receivedAtMs).toISOString(),
    remoteAddress: x.req.ip,
    method: x.req.method,
    url: x.req.url,
    path: path ?? x.req.url,
    query: q ?? {},
    headers: redactHeaders(x.req.headers),
    contentType: x.req.headers['content-type'],
    body: recordBody(x.raw),
    wxnontaxstr: Array.isArray(nonce) ? nonce[0] : nonce,
    inspection: x.inspection,
    test: testKindOf(x.inspection),
    duplicateOf: x.duplicateOf,
    answer: x.answer,
    durationMs: x.durationMs,
  }
}
