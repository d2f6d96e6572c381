import { readFileSync } from 'node:fs'
import { render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { descriptorIssueFinding } from './descriptor-issues.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { createProfile } from './create.js'
import { descriptorSchema, type ProfileDescriptor } from './descriptor.js'
import { DEFAULT_PROFILE, namedDescriptor, namedProfileNames } from './named.js'

/** A failure carries coded findings (rendered in the reader's language) and their English text. */
export type ProfileSetting = { ok: true; descriptor: ProfileDescriptor } | { ok: false; problem: string; findings: Finding[] }

const failed = (findings: Finding[]): ProfileSetting => ({ ok: false, findings, problem: findings.map(f => render(f)).join('; ') })

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
      return failed([{ code: 'PROFILE_FILE_UNREADABLE', params: { variable, value: v, file: v.slice(1), reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message } }])
    }
  }
  if (!text.startsWith('{')) {
    const named = namedDescriptor(text)
    if (named) return { ok: true, descriptor: named }
    return failed([{ code: 'PROFILE_UNKNOWN_NAME', params: { variable, name: text.slice(0, 60), names: namedProfileNames().join(', ') } }])
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return failed([{ code: 'PROFILE_BAD_JSON', params: { variable, detail: (err as Error).message } }])
  }
  const parsed = descriptorSchema.safeParse(json)
  if (!parsed.success) {
    return failed(parsed.error.issues.map(i => descriptorIssueFinding(i, json, variable)))
  }
  return { ok: true, descriptor: parsed.data }
}

/** For tests and library callers: a profile from a NONTAX_PROFILE value; throws on an invalid one. */
export function profileFrom (value: string | undefined): CryptoProfile {
  const s = parseProfileSetting(value)
  if (!s.ok) throw new TypeError(s.problem)
  return createProfile(s.descriptor)
}
