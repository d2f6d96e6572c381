import type { Secrets } from '../../protocol/profile.js'
import { anatomyOf, type Anatomy } from './anatomy.js'
import { composeMatches, type Match } from './compose.js'
import { searchDecryptions, type CandidateSecret } from './decrypt-search.js'
import { fieldsOf, type DeliveryBytes } from './fields.js'
import { ciphertextLike } from './shapes.js'
import { rolesOf, searchSignatures } from './sign-search.js'

export type { CandidateSecret } from './decrypt-search.js'
export type { DeliveryBytes } from './fields.js'
export type { Match } from './compose.js'

/** The search stops after this many candidates and says so (docs/PROTOCOL.md §7.3). */
export const DEFAULT_CANDIDATE_LIMIT = 500_000

export interface Discovery {
  matches: Match[]
  searched: { candidates: number; decryptions: number; signatures: number; limit: number; bounded: boolean; ms: number; secrets: string[] }
  /** Present when nothing decrypts and verifies: what the delivery is made of. */
  anatomy?: Anatomy | undefined
  bodyFormat: string | undefined
  bodyError?: string | undefined
}

export interface DiscoverOptions {
  /** The configured secrets (appid, token, EncodingAESKey). */
  secrets: Secrets
  /** Extra keys (--key), tried as both cipher key and signing key. */
  extraKeys?: string[]
  /** The other version-1 delivery, for the anatomy's "what differs". */
  sibling?: DeliveryBytes | undefined
  limit?: number
}

export function candidateSecrets (s: Secrets, extra: string[] = []): CandidateSecret[] {
  const out: CandidateSecret[] = [
    { label: 'NONTAX_ENCODING_AES_KEY', value: s.encodingAESKey, ref: 'aesKey' },
    { label: 'NONTAX_TOKEN', value: s.token, ref: 'token' },
  ]
  extra.forEach((value, i) => { if (value !== '' && !out.some(o => o.value === value)) out.push({ label: `--key #${i + 1}`, value, ref: 'extra', index: i }) })
  return out.filter(o => o.value !== '')
}

/** Search the profile space for the scheme this delivery verifies and decrypts under. Bounded; never throws on hostile input. */
export function discover (delivery: DeliveryBytes, o: DiscoverOptions): Discovery {
  const started = performance.now()
  const limit = o.limit ?? DEFAULT_CANDIDATE_LIMIT
  const secrets = candidateSecrets(o.secrets, o.extraKeys)
  const { format, fields, bodyError } = fieldsOf(delivery)
  const dCount = { n: 0 }
  const sCount = { n: 0 }
  const dHits = searchDecryptions(fields, secrets, dCount)
  const decrypted = [...new Set(dHits.map(h => h.field))]
  const ct = decrypted.length > 0 ? decrypted : fields.filter(f => ciphertextLike(f) !== undefined)
  const roles = rolesOf(fields, ct, o.secrets.appid, delivery.receivedAtMs)
  const sHits = searchSignatures(fields, roles, secrets, sCount, limit)
  const matches = format === undefined ? [] : composeMatches(dHits, sHits, roles, format, fields, delivery, o.secrets)
  const full = matches.some(m => m.decrypts && m.signatureVerifies)
  const anatomy = full ? undefined : anatomyOf(fields, delivery.receivedAtMs, o.sibling ? fieldsOf(o.sibling).fields : undefined)
  return {
    matches,
    searched: { candidates: dCount.n + sCount.n, decryptions: dCount.n, signatures: sCount.n, limit, bounded: sCount.n > limit, ms: Math.round(performance.now() - started), secrets: secrets.map(s => s.label) },
    anatomy,
    bodyFormat: format,
    bodyError,
  }
}
