import { Writable } from 'node:stream'

/** Collects what a pino logger writes, as text and as parsed JSON lines. */
export function logSink () {
  const chunks: string[] = []
  const stream = new Writable({
    write (chunk, _enc, cb) { chunks.push(String(chunk)); cb() },
  })
  return {
    stream,
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map(l => JSON.parse(l) as Record<string, unknown>),
  }
}
