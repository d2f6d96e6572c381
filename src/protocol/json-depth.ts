/**
 * Deepest nesting of a JSON text, counted without parsing (strings skipped), so a sender's
 * 20,000-level payload is measured in one pass instead of exhausting the stack of a parser,
 * a serializer or `jq` (which stops at 256 levels) further down.
 */
export function jsonDepth (text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) { if (++depth > max) max = depth }
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return max
}

/**
 * Deepest payload the receiver parses. WeChat's payloads nest 3 levels; a deeper one is answered
 * 210 (format error) with its raw bytes and plaintext kept as text, so every record serializes and
 * stays readable by jq.
 */
export const PAYLOAD_MAX_DEPTH = 64
