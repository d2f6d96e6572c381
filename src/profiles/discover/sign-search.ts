import type { ProfileDescriptor, SignedValue } from '../descriptor.js'
import { digest } from '../signer.js'
import type { CandidateSecret } from './decrypt-search.js'
import { sameField, type Field } from './fields.js'
import { base64Bytes, digestShape, nonceLike, timestampLike } from './shapes.js'

type Sig = ProfileDescriptor['signature']

export interface Roles { ciphertext: Field[]; timestamp: Field[]; nonce: Field[]; appid: Field[] }

export interface SignatureHit {
  field: Field
  encoding: Sig['encoding']
  alg: Sig['alg']
  over: SignedValue[]
  order: Sig['order']
  join: Sig['join']
  used: { ciphertext: Field; timestamp?: Field | undefined; nonce?: Field | undefined; appid?: Field | undefined }
  secret: CandidateSecret
}

interface Item { role: SignedValue; field?: Field; value: string }

const PLAIN = ['sha1', 'sha256', 'md5'] as const
const HMAC = ['hmac-sha256', 'hmac-sha1'] as const
const ALL = [...PLAIN, ...HMAC] as const
/** Bounds the search: the most role candidates of each kind, and fixed orders only up to 5 values (120 orders). */
const MAX_PER_ROLE = 3

/** Which fields could be the timestamp, the nonce, the appid; the ciphertext candidates are given. */
export function rolesOf (fields: Field[], ciphertext: Field[], appid: string, nowMs: number): Roles {
  const free = fields.filter(f => !ciphertext.some(c => sameField(c, f)) && digestShape(f.value) === undefined)
  const ts = free.filter(f => timestampLike(f.value, nowMs) !== undefined || (/time/i.test(f.name) && /^\d+$/.test(f.value)))
  const nonce = free.filter(f => !ts.includes(f) && (/nonce|nontaxstr|rand/i.test(f.name) || nonceLike(f.value)) && f.value !== appid && !/appid/i.test(f.name))
  const ids = free.filter(f => /appid/i.test(f.name) || (appid !== '' && f.value === appid))
  const byHint = (re: RegExp) => (a: Field, b: Field) => Number(re.test(b.name)) - Number(re.test(a.name))
  return {
    ciphertext,
    timestamp: ts.sort(byHint(/time/i)).slice(0, MAX_PER_ROLE),
    nonce: nonce.sort(byHint(/nonce|nontaxstr/i)).slice(0, MAX_PER_ROLE),
    appid: ids.slice(0, 2),
  }
}

/** Every value that looks like a digest, keyed by its bytes (hex) so a computed digest is one lookup. */
function signatureCandidates (fields: Field[]): Map<string, Array<{ field: Field; encoding: Sig['encoding'] }>> {
  const out = new Map<string, Array<{ field: Field; encoding: Sig['encoding'] }>>()
  for (const field of fields) {
    const shape = digestShape(field.value)
    if (!shape) continue
    const bytes = shape.encoding === 'base64' ? base64Bytes(field.value) : Buffer.from(field.value, 'hex')
    if (!bytes) continue
    const k = bytes.toString('hex')
    out.set(k, [...(out.get(k) ?? []), { field, encoding: shape.encoding }])
  }
  return out
}

function* permutations<T> (items: T[]): Generator<T[]> {
  if (items.length <= 1) { yield items; return }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)]
    for (const p of permutations(rest)) yield [items[i] as T, ...p]
  }
}

/**
 * Sorted, then every fixed order. When a fixed order equals the sorted one this delivery cannot
 * tell them apart: both are hits, and ranking prefers the one a named profile uses.
 */
function* orders (items: Item[]): Generator<{ order: Sig['order']; items: Item[] }> {
  yield { order: 'sorted', items: [...items].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) }
  for (const p of permutations(items)) yield { order: 'fixed', items: p }
}

function* choices (list: Field[]): Generator<Field | undefined> {
  yield undefined
  yield * list
}

/** Every recipe of docs/PROTOCOL.md §7.2 whose digest equals a value found in the delivery. */
export function searchSignatures (fields: Field[], roles: Roles, secrets: CandidateSecret[], count: { n: number }, limit: number): SignatureHit[] {
  const wanted = signatureCandidates(fields)
  const hits: SignatureHit[] = []
  if (wanted.size === 0) return hits
  const check = (alg: Sig['alg'], joined: string, key: string | undefined, meta: Omit<SignatureHit, 'field' | 'encoding' | 'alg'>) => {
    count.n++
    const found = wanted.get(digest(alg, joined, key).toString('hex'))
    for (const w of found ?? []) hits.push({ ...meta, alg, field: w.field, encoding: w.encoding })
  }
  for (const ct of roles.ciphertext) for (const ts of choices(roles.timestamp)) for (const nonce of choices(roles.nonce)) for (const appid of choices(roles.appid)) {
    const items: Item[] = [{ role: 'ciphertext', field: ct, value: ct.value }]
    if (ts) items.push({ role: 'timestamp', field: ts, value: ts.value })
    if (nonce) items.push({ role: 'nonce', field: nonce, value: nonce.value })
    if (appid) items.push({ role: 'appid', field: appid, value: appid.value })
    const used = { ciphertext: ct, timestamp: ts, nonce, appid }
    for (const secret of secrets) {
      if (count.n > limit) return hits
      const token: Item = { role: 'token', value: secret.value }
      for (const o of orders([...items, token])) {
        const meta = { over: o.items.map(i => i.role), order: o.order, join: 'concat' as const, used, secret }
        for (const alg of PLAIN) check(alg, o.items.map(i => i.value).join(''), undefined, meta)
      }
      for (const o of orders(items)) {
        const meta = { over: o.items.map(i => i.role), order: o.order, join: 'concat' as const, used, secret }
        for (const alg of HMAC) check(alg, o.items.map(i => i.value).join(''), secret.value, meta)
      }
      const kv = [...items].sort((a, b) => ((a.field?.name ?? '') < (b.field?.name ?? '') ? -1 : 1))
      const joined = `${kv.map(i => `${i.field?.name ?? ''}=${i.value}`).join('&')}&key=${secret.value}`
      for (const alg of ALL) check(alg, joined, secret.value, { over: kv.map(i => i.role), order: 'sorted', join: 'kv', used, secret })
    }
  }
  return hits
}
