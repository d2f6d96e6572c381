import type { Secrets } from '../../protocol/profile.js'
import { inspectDelivery } from '../../protocol/inspect.js'
import { createProfile } from '../create.js'
import { descriptorSchema, type FieldLocation, type ProfileDescriptor } from '../descriptor.js'
import { DEFAULT_PROFILE, namedDescriptor, namedDescriptors } from '../named.js'
import type { BodyFormat } from '../wire.js'
import type { CandidateSecret, DecryptHit } from './decrypt-search.js'
import { sameField, type DeliveryBytes, type Field } from './fields.js'
import type { Roles, SignatureHit } from './sign-search.js'

export interface Match {
  /** Exactly what NONTAX_PROFILE accepts. */
  profile: string
  name: string
  decrypts: boolean
  signatureVerifies: boolean
  /** Secrets to set besides NONTAX_PROFILE when a match used another value than the configured one. */
  settings: string[]
  decryption?: { field: FieldLocation; secret: string; keyForm: string; appidInside?: string | undefined; payloadFields: string[] } | undefined
  signature?: { field: FieldLocation; secret: string; over: FieldLocation[] } | undefined
  /** What the profile's own engine said about this delivery, as a check of the search. */
  words: { cipher: string; signature: string }
  score: number
}

const loc = (f: Field | undefined): FieldLocation | undefined => (f ? { in: f.in, name: f.name } : undefined)

function setting (s: CandidateSecret, variable: 'NONTAX_ENCODING_AES_KEY' | 'NONTAX_TOKEN'): string | undefined {
  if ((variable === 'NONTAX_ENCODING_AES_KEY' && s.ref === 'aesKey') || (variable === 'NONTAX_TOKEN' && s.ref === 'token')) return undefined
  return `${variable}=<the value you passed as ${s.label}>`
}

/** The closest named profile, for the part the delivery could not show (a decrypt-only or signature-only match). */
function neighbour (x: Draft, body: BodyFormat, fields: Field[]): ProfileDescriptor {
  const has = (l: FieldLocation | undefined) => l !== undefined && fields.some(f => sameField(f, l))
  const score = (d: ProfileDescriptor) => (d.body === body ? 1 : 0) + (sameField(d.fields.ciphertext, x.ct) ? 2 : 0) + (has(d.fields.signature) ? 2 : 0) +
    (x.d && d.cipher.mode === x.d.cipher.mode && d.cipher.framing === x.d.cipher.framing && d.cipher.key.as === x.d.cipher.key.as ? 2 : 0) +
    (x.s && d.signature.alg === x.s.alg && d.signature.join === x.s.join ? 2 : 0)
  const best = namedDescriptors().map(d => ({ d, n: score(d) })).sort((a, b) => b.n - a.n)[0]
  return best && best.n > 0 ? best.d : namedDescriptor(DEFAULT_PROFILE) as ProfileDescriptor
}

interface Draft { d: DecryptHit | undefined; s: SignatureHit | undefined; ct: Field }

function descriptorOf (x: Draft, body: BodyFormat, roles: Roles, all: Field[]): ProfileDescriptor | undefined {
  const near = neighbour(x, body, all)
  const fields: ProfileDescriptor['fields'] = {
    ciphertext: { in: x.ct.in, name: x.ct.name },
    signature: loc(x.s?.field) ?? near.fields.signature,
  }
  const ts = loc(x.s?.used.timestamp ?? roles.timestamp[0]) ?? near.fields.timestamp
  const nonce = loc(x.s?.used.nonce ?? roles.nonce[0]) ?? near.fields.nonce
  const appid = loc(x.s?.used.appid ?? roles.appid[0])
  if (ts) fields.timestamp = ts
  if (nonce) fields.nonce = nonce
  if (appid) fields.appid = appid
  const cipher = x.d
    ? { ...x.d.cipher, key: { from: x.d.secret.ref === 'token' ? 'token' as const : 'aesKey' as const, as: x.d.cipher.key.as } }
    : near.cipher
  const signature = x.s
    ? { alg: x.s.alg, key: 'token' as const, over: x.s.over, order: x.s.order, join: x.s.join, encoding: x.s.encoding }
    : near.signature
  const parsed = descriptorSchema.safeParse({ body, fields, cipher, signature })
  return parsed.success ? parsed.data : undefined
}

/** Combine the two searches, then let the profile engine itself judge each candidate on this delivery. */
export function composeMatches (dHits: DecryptHit[], sHits: SignatureHit[], roles: Roles, body: BodyFormat, all: Field[], delivery: DeliveryBytes, secrets: Secrets): Match[] {
  const drafts: Draft[] = []
  for (const d of dHits) {
    const sigs = sHits.filter(s => sameField(s.used.ciphertext, d.field))
    if (sigs.length === 0) drafts.push({ d, s: undefined, ct: d.field })
    for (const s of sigs) drafts.push({ d, s, ct: d.field })
  }
  for (const s of sHits) if (!dHits.some(d => sameField(d.field, s.used.ciphertext))) drafts.push({ d: undefined, s, ct: s.used.ciphertext })
  const out = new Map<string, Match>()
  for (const x of drafts) {
    const descriptor = descriptorOf(x, body, roles, all)
    if (!descriptor) continue
    const m = judge(x, descriptor, delivery, secrets)
    // The engine has the last word: a search hit it does not confirm is not a match.
    if (!m.decrypts && !m.signatureVerifies) continue
    // A fixed order that happens to equal the sorted one verifies too: one entry per equivalent scheme.
    const sig = descriptor.signature
    const key = `${JSON.stringify({ ...descriptor, name: undefined, signature: { ...sig, order: undefined, over: [...sig.over].sort() } })}\n${m.settings.join('\n')}`
    const prev = out.get(key)
    if (!prev || prev.score < m.score) out.set(key, m)
  }
  return [...out.values()].sort((a, b) => b.score - a.score)
}

function judge (x: Draft, descriptor: ProfileDescriptor, delivery: DeliveryBytes, configured: Secrets): Match {
  const profile = createProfile(descriptor)
  const secrets: Secrets = {
    appid: x.d?.appidInside || configured.appid,
    encodingAESKey: x.d && x.d.secret.ref !== 'token' ? x.d.secret.value : configured.encodingAESKey,
    token: x.s?.secret.value ?? (x.d?.secret.ref === 'token' ? x.d.secret.value : configured.token),
  }
  const i = inspectDelivery({ body: delivery.body, contentType: delivery.contentType, query: delivery.query, headers: delivery.headers }, { secrets, profile, nowMs: delivery.receivedAtMs })
  const decrypts = x.d !== undefined && i.decryption?.ok === true
  const signatureVerifies = x.s !== undefined && i.signature?.ok === true
  const settings = [
    x.d ? setting(x.d.secret, x.d.secret.ref === 'token' ? 'NONTAX_TOKEN' : 'NONTAX_ENCODING_AES_KEY') : undefined,
    x.s ? setting(x.s.secret, 'NONTAX_TOKEN') : undefined,
    x.d?.appidInside && x.d.appidInside !== configured.appid ? `WECHAT_APPID=${x.d.appidInside}` : undefined,
  ].filter((s): s is string => s !== undefined)
  const named = profile.name !== 'custom'
  const score = (decrypts ? 4 : 0) + (signatureVerifies ? 4 : 0) + (named ? 1 : 0) - settings.length * 0.5 + (descriptor.signature.order === 'sorted' ? 0.1 : 0)
  let payloadFields: string[] = []
  if (decrypts && i.decryption?.ok) payloadFields = Object.keys(JSON.parse(i.decryption.plaintext) as object)
  return {
    profile: profile.id,
    name: profile.name,
    decrypts,
    signatureVerifies,
    settings,
    decryption: x.d ? { field: loc(x.d.field) as FieldLocation, secret: x.d.secret.label, keyForm: x.d.cipher.key.as, appidInside: x.d.appidInside, payloadFields } : undefined,
    signature: x.s ? { field: loc(x.s.field) as FieldLocation, secret: x.s.secret.label, over: [x.s.used.timestamp, x.s.used.nonce, x.s.used.appid].filter((f): f is Field => f !== undefined).map(f => loc(f) as FieldLocation) } : undefined,
    words: profile.words,
    score,
  }
}
