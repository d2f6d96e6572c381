import { createReadStream } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expandRecord } from './record-line.js'
import type { CaptureRecord, CorrectionLine } from './record.js'
import { localDay, localDayStart } from '../time/local.js'
import { checkRecord } from './record-schema.js'

/** One file per local day (the machine's time zone), named for the day its records were received. */
export const DAY_FILE_RE = /^captures-(\d{4}-\d{2}-\d{2})\.ndjson$/
const DAY_MS = 86_400_000

export function dayFileName (receivedAt: string, fallbackMs: number): string {
  const ms = Date.parse(receivedAt)
  const day = localDay(Number.isFinite(ms) ? ms : fallbackMs)
  return `captures-${day}.ndjson`
}

/**
 * [start, end) of the instants a file can hold, in ms: its day in local time, or in UTC, whichever
 * reaches further, because files written before local-time names were named for UTC days. Wider only
 * makes list read one more file and prune keep one a few hours longer, never miss a record.
 */
export function dayRange (fileName: string): { startMs: number; endMs: number } {
  const day = DAY_FILE_RE.exec(fileName)?.[1] ?? '1970-01-01'
  const local = localDayStart(day)
  const utc = Date.parse(`${day}T00:00:00.000Z`)
  return { startMs: Math.min(local, utc), endMs: Math.max(local, utc) + DAY_MS }
}

/** Day files in the directory, oldest first; a missing directory has none. */
export async function listDayFiles (dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter(n => DAY_FILE_RE.test(n)).sort()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

/** `offset`: where the line starts in the file, in bytes. */
export interface Line { text: string; line: number; bytes: number; offset: number; terminated: boolean }

/** Lines split on "\n" by hand: readline cannot tell whether the last line had its newline. */
export async function * readLines (path: string): AsyncGenerator<Line> {
  let carry: Buffer[] = []
  let line = 0
  let offset = 0
  const emit = (terminated: boolean): Line => {
    const buf = Buffer.concat(carry)
    carry = []
    const at = offset
    offset += buf.length + (terminated ? 1 : 0)
    return { text: buf.toString('utf8'), line: ++line, bytes: buf.length, offset: at, terminated }
  }
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      carry.push(chunk.subarray(start, nl))
      yield emit(true)
      start = nl + 1
    }
    if (start < chunk.length) carry.push(chunk.subarray(start))
  }
  if (carry.length > 0) yield emit(false)
}

export function parseRecordLine (text: string): CaptureRecord | undefined {
  const r = readRecordLine(text)
  return 'record' in r ? r.record : undefined
}

/**
 * A line as a record checked against the schema (record-schema.ts), or why it is not one. Every
 * reader goes through here, so a hostile or hand-edited line is skipped, never fatal.
 */
export function readRecordLine (text: string): { record: CaptureRecord } | { correction: CorrectionLine } | { problem: string } {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (err) {
    return { problem: `not JSON: ${(err as Error).message}` }
  }
  const checked = checkRecord(v)
  if (!checked.ok) return { problem: checked.problem }
  if ('correction' in checked) return { correction: checked.correction }
  try {
    return { record: expandRecord(checked.record) }
  } catch {
    return { problem: 'shared: does not fit the body' }
  }
}

export interface SkippedLine { file: string; line: number; bytes: number; why: 'unterminated' | 'unparseable'; problem?: string }
/** A record with where its line is: [offset, offset + bytes) of the file. */
export type ScanItem = { record: CaptureRecord; offset: number; bytes: number } | { correction: CorrectionLine } | { skipped: SkippedLine }

/**
 * Every line of a day file, as a record, a correction (record.ts CorrectionLine) or a skipped line. A crash mid-write leaves an
 * unterminated tail; once a later write starts on a new line, that tail stays as an unparseable line.
 */
export async function * scanRecords (dir: string, file: string): AsyncGenerator<ScanItem> {
  try {
    for await (const l of readLines(join(dir, file))) {
      if (l.text.trim() === '') continue
      const read = readRecordLine(l.text)
      if ('record' in read) yield { record: read.record, offset: l.offset, bytes: l.bytes }
      else if ('correction' in read) yield read
      else yield { skipped: { file, line: l.line, bytes: l.bytes, why: l.terminated ? 'unparseable' : 'unterminated', problem: read.problem } }
    }
  } catch (err) {
    // Pruned by another process between listing and reading: it simply holds nothing now.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
}
