import { hash, scryptSync } from 'node:crypto'
import type { Secrets } from '../protocol/profile.js'
import type { VarSource } from './vars.js'

/**
 * 8 hex of scrypt (2 MiB, a few ms a call): enough to tell two keys apart. A fingerprint lands in
 * captures, logs and pages, and a Token may be as short as 3 characters: a plain hash of it is
 * reversed by trying every candidate in a second, scrypt makes each try cost what one call costs.
 * A 43-character EncodingAESKey or a long random Token stays out of reach; a short Token does not
 * (the console allows 32 characters: use them).
 */
export function fingerprint (value: string): string {
  return scryptSync(value, FINGERPRINT_SALT, 4, { N: 2048, r: 8, p: 1 }).toString('hex')
}

const FINGERPRINT_SALT = 'nontax-debugger key fingerprint'

/** Captures written before fingerprints used scrypt hold the first 8 hex of SHA-256. */
function sha256Fingerprint (value: string): string {
  return hash('sha256', value, 'hex').slice(0, 8)
}

/** What a capture records about the keys it was received with: fingerprints, never values. */
export interface KeyFingerprints { token: string; encodingAESKey: string; scheme?: 'scrypt' }

export function keyFingerprints (s: Pick<Secrets, 'token' | 'encodingAESKey'>): KeyFingerprints {
  return { token: fingerprint(s.token), encodingAESKey: fingerprint(s.encodingAESKey), scheme: 'scrypt' }
}

/** Which of the two differ between a recording and the keys in use now (empty: the same keys). */
export function keysThatDiffer (recorded: KeyFingerprints | undefined, now: Pick<Secrets, 'token' | 'encodingAESKey'>): Array<'token' | 'encodingAESKey'> {
  if (recorded === undefined) return []
  const print = recorded.scheme === 'scrypt' ? fingerprint : sha256Fingerprint
  return (['token', 'encodingAESKey'] as const).filter(k => recorded[k] !== print(now[k]))
}

export type KeySource = VarSource | 'generated' | 'flag'

export interface KeyInUse { name: string; fingerprint: string; source: KeySource }

/** The secrets a command uses, by fingerprint and origin, for the checklist. */
export function keysInUse (values: Record<string, string | undefined>, sourceOf: (name: string) => KeySource): KeyInUse[] {
  return Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([name, v]) => ({ name, fingerprint: fingerprint(v), source: sourceOf(name) }))
}
