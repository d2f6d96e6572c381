import { randomBytes } from 'node:crypto'
import { render } from '../messages/render.js'
import type { Finding, Lang } from '../messages/types.js'
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
export function configuredProfiles (e: ProfileEnv, problems: string[], emulateOverride?: string, lang: Lang = 'en'): ConfiguredProfiles {
  const say = (f: Finding) => render(f, lang)
  const p = parseProfileSetting(e.NONTAX_PROFILE, 'NONTAX_PROFILE')
  if (!p.ok) problems.push(...p.findings.map(say))
  const profile = p.ok ? p.descriptor : fallback
  const emuValue = emulateOverride ?? e.NONTAX_EMULATE_PROFILE
  const q = emuValue === undefined ? p : parseProfileSetting(emuValue, emulateOverride === undefined ? 'NONTAX_EMULATE_PROFILE' : '--emulate-profile')
  if (!q.ok && q !== p) problems.push(...q.findings.map(say))
  const emulateProfile = q.ok ? q.descriptor : profile
  for (const d of new Set([profile, emulateProfile])) {
    const f = secretProblem(d, e)
    const problem = f === undefined ? undefined : say(f)
    if (problem !== undefined && !problems.includes(problem)) problems.push(problem)
  }
  return { profile, emulateProfile }
}

/** The shape each key form needs, as a catalogue code (keys.ts keyProblem decides; this says it). */
const KEY_SHAPE = { 'base64+=': 'PROFILE_KEY_BASE64_EQ', ascii: 'PROFILE_KEY_ASCII', hex: 'PROFILE_KEY_HEX', base64: 'PROFILE_KEY_BASE64', 'md5-hex': 'PROFILE_KEY_MD5' } as const satisfies Record<KeyForm, string>

function secretProblem (d: ProfileDescriptor, e: ProfileEnv): Finding | undefined {
  const { from, as } = d.cipher.key
  const value = from === 'aesKey' ? e.NONTAX_ENCODING_AES_KEY : e.NONTAX_TOKEN
  if (value === undefined) return undefined
  if (from === 'aesKey' && as === 'base64+=') {
    return ENCODING_AES_KEY_RE.test(value) ? undefined : { code: 'PROFILE_KEY_CONSOLE', params: { got: value.length } }
  }
  if (keyProblem(value, as) === undefined) return undefined
  const name = from === 'aesKey' ? 'NONTAX_ENCODING_AES_KEY' : 'NONTAX_TOKEN'
  return { code: KEY_SHAPE[as], params: { name, form: as, profile: d.name ?? 'custom', got: as === 'ascii' ? Buffer.byteLength(value, 'utf8') : value.length } }
}

/** A random demo key in the shape the profile reads (no key is configured in the emulator demo). */
export function demoKey (form: KeyForm, alnum: (n: number) => string): string {
  if (form === 'ascii') return alnum(32)
  if (form === 'hex') return randomBytes(32).toString('hex')
  if (form === 'base64') return randomBytes(32).toString('base64')
  return alnum(43)
}
