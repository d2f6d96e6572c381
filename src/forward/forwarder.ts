import { UsageError } from '../errors.js'
import { rawQueryOf, withQuery } from '../net/raw-query.js'
import { expectationFor } from '../grade/expectation.js'
import { referenceForensics } from '../grade/forensics.js'
import { gradeReply } from '../grade/grade.js'
import { DEFAULT_TIMEOUT_MS, sendRequest } from '../net/send-request.js'
import type { ForwardRequest, ForwardResult, Forwarder, ForwarderOptions } from './types.js'

/** Passed on as received. Never host, content-length or connection: those belong to each hop. */
export const FORWARDED_HEADERS = ['content-type', 'user-agent', 'accept'] as const

/** Headers the profile carries values in (docs/PROTOCOL.md §5): the handler needs them to verify. */
function profileHeaders (profile: ForwarderOptions['profile'], h: ForwardRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const loc of Object.values(profile.descriptor.fields)) {
    const v = loc?.in === 'header' ? h[loc.name.toLowerCase()] : undefined
    if (v !== undefined) out[loc?.name.toLowerCase() ?? ''] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

export function forwardHeaders (h: ForwardRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of FORWARDED_HEADERS) {
    const v = h[name]
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

/**
 * Forward mode: pass a delivery to the user's handler byte for byte, then grade its answer against
 * what docs/PROTOCOL.md §4 expects for this delivery. Never throws: a dead or slow handler is a result.
 */
export function createForwarder (opts: ForwarderOptions): Forwarder {
  if (!/^https?:\/\/[^/]/.test(opts.target) || !URL.canParse(opts.target)) {
    // A usage error (exit 2, serve's usage after it), in the words run --forward-to already uses.
    throw UsageError.from({ code: 'LOOP_FORWARD_URL', params: { got: opts.target } })
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return async (req: ForwardRequest): Promise<ForwardResult> => {
    const reply = await sendRequest(withQuery(opts.target, rawQueryOf(req.url)), {
      method: req.method, headers: { ...profileHeaders(opts.profile, req.headers), ...forwardHeaders(req.headers) }, body: req.body, timeoutMs, dispatcher: opts.dispatcher,
    })
    const env = req.expected.envelope
    const grade = gradeReply(expectationFor(req.expected, { bodyBytes: req.body.length }), reply, {
      secrets: opts.secrets, profile: opts.profile, sent: { timestamp: env?.timestamp, nonce: env?.nonce, encrypt: env?.encrypt },
    })
    if (grade.failure === 'errcode') grade.forensics.push(...referenceForensics(req.expected, { profile: opts.profile }))
    if (reply.kind === 'error') return { ok: false, durationMs: reply.durationMs, error: reply.error, grade }
    return { ok: true, status: reply.status, headers: reply.headers, body: reply.body, durationMs: reply.durationMs, grade }
  }
}
