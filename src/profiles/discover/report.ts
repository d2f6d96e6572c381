import { render } from '../../messages/render.js'
import type { Anatomy, FieldAnatomy } from './anatomy.js'
import type { Match } from './compose.js'
import { fieldLabel } from './fields.js'
import type { Discovery } from './index.js'

/** The line to paste: a name as is, a JSON descriptor single-quoted (a .env file and a shell both take it). */
export function profileAssignment (profile: string): string {
  return profile.startsWith('{') ? `NONTAX_PROFILE='${profile}'` : `NONTAX_PROFILE=${profile}`
}

const n = (x: number) => x.toLocaleString('en-US')

function verdictOf (m: Match): string {
  if (m.decrypts && m.signatureVerifies) return 'decrypts, and the signature verifies'
  if (m.decrypts) return 'decrypts; no signature recipe matched (expected for WeChat\'s signature test)'
  return 'the signature verifies; the ciphertext did not open (the cipher part is a guess)'
}

function matchLines (m: Match, i: number, configured: string): string[] {
  const lines = [`${i + 1}. ${m.name}${m.profile === configured ? ' (the configured profile)' : ''}: ${verdictOf(m)}`]
  if (m.decryption) {
    lines.push(`   ciphertext  ${fieldLabel(m.decryption.field)} with ${m.decryption.secret}: ${m.words.cipher}`)
    if (m.decryption.payloadFields.length > 0) lines.push(`               → a JSON object with ${m.decryption.payloadFields.slice(0, 8).join(', ')}${m.decryption.payloadFields.length > 8 ? ', …' : ''}`)
    if (m.decryption.appidInside) lines.push(`               appid sealed inside: ${m.decryption.appidInside}`)
  }
  if (m.signature) lines.push(`   signature   ${fieldLabel(m.signature.field)} = ${m.words.signature} (key: ${m.signature.secret})`)
  lines.push(`   set         ${profileAssignment(m.profile)}`)
  for (const s of m.settings) lines.push(`   and         ${s}`)
  return lines
}

function anatomyLine (a: FieldAnatomy): string {
  const what: string[] = []
  if (a.base64) what.push(`base64 → ${a.base64.bytes} bytes, ${a.base64.multipleOf16 ? '' : 'not '}a multiple of 16 (${a.base64.note})`)
  if (a.digest) what.push(`${a.digest.bytes}-byte digest in ${a.digest.encoding}: likely ${a.digest.likely}`)
  if (a.timestamp) what.push(`timestamp ${a.timestamp}`)
  if (a.nonceLike) what.push('nonce-like')
  if (a.appidLike) what.push('an AppID')
  if (a.versusSibling) what.push(a.versusSibling === 'same' ? 'same in the other delivery' : a.versusSibling === 'differs' ? 'differs in the other delivery' : 'not in the other delivery')
  return `  ${a.in.padEnd(6)} ${a.name.padEnd(20)} ${String(a.length).padStart(5)} chars  ${JSON.stringify(a.sample)}${what.length ? `\n${' '.repeat(36)}${what.join('; ')}` : ''}`
}

export function anatomyText (a: Anatomy, siblingId?: string): string[] {
  const lines = ['anatomy (every field the delivery carries):', ...a.fields.map(anatomyLine)]
  if (siblingId) {
    lines.push(`compared with ${siblingId}, the other delivery of the same run:`)
    if (a.signatureSuspects.length > 0) lines.push(`  digest-shaped and different: ${a.signatureSuspects.map(fieldLabel).join(', ')}; the signature test's deliberately wrong signature travels there`)
    if (a.onlyInSibling.length > 0) lines.push(`  only in the other delivery: ${a.onlyInSibling.map(fieldLabel).join(', ')}`)
  }
  return lines
}

export function discoveryText (id: string, head: string, d: Discovery, configured: string, siblingId?: string): string {
  const s = d.searched
  const lines = [
    `discover ${id} · ${head}`,
    `searched ${n(s.candidates)} candidates (${n(s.decryptions)} decryptions, ${n(s.signatures)} signature recipes) with ${s.secrets.join(', ')} in ${s.ms} ms; ` +
      (s.bounded ? `stopped at the bound of ${n(s.limit)} candidates: the search is incomplete` : `bounded at ${n(s.limit)}, so complete`),
  ]
  if (d.bodyError) lines.push(`body: ${d.bodyError}`)
  if (d.matches.length === 0) lines.push('', render({ code: 'DISCOVERY_NO_MATCH', params: { secrets: s.secrets.join(', ') } }))
  d.matches.slice(0, 5).forEach((m, i) => lines.push('', ...matchLines(m, i, configured)))
  if (d.matches.length > 5) lines.push('', `(${d.matches.length - 5} more matches; --json lists all)`)
  if (d.anatomy) {
    lines.push('', ...anatomyText(d.anatomy, siblingId), '', render({ code: 'DISCOVERY_KEY_HINT' }), render({ code: 'DISCOVERY_RSA_NOTE' }))
  }
  return lines.join('\n')
}
