import type { CaptureRecord } from './record.js'

/**
 * The on-disk (and JSON-log) form of a record. The ciphertext is stored once, in the body as
 * received; the envelope's `encrypt`, the signature's signed parts and the hashed string refer
 * to it instead of repeating it (three copies of ~1 KB each in the expanded record). `shared`
 * says what was left out; a line without it (files written before) is already complete.
 */
export interface SharedCiphertext {
  /** Where the ciphertext sits in body.text: [start, end). */
  encrypt: [number, number]
  /** Index of the ciphertext in inspection.signature.parts (stored as ""), if it was there. */
  partsAt?: number
  /** inspection.signature.hashed was dropped: it is parts.join(""). */
  hashedJoined?: true
}

type Line = CaptureRecord & { shared?: SharedCiphertext }

/** JSON.stringify of the compact form: one line (JSON escapes every control character). */
export function serializeRecord (r: CaptureRecord): string {
  return JSON.stringify(compact(r))
}

function compact (r: CaptureRecord): CaptureRecord | Line {
  const env = r.inspection.envelope
  const cipher = env?.encrypt
  if (!env || !cipher || r.body.encoding !== 'utf8') return r
  const start = r.body.text.indexOf(cipher)
  if (start < 0) return r
  const shared: SharedCiphertext = { encrypt: [start, start + cipher.length] }
  const inspection = { ...r.inspection, envelope: { ...env, encrypt: '' } }
  const sig = r.inspection.signature
  const at = sig?.parts?.indexOf(cipher) ?? -1
  if (sig?.parts && at >= 0) {
    const parts = sig.parts.slice()
    parts[at] = ''
    shared.partsAt = at
    const hashedJoined = sig.hashed === sig.parts.join('')
    if (hashedJoined) shared.hashedJoined = true
    inspection.signature = { ...sig, parts, ...(hashedJoined ? { hashed: undefined } : {}) }
  }
  return { ...r, inspection, shared }
}

/** Restores what `serializeRecord` shared; a line in the older, complete form passes through. */
export function expandRecord (v: Line): CaptureRecord {
  const shared = v.shared
  if (!shared) return v
  delete v.shared
  const env = v.inspection?.envelope
  if (!env || v.body?.encoding !== 'utf8') return v
  const cipher = v.body.text.slice(shared.encrypt[0], shared.encrypt[1])
  env.encrypt = cipher
  const sig = v.inspection.signature
  if (sig?.parts && shared.partsAt !== undefined) {
    sig.parts[shared.partsAt] = cipher
    if (shared.hashedJoined) sig.hashed = sig.parts.join('')
  }
  return v
}
