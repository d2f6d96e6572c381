import { readFileSync } from 'node:fs'
import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'

/**
 * `--set field=value` and `--set-file payload.json`: the user's own order, amount and status in the
 * payment notifications the emulator and `check` send (docs/PROTOCOL.md §2.2 business fields).
 * Each field has one type; a value of the wrong type is refused with the field, the value and what
 * it must be, so a test never runs on a payload the user did not mean.
 */
export type Overrides = Record<string, unknown>

/** Thrown with a catalogue finding; the CLI renders it and exits 2. */
export class PayloadError extends Error {
  readonly finding: Finding
  constructor (f: Finding) { super(f.code); this.finding = f }
}

type Kind = 'string' | 'fen' | 'status' | 'unix' | 'items' | 'int'
/** The mock API whose payload is shaped (docs/PROTOCOL.md §4.4). */
export type PayloadApi = 'mocknotification' | 'mockqueryfee'
const NOTIFICATION: Record<string, Kind> = {
  order_id: 'string', status: 'status', fee: 'fen', fee_type: 'string', trans_id: 'string',
  pay_finish_time: 'unix', payment_notice_no: 'string', order_no: 'string', department_code: 'string',
  department_name: 'string', region_code: 'string', bank_id: 'string', user_name: 'string', items: 'items',
}
const QUERY_FEE: Record<string, Kind> = {
  service_id: 'int', bank_id: 'string', payment_notice_no: 'string', department_code: 'string', payment_notice_type: 'int', region_code: 'string',
}
const FIELDS_OF: Record<PayloadApi, Record<string, Kind>> = { mocknotification: NOTIFICATION, mockqueryfee: QUERY_FEE }
/** Statuses WeChat documents: 3 or 4 paid, 5 refunded. */
export const KNOWN_STATUSES = [3, 4, 5]

const fail = (code: Parameters<typeof finding>[0], params: Record<string, string | number>): never => { throw new PayloadError(finding(code, params)) }

/** A --set value arrives as text; numeric fields read it as a JSON number, never as a float in disguise. */
function fromText (fields: Record<string, Kind>, field: string, text: string): unknown {
  const kind = fields[field]
  if (kind === 'string') return text
  if (kind === 'items') {
    try { return JSON.parse(text) as unknown } catch { return fail('PAYLOAD_ITEMS_JSON', { value: text }) }
  }
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text
}

function checkValue (fields: Record<string, Kind>, field: string, v: unknown, where: string): unknown {
  const kind = fields[field]
  // As JSON, so text shows its quotes: "fee": "1250" reads (got "1250"), not a baffling (got 1250); and an empty value shows as "".
  const shown = JSON.stringify(v)
  if (kind === undefined) {
    if (field === 'appid') return fail('PAYLOAD_APPID', { where })
    return fail('PAYLOAD_UNKNOWN_FIELD', { field, where, fields: Object.keys(fields).join(', ') })
  }
  if (kind === 'string') {
    if (typeof v !== 'string' || v.trim() === '') fail('PAYLOAD_STRING', { field, value: shown, where })
    return v
  }
  if (kind === 'fen') {
    if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) fail('PAYLOAD_FEE_YUAN', { field, value: shown, fen: Math.round(v * 100), where })
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail('PAYLOAD_FEE', { field, value: shown, where })
    return v
  }
  if (kind === 'status') {
    if (typeof v !== 'number' || !KNOWN_STATUSES.includes(v)) fail('PAYLOAD_STATUS', { value: shown, where })
    return v
  }
  if (kind === 'int') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail('PAYLOAD_INT', { field, value: shown, where })
    return v
  }
  if (kind === 'unix') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 1e11) fail('PAYLOAD_UNIX', { field, value: shown, where })
    return v
  }
  return checkItems(fields, v, where)
}

function checkItems (fields: Record<string, Kind>, v: unknown, where: string): unknown {
  if (!Array.isArray(v) || v.length === 0) return fail('PAYLOAD_ITEMS', { value: JSON.stringify(v).slice(0, 80), where })
  v.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail('PAYLOAD_ITEMS', { value: JSON.stringify(item).slice(0, 80), where })
    const fee = (item as Record<string, unknown>).fee
    if (fee !== undefined) checkValue(fields, 'fee', fee, `${where} items[${i}].fee`)
  })
  return v
}

/** `field=value` pairs from repeated --set flags, each checked for its field's type. */
export function parseSets (sets: string[], api: PayloadApi = 'mocknotification'): Overrides {
  const fields = FIELDS_OF[api]
  const out: Overrides = {}
  for (const s of sets) {
    const eq = s.indexOf('=')
    if (eq <= 0) fail('PAYLOAD_SET_SYNTAX', { value: s, fields: Object.keys(fields).join(', ') })
    const field = s.slice(0, eq).trim()
    out[field] = checkValue(fields, field, fromText(fields, field, s.slice(eq + 1)), `--set ${field}`)
  }
  return out
}

/** A JSON object file; its values keep their JSON types (fee 1250, not "1250"). */
export function readSetFile (path: string, api: PayloadApi = 'mocknotification'): Overrides {
  let text: string
  try { text = readFileSync(path, 'utf8') } catch (err) { return fail('PAYLOAD_FILE_UNREADABLE', { path, detail: (err as Error).message }) }
  let parsed: unknown
  try { parsed = JSON.parse(text) } catch (err) { return fail('PAYLOAD_FILE_JSON', { path, detail: (err as Error).message }) }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('PAYLOAD_FILE_OBJECT', { path })
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, checkValue(FIELDS_OF[api], k, v, `${path}: ${k}`)]))
}

/** --set-file first, then each --set on top of it. */
export function loadOverrides (o: { sets?: string[]; file?: string; api?: PayloadApi }): Overrides {
  return { ...(o.file === undefined ? {} : readSetFile(o.file, o.api)), ...parseSets(o.sets ?? [], o.api) }
}

/**
 * The notification with the user's fields on top. A fee without items becomes the one item's fee
 * too, so the items still add up to the fee a handler may compare them with.
 */
export function applyOverrides<T extends Record<string, unknown>> (payload: T, o: Overrides): T {
  const out: Record<string, unknown> = { ...payload, ...o }
  if (o.fee !== undefined && o.items === undefined && Array.isArray(payload.items) && payload.items.length === 1) {
    out.items = [{ ...(payload.items[0] as Record<string, unknown>), fee: o.fee }]
  }
  return out as T
}
