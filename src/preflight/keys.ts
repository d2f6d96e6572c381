import { createHash } from 'node:crypto'
import type { Secrets } from '../protocol/profile.js'
import type { VarSource } from './vars.js'

/** First 8 hex of SHA-256: enough to tell two keys apart, useless for recovering one. */
export function fingerprint (value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8)
}

/** What a capture records about the keys it was received with: fingerprints, never values. */
export interface KeyFingerprints { token: string; encodingAESKey: string }

export function keyFingerprints (s: Pick<Secrets, 'token' | 'encodingAESKey'>): KeyFingerprints {
  return { token: fingerprint(s.token), encodingAESKey: fingerprint(s.encodingAESKey) }
}

/** Which of the two differ between a recording and the keys in use now (empty: the same keys). */
export function keysThatDiffer (recorded: KeyFingerprints | undefined, now: KeyFingerprints): Array<keyof KeyFingerprints> {
  if (recorded === undefined) return []
  return (['token', 'encodingAESKey'] as const).filter(k => recorded[k] !== now[k])
}

export type KeySource = VarSource | 'generated' | 'flag'

export interface KeyInUse { name: string; fingerprint: string; source: KeySource }

/** The secrets a command uses, by fingerprint and origin, for the checklist. */
export function keysInUse (values: Record<string, string | undefined>, sourceOf: (name: string) => KeySource): KeyInUse[] {
  return Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([name, v]) => ({ name, fingerprint: fingerprint(v), source: sourceOf(name) }))
}
