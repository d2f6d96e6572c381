import { SIGNATURE_PARAMS } from '../protocol/envelope.js'
import { bodyBytes } from './body.js'
import { rawQuery } from './recorded-request.js'
import type { CaptureRecord } from './record.js'

export const TAMPERS = ['signature', 'body', 'timestamp', 'appid'] as const
export type Tamper = (typeof TAMPERS)[number]

export interface Tampered {
  query: string
  body: Buffer
  /** What was changed, for the person running the replay. */
  change: string
  /** What a correct receiver answers, and why. */
  expect: string
  expectErrcode: number
}

export class TamperError extends Error {
  override readonly name = 'TamperError'
}

/** Each mutation changes one thing and needs no secrets (the point is to test the receiver's checks). */
export function applyTamper (kind: Tamper, r: CaptureRecord): Tampered {
  const query = rawQuery(r)
  const body = bodyBytes(r.body)
  switch (kind) {
    case 'signature': {
      const name = r.inspection.envelope?.signatureParam ?? SIGNATURE_PARAMS.find(p => queryValue(query, p) !== undefined) ?? 'msg_signature'
      const v = queryValue(query, name)
      if (!v) throw new TamperError(`the recorded request has no "${name}" query parameter to tamper with; try --tamper body`)
      const i = Math.max(0, [...v].findIndex(c => /[0-9a-f]/i.test(c)))
      const from = v[i] ?? ''
      const to = from === '0' ? '1' : '0'
      return {
        query: setQueryValue(query, name, v.slice(0, i) + to + v.slice(i + 1)), body,
        change: `${name}: character ${i + 1} changed "${from}" → "${to}"`,
        expect: 'errcode 300: the signature no longer matches', expectErrcode: 300,
      }
    }
    case 'timestamp': {
      const v = queryValue(query, 'timestamp')
      if (v === undefined) throw new TamperError('the recorded request has no "timestamp" query parameter to tamper with')
      const next = /^\d{1,15}$/.test(v) ? String(Number(v) + 1) : `${v}1`
      return {
        query: setQueryValue(query, 'timestamp', next), body,
        change: `timestamp: ${v} → ${next}`,
        expect: 'errcode 300: the timestamp is signed, so the signature no longer matches', expectErrcode: 300,
      }
    }
    case 'body': {
      const { text, at, from, to } = flipCiphertextChar(r)
      return {
        query, body: Buffer.from(text, 'utf8'),
        change: `ciphertext: one base64 character changed at body offset ${at} ("${from}" → "${to}"), still valid base64 of the same length`,
        expect: 'errcode 300: the signature covers the ciphertext', expectErrcode: 300,
      }
    }
    case 'appid': {
      const { text, from, to } = changeEnvelopeAppid(r)
      return {
        query, body: Buffer.from(text, 'utf8'),
        change: `envelope appid: "${from}" → "${to}" (the ciphertext still carries the original appid)`,
        expect: 'errcode 0, ideally with a warning: msg_signature does not cover the envelope appid and the ' +
          'decrypted appid is the one that counts; a handler that trusts the envelope appid instead is what this reveals',
        expectErrcode: 0,
      }
    }
  }
}

function bodyText (r: CaptureRecord, what: string): string {
  if (r.body.encoding !== 'utf8') throw new TamperError(`the recorded body is not UTF-8 text, so its ${what} cannot be located`)
  return r.body.text
}

/** Alphanumerics are written the same in JSON, form and XML bodies, so a run of them locates the ciphertext. */
function flipCiphertextChar (r: CaptureRecord) {
  const cipher = r.inspection.envelope?.encrypt
  if (!cipher) throw new TamperError('the recorded delivery has no ciphertext (its envelope did not parse); --tamper body needs one')
  const text = bodyText(r, 'ciphertext')
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
  throw new TamperError('could not locate the ciphertext in the recorded body')
}

const APPID_PATTERNS = [
  /("(?:appid|AppId)"\s*:\s*")([^"\\]*)(")/,
  /((?:^|&)appid=)([^&]*)()/,
  /(<(?:appid|AppId|ToUserName)>(?:<!\[CDATA\[)?)([^<\]]*)()/,
]

function changeEnvelopeAppid (r: CaptureRecord) {
  const text = bodyText(r, 'appid field')
  for (const re of APPID_PATTERNS) {
    const m = re.exec(text)
    if (!m) continue
    const from = m[2] ?? ''
    const last = from.at(-1)
    const to = from === '' ? 'wx0000000000000000' : from.slice(0, -1) + (last === '0' ? '1' : '0')
    const start = m.index + (m[1] ?? '').length
    return { text: text.slice(0, start) + to + text.slice(start + from.length), from, to }
  }
  throw new TamperError('the recorded body has no envelope "appid" field to change')
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
