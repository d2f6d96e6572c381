import { z } from '../cjs-deps.js'
import type { CaptureRecord, CorrectionLine } from './record.js'

/**
 * What every reader of captures (list, show, verify, replay, export, discover, the store's startup
 * index) relies on. Anyone who can send the receiver bytes shapes part of a record, and anyone who
 * can write to CAPTURE_DIR shapes a whole line, so each line is checked before use: a line that
 * fails is reported by file and line and skipped, never fatal. Objects stay loose: fields added
 * later, or by other versions, pass through.
 */
const text = z.string()
const date = text.refine(s => Number.isFinite(Date.parse(s)), 'not a date')
const values = z.record(z.string(), z.union([text, z.array(text)]))
const finding = z.union([text, z.looseObject({ code: text })])

const inspection = z.looseObject({
  errcode: z.number(),
  reason: text.optional(),
  message: text.optional(),
  kind: text.optional(),
  warnings: z.array(finding),
  envelope: z.looseObject({}).optional(),
  signature: z.looseObject({ ok: z.boolean() }).optional(),
  decryption: z.union([
    z.looseObject({ ok: z.literal(true), plaintext: text }),
    z.looseObject({ ok: z.literal(false), message: text }),
  ]).optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
})

export const recordSchema = z.looseObject({
  id: text.min(1),
  receivedAt: date,
  remoteAddress: text,
  method: text,
  url: text,
  path: text,
  query: values,
  headers: values,
  contentType: text.optional(),
  body: z.looseObject({
    encoding: z.enum(['utf8', 'base64']), text, bytes: z.number(), sha256: text,
    truncated: z.looseObject({ cause: text, receivedBytes: z.number(), declaredBytes: z.number().optional(), limitBytes: z.number().optional() }).optional(),
  }),
  wxnontaxstr: text.optional(),
  inspection,
  test: z.enum(['crypto', 'signature', 'other']),
  duplicateOf: text.optional(),
  answer: z.looseObject({ status: z.number(), body: z.looseObject({ errcode: z.number(), errmsg: text }) }),
  durationMs: z.number(),
  forwarded: z.looseObject({ ok: z.boolean() }).optional(),
  corrections: z.array(z.looseObject({ what: text, at: text })).optional(),
  listener: z.object({ scheme: z.enum(['http', 'https']), host: text, port: z.number().int().min(0).max(65535) }).optional(),
})

/** A correction line (record.ts CorrectionLine); told from a record by its `correctionOf` field. */
export const correctionSchema = z.looseObject({
  correctionOf: text.min(1),
  receivedAt: date,
  what: z.literal('answer-not-delivered'),
  at: date,
})

export type RecordCheck = { ok: true; record: CaptureRecord } | { ok: true; correction: CorrectionLine } | { ok: false; problem: string }

/** The first problem is enough to say why a line was skipped: "answer.body.errcode: expected number". */
export function checkRecord (v: unknown): RecordCheck {
  if (typeof v === 'object' && v !== null && 'correctionOf' in v) {
    const c = correctionSchema.safeParse(v)
    return c.success ? { ok: true, correction: c.data as CorrectionLine } : problemOf(c.error.issues[0])
  }
  const r = recordSchema.safeParse(v)
  if (r.success) return { ok: true, record: r.data as unknown as CaptureRecord }
  return problemOf(r.error.issues[0])
}

function problemOf (issue: { path: PropertyKey[]; message: string } | undefined): RecordCheck {
  return { ok: false, problem: issue ? `${issue.path.join('.') || '(record)'}: ${issue.message}` : 'not a record' }
}
