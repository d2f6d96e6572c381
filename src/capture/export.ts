import type { OutgoingRequest } from './recorded-request.js'
import type { CaptureRecord } from './record.js'

/** POSIX single quotes: nothing inside is special except the quote itself. */
export function shellQuote (s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`
}

/** Printable ASCII without quotes can go inline; curl reads a --data-binary starting with "@" as a file. */
const INLINE_SAFE = /^[\x20-\x26\x28-\x7e]*$/

/**
 * A runnable curl command that sends the exact bytes: inline when the body is plain printable
 * text, otherwise through `base64 -d`, which survives any shell and any byte.
 */
export function toCurl (req: OutgoingRequest): string {
  // One option per line: readable, and still one command for `bash -c`.
  // Every argument quoted; http(s) only, redirects included (`--proto`), and the URL passed with
  // --url so no value can be read as another option or point curl at another protocol.
  const parts: string[] = ['curl -sS --proto =http,https --proto-redir =http,https']
  if (req.method !== 'POST' || req.body === undefined) parts.push(`-X ${shellQuote(req.method)}`)
  parts.push(`--url ${shellQuote(req.url)}`)
  for (const [k, v] of Object.entries(req.headers)) parts.push(`-H ${shellQuote(`${k}: ${v}`)}`)
  if (req.body === undefined) return parts.join(' \\\n  ')
  // curl would otherwise add its own form content-type, and "Expect: 100-continue" for large bodies.
  if (req.headers['content-type'] === undefined) parts.push(`-H ${shellQuote('Content-Type:')}`)
  parts.push(`-H ${shellQuote('Expect:')}`)
  const text = req.body.toString('utf8')
  const inline = Buffer.from(text, 'utf8').equals(req.body) && INLINE_SAFE.test(text) && !text.startsWith('@')
  if (inline) return [...parts, `--data-binary ${shellQuote(text)}`].join(' \\\n  ')
  return `printf %s ${shellQuote(req.body.toString('base64'))} | base64 -d | ${[...parts, '--data-binary @-'].join(' \\\n  ')}`
}

interface HarNameValue { name: string; value: string }

/** A HAR 1.2 log holding one entry: the delivery as sent and the answer the receiver recorded. */
export function toHar (r: CaptureRecord, req: OutgoingRequest, creator: { name: string; version: string }) {
  const url = new URL(req.url)
  const queryString: HarNameValue[] = [...url.searchParams].map(([name, value]) => ({ name, value }))
  const answerText = JSON.stringify(r.answer.body)
  const postData = req.body === undefined
    ? undefined
    : r.body.encoding === 'utf8'
      ? { mimeType: r.contentType ?? '', text: r.body.text }
      // HAR 1.2 has no encoding for postData; "_"-prefixed fields are the spec's custom-field convention.
      : { mimeType: r.contentType ?? '', text: r.body.text, _encoding: 'base64' }
  const headers: HarNameValue[] = Object.entries(req.headers).map(([name, value]) => ({ name, value }))
  if (r.headers.host !== undefined) headers.unshift({ name: 'host', value: String(r.headers.host) })
  return {
    log: {
      version: '1.2',
      creator,
      entries: [{
        startedDateTime: r.receivedAt,
        time: r.durationMs,
        comment: `capture ${r.id}${r.wxnontaxstr ? ` (wxnontaxstr ${r.wxnontaxstr})` : ''} from ${r.remoteAddress}`,
        request: {
          method: req.method,
          url: req.url,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers,
          queryString,
          ...(postData ? { postData } : {}),
          headersSize: -1,
          bodySize: req.body?.length ?? 0,
        },
        response: {
          status: r.answer.status,
          statusText: r.answer.status === 200 ? 'OK' : '',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [{ name: 'content-type', value: 'application/json; charset=utf-8' }],
          content: { size: Buffer.byteLength(answerText), mimeType: 'application/json; charset=utf-8', text: answerText },
          redirectURL: '',
          headersSize: -1,
          bodySize: Buffer.byteLength(answerText),
        },
        cache: {},
        timings: { send: 0, wait: r.durationMs, receive: 0 },
      }],
    },
  }
}
