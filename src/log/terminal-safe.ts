/**
 * Terminal-safe rendering of values a sender controls (wxnontaxstr, body text, appid, headers,
 * warnings). A terminal obeys control characters: ESC sequences set titles, colours or clear the
 * screen, CR/LF start what looks like a new log line, bidi overrides reorder what is read. Each
 * such character is shown as a visible escape instead (`\n`, `\x1b`, `\u202e`), so one delivery
 * never spans more than its own block. Only displays use this: JSON logs and captures keep the
 * exact bytes.
 *
 * Backslashes are left alone on purpose: a sender writing a literal "\n" gets two visible
 * characters, which cannot move the cursor either.
 */

// C0 (incl. TAB, LF, CR, ESC), DEL, C1 (incl. the 8-bit CSI 0x9b), bidi marks/embeddings/overrides/
// isolates, line and paragraph separators, BOM, and lone surrogates (no terminal can draw them).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeOne (ch: string): string {
  const named = NAMED[ch]
  if (named) return named
  const code = ch.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** One value on one line: every control character escaped, line breaks included. */
export function escapeControls (value: string): string {
  return value.replace(UNSAFE, escapeOne)
}

/** Text whose own line breaks are meant (an indented body, a block): each line escaped on its own. */
export function safeLines (text: string): string {
  // TAB is the layout's own (tables); it moves the cursor forward only, so it stays.
  return text.split('\n').map(line => line.replace(UNSAFE, ch => ch === '\t' ? ch : escapeOne(ch))).join('\n')
}

/** Nesting shown in a display; deeper parts are summarised (a 5,000-level payload must still print). */
export const DISPLAY_DEPTH = 32

/**
 * A copy for display: every string escaped, nesting bounded. `keep` names paths ("body.text") whose
 * strings keep their line breaks (still escaped line by line where they are printed). By path, not by
 * value: a sender's string that merely equals the body (a quoted plaintext, say) is escaped like any other.
 */
export function displayCopy<T> (value: T, keep: ReadonlySet<string> = new Set()): T {
  return copy(value, 0, keep, '') as T
}

function copy (v: unknown, depth: number, keep: ReadonlySet<string>, path: string): unknown {
  if (typeof v === 'string') return keep.has(path) ? v : escapeControls(v)
  if (typeof v !== 'object' || v === null) return v
  if (depth >= DISPLAY_DEPTH) return `[nested deeper than ${DISPLAY_DEPTH} levels]`
  // Paths are only spelled out when some are kept (the pretty log's per-delivery copy keeps none).
  const at = (k: string) => (keep.size === 0 ? '' : path === '' ? k : `${path}.${k}`)
  if (Array.isArray(v)) return v.map((x, i) => copy(x, depth + 1, keep, at(String(i))))
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[escapeControls(k)] = copy(x, depth + 1, keep, at(k))
  return out
}

/**
 * Any JSON value as display text, never throwing: String() on a parsed `{"toString":1}` throws,
 * and a sender chooses what order_id holds.
 */
export function valueText (v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v !== 'object' || v === null) return String(v)
  try {
    return JSON.stringify(displayCopy(v)) ?? '?'
  } catch {
    return '?'
  }
}
