import { randomBytes } from 'node:crypto'
import { ENCODING_AES_KEY_RE } from '../protocol/cipher.js'
import type { ProfileDescriptor } from './descriptor.js'
import { keyProblem, type KeyForm } from './keys.js'
import { DEFAULT_PROFILE, namedDescriptor } from './named.js'
import { parseProfileSetting } from './resolve.js'

export interface ConfiguredProfiles {
  /** What the receiver, check, captures and forward mode speak (NONTAX_PROFILE). */
  profile: ProfileDescriptor
  /** What the built-in emulator sends (NONTAX_EMULATE_PROFILE; defaults to NONTAX_PROFILE). */
  emulateProfile: ProfileDescriptor
}

interface ProfileEnv { NONTAX_PROFILE?: string | undefined; NONTAX_EMULATE_PROFILE?: string | undefined; NONTAX_ENCODING_AES_KEY?: string | undefined; NONTAX_TOKEN?: string | undefined }

const fallback = namedDescriptor(DEFAULT_PROFILE) as ProfileDescriptor

/** Resolve both profile variables; every problem is pushed, so loadConfig lists them all at once (exit 2). */
export function configuredProfiles (e: ProfileEnv, problems: string[], emulateOverride?: string): ConfiguredProfiles {
  const p = parseProfileSetting(e.NONTAX_PROFILE, 'NONTAX_PROFILE')
  if (!p.ok) problems.push(p.problem)
  const profile = p.ok ? p.descriptor : fallback
  const emuValue = emulateOverride ?? e.NONTAX_EMULATE_PROFILE
  const q = emuValue === undefined ? p : parseProfileSetting(emuValue, emulateOverride === undefined ? 'NONTAX_EMULATE_PROFILE' : '--emulate-profile')
  if (!q.ok && q !== p) problems.push(q.problem)
  const emulateProfile = q.ok ? q.descriptor : profile
  for (const d of new Set([profile, emulateProfile])) {
    const problem = secretProblem(d, e)
    if (problem !== undefined && !problems.includes(problem)) problems.push(problem)
  }
  return { profile, emulateProfile }
}

function secretProblem (d: ProfileDescriptor, e: ProfileEnv): string | undefined {
  const { from, as } = d.cipher.key
  const value = from === 'aesKey' ? e.NONTAX_ENCODING_AES_KEY : e.NONTAX_TOKEN
  if (value === undefined) return undefined
  if (from === 'aesKey' && as === 'base64+=') {
    return ENCODING_AES_KEY_RE.test(value) ? undefined : 'NONTAX_ENCODING_AES_KEY must be exactly 43 characters of A-Z, a-z, 0-9, as the console generates it'
  }
  const problem = keyProblem(value, as)
  const name = from === 'aesKey' ? 'NONTAX_ENCODING_AES_KEY' : 'NONTAX_TOKEN'
  return problem === undefined ? undefined : `${name} ${problem}, as profile ${d.name ?? 'custom'} reads it (key "${as}", docs/PROTOCOL.md §5)`
}

/** A random demo key in the shape the profile reads (no key is configured in the emulator demo). */
export function demoKey (form: KeyForm, alnum: (n: number) => string): string {
  if (form === 'ascii') return alnum(32)
  if (form === 'hex') return randomBytes(32).toString('hex')
  if (form === 'base64') return randomBytes(32).toString('base64')
  return alnum(43)
}
