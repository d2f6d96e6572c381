import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The tunnel probe: before WeChat is called, the debugger POSTs a request carrying this header to
 * its own public callback URL. The receiver recognises it (an HMAC under the Token it holds, so no
 * one else can make it skip recording), answers with a proof of its own, and records nothing.
 */
export const PROBE_HEADER = 'x-nontax-debugger-probe'

const sign = (token: string, label: string, nonce: string) => createHmac('sha256', token).update(`nontax-debugger-${label}:${nonce}`).digest('hex')

export function newProbeNonce (): string {
  return randomBytes(12).toString('hex')
}

/** The header value a probe carries: nonce.signature. */
export function probeHeaderValue (token: string, nonce: string): string {
  return `${nonce}.${sign(token, 'probe', nonce)}`
}

/** The nonce of a valid probe header, or undefined (not a probe, or signed with another Token). */
export function ownProbeNonce (headers: Record<string, string | string[] | undefined>, token: string): string | undefined {
  const v = headers[PROBE_HEADER]
  if (typeof v !== 'string') return undefined
  const m = /^([0-9a-f]{24})\.([0-9a-f]{64})$/.exec(v)
  if (!m?.[1] || !m[2]) return undefined
  const ok = timingSafeEqual(Buffer.from(m[2], 'hex'), Buffer.from(sign(token, 'probe', m[1]), 'hex'))
  return ok ? m[1] : undefined
}

/** What the receiver answers a valid probe with. */
export function probeAnswer (token: string, nonce: string): { probe: 'nontax-debugger'; proof: string } {
  return { probe: 'nontax-debugger', proof: sign(token, 'answer', nonce) }
}

/** Did this answer come from a receiver holding our Token (the one we started), not something else at that URL? */
export function isProbeAnswer (text: string, token: string, nonce: string): boolean {
  try {
    const a = JSON.parse(text) as { probe?: unknown; proof?: unknown }
    const expected = sign(token, 'answer', nonce)
    return a.probe === 'nontax-debugger' && typeof a.proof === 'string' && a.proof.length === expected.length &&
      timingSafeEqual(Buffer.from(a.proof), Buffer.from(expected))
  } catch {
    return false
  }
}
