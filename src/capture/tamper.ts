import { SetupError } from '../errors.js'
import type { MessageCode } from '../messages/en/index.js'
import { finding, render } from '../messages/render.js'
import type { Finding, Params } from '../messages/types.js'
import { SIGNATURE_PARAMS } from '../protocol/envelope.js'
import { bodyBytes } from './body.js'
import { rawQuery } from './recorded-request.js'
import type { CaptureRecord } from './record.js'

export const TAMPERS = ['signature', 'body', 'timestamp', 'appid'] as const
export type Tamper = (typeof TAMPERS)[number]

export interface Tampered {
  query: string
  body: Buffer
  /** What was changed, for the person running the replay (English; changeFinding renders it in any language). */
  change: string
  /** What a correct receiver answers, and why (English; expectFinding in any language). */
  expect: string
  changeFinding: Finding
  expectFinding: Finding
  expectErrcode: number
}

/** The recording has nothing this mutation can change: the replay cannot run (exit 2). */
export class TamperError extends SetupError {
  override readonly name = 'TamperError'
  constructor (code: MessageCode, params?: Params) { super(code, render(finding(code, params)), params ? { params } : undefined) }
}

/** The English texts (the inspector shows them) and the findings (the CLI renders them in the reader's language). */
function says (change: Finding<MessageCode>, expect: Finding<MessageCode>) {
  return { change: render(change), expect: render(expect), changeFinding: change, expectFinding: expect }
}

/** Each mutation changes one thing and needs no secrets (the point is to test the receiver's checks). */
export function applyTamper (kind: Tamper, r: CaptureRecord): Tampered {
  const query = rawQuery(r)
  const body = bodyBytes(r.body)
  switch (kind) {
    case 'signature': {
      const name = r.inspection.envelope?.signatureParam ?? SIGNATURE_PARAMS.find(p => queryValue(query, p) !== undefined) ?? 'msg_signature'
      const v = queryValue(query, name)
      if (!v) throw new TamperError('TAMPER_NO_SIGNATURE_PARAM', { name })
      const i = Math.max(0, [...v].findIndex(c => /[0-9a-f]/i.test(c)))
      const from = v[i] ?? ''
      const to = from === '0' ? '1' : '0'
      return {
        query: setQueryValue(query, name, v.slice(0, i) + to + v.slice(i + 1)), body,
        ...says(finding('TAMPER_SIGNATURE_CHANGE', { name, pos: i + 1, from, to }), finding('TAMPER_SIGNATURE_EXPECT')), expectErrcode: 300,
      }
    }
    case 'timestamp': {
      const v = queryValue(query, 'timestamp')
      if (v === undefined) throw new TamperError('TAMPER_NO_TIMESTAMP')
      const next = /^\d{1,15}$/.test(v) ? String(Number(v) + 1) : `${v}1`
      return {
        query: setQueryValue(query, 'timestamp', next), body,
        ...says(finding('TAMPER_TIMESTAMP_CHANGE', { from: v, to: next }), finding('TAMPER_TIMESTAMP_EXPECT')), expectErrcode: 300,
      }
    }
    case 'body': {
      const { text, at, from, to } = flipCiphertextChar(r)
      return {
        query, body: Buffer.from(text, 'utf8'),
        ...says(finding('TAMPER_BODY_CHANGE', { at, from, to }), finding('TAMPER_BODY_EXPECT')), expectErrcode: 300,
      }
    }
    case 'appid': {
      const { text, from, to } = changeEnvelopeAppid(r)
      return {
        query, body: Buffer.from(text, 'utf8'),
        ...says(finding('TAMPER_APPID_CHANGE', { from, to }), finding('TAMPER_APPID_EXPECT')), expectErrcode: 0,
      }
    }
  }
}

function bodyText (r: CaptureRecord, notText: 'TAMPER_BODY_NOT_TEXT_CIPHER' | 'TAMPER_BODY_NOT_TEXT_APPID'): string {
  if (r.body.encoding !== 'utf8') throw new TamperError(notText)
  return r.body.text
}

/** Alphanumerics are written the same in JSON, form and XML bodies, so a run of them locates the ciphertext. */
function flipCiphertextChar (r: CaptureRecord) {
  const cipher = r.inspection.envelope?.encrypt
  if (!cipher) throw new TamperError('TAMPER_NO_CIPHERTEXT')
  const text = bodyText(r, 'TAMPER_BODY_NOT_TEXT_CIPHER')
  const W = 4
  for (let d = 0; d < cipher.length; d++) {
    const i = Math.floor(cipher.length / 2) + (d % 2 === 0 ? d / 2 : -(d + 1) / 2)
    const window = cipher.slice(i - W, i + W + 1)
    if (i - W < 0 || window.length !== 2 * W + 1 || !/^[A-Za-z0-9]+$/.test(window)) continue
    const pos = text.indexOf(window)
    if (pos === -1) continue
    const at = pos + W
    const from = text[at] ?? ''
    const to = from === 'A' ? 'B' : 'A'
    return { text: text.slice(0, at) + to + text.slice(at + 1), at, from, to }
  }
  throw new TamperError('TAMPER_CIPHER_NOT_FOUND')
}

const APPID_PATTERNS = [
  /("(?:appid|AppId)"\s*:\s*")([^"\\]*)(")/,
  /((?:^|&)appid=)([^&]*)()/,
  /(<(?:appid|AppId|ToUserName)>(?:<!\[CDATA\[)?)([^<\]]*)()/,
]

function changeEnvelopeAppid (r: CaptureRecord) {
  const text = bodyText(r, 'TAMPER_BODY_NOT_TEXT_APPID')
  for (const re of APPID_PATTERNS) {
    const m = re.exec(text)
    if (!m) continue
    const from = m[2] ?? ''
    const last = from.at(-1)
    const to = from === '' ? 'wx0000000000000000' : from.slice(0, -1) + (last === '0' ? '1' : '0')
    const start = m.index + (m[1] ?? '').length
    return { text: text.slice(0, start) + to + text.slice(start + from.length), from, to }
  }
  throw new TamperError('TAMPER_NO_APPID_FIELD')
}

function queryValue (query: string, name: string): string | undefined {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=')
    const k = eq === -1 ? part : part.slice(0, eq)
    if (safeDecode(k) === name) return safeDecode(eq === -1 ? '' : part.slice(eq + 1))
  }
  return undefined
}

/** Rewrites only the named parameter; the rest of the query keeps its exact encoding. */
function setQueryValue (query: string, name: string, value: string): string {
  let done = false
  return query.split('&').map(part => {
    const eq = part.indexOf('=')
    const k = eq === -1 ? part : part.slice(0, eq)
    if (done || safeDecode(k) !== name) return part
    done = true
    return `${k}=${encodeURIComponent(value)}`
  }).join('&')
}

function safeDecode (s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '))
  } catch {
    return s
  }
}
