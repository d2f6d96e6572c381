import type { Finding } from '../messages/types.js'

/** Where a variable's value came from: the .env file, or the environment (which wins over .env). */
export type VarSource = '.env' | 'environment'

/**
 * Prefixes that only this tool's variables use: any unknown name with one of them is a mistake,
 * wherever it is set. Other prefixes (LOG_, MAX_, …) are common in shells, so an unknown name
 * with one of those is flagged when it is in .env (written for this tool) or is a near miss.
 */
const OWN_PREFIXES = ['WECHAT_', 'NONTAX_']
const NEAR_MISS_DISTANCE = 3

export interface UnknownVar { name: string; source: VarSource; suggestion: string | undefined }

/** Names in env that look meant for this tool but are not one it reads, each with the closest known name. */
export function unknownVars (env: Record<string, string | undefined>, known: readonly string[], fromFile: ReadonlySet<string>): UnknownVar[] {
  const knownSet = new Set(known)
  const prefixes = new Set(known.map(k => k.split('_')[0] + '_'))
  const out: UnknownVar[] = []
  for (const name of Object.keys(env).sort()) {
    if (knownSet.has(name) || env[name] === undefined) continue
    const source: VarSource = fromFile.has(name) ? '.env' : 'environment'
    // Names are case-sensitive: nontax_token is not NONTAX_TOKEN, and would be ignored without a word.
    const upper = name.toUpperCase()
    const best = closest(upper, known)
    const ownPrefix = OWN_PREFIXES.some(p => upper.startsWith(p))
    const sharedPrefix = [...prefixes].some(p => upper.startsWith(p))
    const nearMiss = best !== undefined && best.distance <= NEAR_MISS_DISTANCE
    if (ownPrefix || (sharedPrefix && source === '.env') || (sharedPrefix && nearMiss)) {
      const close = best && best.distance <= Math.max(NEAR_MISS_DISTANCE, Math.floor(name.length / 3)) ? best.name : undefined
      out.push({ name, source, suggestion: close ?? containingAllWords(upper, known) })
    }
  }
  return out
}

export function unknownVarFinding (u: UnknownVar): Finding {
  return u.suggestion === undefined
    ? { code: 'PREFLIGHT_UNKNOWN_VAR', params: { name: u.name, source: u.source } }
    : { code: 'PREFLIGHT_UNKNOWN_VAR_DID_YOU_MEAN', params: { name: u.name, source: u.source, suggestion: u.suggestion } }
}

/** NONTAX_AES_KEY → NONTAX_ENCODING_AES_KEY: a known name holding every word of the unknown one (the shortest such). */
function containingAllWords (name: string, known: readonly string[]): string | undefined {
  const words = name.split('_').filter(Boolean)
  return known.filter(k => words.every(w => k.split('_').includes(w))).sort((a, b) => a.length - b.length)[0]
}

function closest (name: string, known: readonly string[]): { name: string; distance: number } | undefined {
  let best: { name: string; distance: number } | undefined
  for (const k of known) {
    const distance = levenshtein(name, k)
    if (best === undefined || distance < best.distance) best = { name: k, distance }
  }
  return best
}

/** Edit distance (insert, delete, substitute), one row at a time; names are short. */
export function levenshtein (a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length] ?? 0
}
