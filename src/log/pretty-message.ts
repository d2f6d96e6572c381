import { isMessageCode, render } from '../messages/render.js'
import type { Finding, Lang } from '../messages/types.js'

/**
 * A log line's text for a person. Code that does not know the reader's language (the delivery path,
 * Fastify hooks) logs `finding: {code, params}` beside its English msg: the pretty log renders the
 * finding in the run's language; JSON lines keep both, for machines.
 */
export function logText (log: Record<string, unknown>, messageKey: string, lang: Lang | undefined): string {
  const f = log.finding as Finding | undefined
  if (f !== null && typeof f === 'object' && typeof f.code === 'string' && isMessageCode(f.code)) return render(f, lang)
  return String(log[messageKey] ?? '')
}

/** The object and message to log a finding with: its English text as msg, the finding for the pretty log. */
export function logFinding (f: Finding): [{ finding: Finding }, string] {
  return [{ finding: f }, render(f)]
}
