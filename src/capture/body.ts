import { hash } from 'node:crypto'
import type { RecordedBody } from './record.js'

// ignoreBOM: keep a leading BOM in the text, so the text encodes back to the exact bytes received.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function recordBody (raw: Buffer): RecordedBody {
  let encoding: RecordedBody['encoding'] = 'utf8'
  let text: string
  try {
    text = utf8.decode(raw)
  } catch {
    encoding = 'base64'
    text = raw.toString('base64')
  }
  return { encoding, text, bytes: raw.length, sha256: hash('sha256', raw, 'hex') }
}

export function bodyBytes (b: RecordedBody): Buffer {
  return Buffer.from(b.text, b.encoding)
}
