import type { Finding } from '../messages/types.js'

/** The parts of a zod issue a finding needs (zod's own message is English and is not shown). */
interface Issue {
  code: string
  path: readonly PropertyKey[]
  values?: readonly unknown[]
  keys?: readonly string[]
  errors?: ReadonlyArray<readonly Issue[]>
  expected?: string
  params?: Record<string, unknown>
  message: string
}

const list = (xs: readonly unknown[]) => xs.map(x => JSON.stringify(x)).join(', ')

/** What `path` holds in the parsed JSON (undefined when absent), to tell a missing field from a wrong one. */
function at (json: unknown, path: readonly PropertyKey[]): unknown {
  let v = json
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined
  return v
}

/**
 * One descriptor problem as a coded finding: the variable, the field (as a JSON path), what is wrong
 * and what to write instead. The descriptor's own rules (schema superRefine) carry their code in params.
 */
export function descriptorIssueFinding (issue: Issue, json: unknown, variable: string): Finding {
  const field = issue.path.map(String).join('.') || '(top level)'
  const base = { variable, field }
  const got = at(json, issue.path)
  // An absent field is missing, not "is ": it has no value to quote.
  const oneOf = (allowed: readonly unknown[]): Finding => got === undefined
    ? { code: 'PROFILE_FIELD_MISSING_ONE_OF', params: { ...base, allowed: list(allowed) } }
    : { code: 'PROFILE_FIELD_ONE_OF', params: { ...base, allowed: list(allowed), got: JSON.stringify(got) } }
  switch (issue.code) {
    case 'invalid_value': return oneOf(issue.values ?? [])
    case 'invalid_union': {
      const allowed = (issue.errors ?? []).flat().flatMap(e => e.values ?? [])
      if (allowed.length > 0) return oneOf(allowed)
      break
    }
    case 'invalid_type':
      return got === undefined
        ? { code: 'PROFILE_FIELD_MISSING', params: { ...base, expected: issue.expected ?? '' } }
        : { code: 'PROFILE_FIELD_TYPE', params: { ...base, expected: issue.expected ?? '', got: JSON.stringify(got) ?? '' } }
    case 'unrecognized_keys': return { code: 'PROFILE_FIELD_UNKNOWN_KEYS', params: { ...base, keys: (issue.keys ?? []).join(', ') } }
    case 'too_small': return { code: 'PROFILE_FIELD_EMPTY', params: base }
    case 'invalid_format': return { code: 'PROFILE_FIELD_NAME_FORMAT', params: { ...base, got: JSON.stringify(got) ?? '' } }
    case 'custom': {
      const code = issue.params?.code
      if (typeof code === 'string') return { code, params: { ...base, value: String(issue.params?.value ?? '') } }
      break
    }
  }
  return { code: 'PROFILE_FIELD_INVALID', params: { ...base, detail: issue.message } }
}
