import { readFileSync } from 'node:fs'
import type { CryptoProfile } from '../protocol/profile.js'
import { createProfile } from './create.js'
import { descriptorSchema, type ProfileDescriptor } from './descriptor.js'
import { DEFAULT_PROFILE, namedDescriptor, namedProfileNames } from './named.js'

export type ProfileSetting = { ok: true; descriptor: ProfileDescriptor } | { ok: false; problem: string }

/**
 * NONTAX_PROFILE (or NONTAX_EMULATE_PROFILE): a profile name, a descriptor as inline JSON, or
 * "@path" to a file holding either. Unset means the default profile.
 */
export function parseProfileSetting (value: string | undefined, variable = 'NONTAX_PROFILE', read: (path: string) => string = p => readFileSync(p, 'utf8')): ProfileSetting {
  const v = value?.trim() ?? ''
  if (v === '') return { ok: true, descriptor: namedDescriptor(DEFAULT_PROFILE) as ProfileDescriptor }
  let text = v
  if (v.startsWith('@')) {
    try {
      text = read(v.slice(1)).trim()
    } catch (err) {
      return { ok: false, problem: `${variable}=${v}: cannot read ${v.slice(1)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); give a profile name, a JSON descriptor, or @ and a readable file` }
    }
  }
  if (!text.startsWith('{')) {
    const named = namedDescriptor(text)
    if (named) return { ok: true, descriptor: named }
    return { ok: false, problem: `${variable}: no profile named "${text.slice(0, 60)}"; the named profiles are ${namedProfileNames().join(', ')} (or give a JSON descriptor, see docs/PROTOCOL.md §5)` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return { ok: false, problem: `${variable} is not valid JSON: ${(err as Error).message}` }
  }
  const parsed = descriptorSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map(i => `${i.path.join('.') || '(top level)'}: ${i.message}`)
    return { ok: false, problem: `${variable} is not a valid profile descriptor (docs/PROTOCOL.md §5): ${issues.join('; ')}` }
  }
  return { ok: true, descriptor: parsed.data }
}

/** For tests and library callers: a profile from a NONTAX_PROFILE value; throws on an invalid one. */
export function profileFrom (value: string | undefined): CryptoProfile {
  const s = parseProfileSetting(value)
  if (!s.ok) throw new TypeError(s.problem)
  return createProfile(s.descriptor)
}
