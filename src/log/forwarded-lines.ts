import type { ForwardedSummary } from '../capture/record.js'
import type { MessageCode } from '../messages/en/index.js'
import { render } from '../messages/render.js'
import type { Finding, Lang, Params } from '../messages/types.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { renderWithWords } from '../profiles/words.js'

/**
 * The user's handler's side of a forwarded delivery (forward mode), as a person reads it: what it
 * answered and how the one grader graded it, then why, the notes and the forensics. The log block and
 * `captures show` both print these lines. A finding reads in `lang` with the profile's words (its fixes
 * and forensics name the algorithm); records written before grades were coded hold strings, shown as written.
 */
export function forwardedLines (f: ForwardedSummary, lang: Lang | undefined, profile?: Pick<CryptoProfile, 'wordsIn'>): string[] {
  const t = (code: MessageCode, params?: Params) => render({ code, ...(params ? { params } : {}) }, lang)
  const say = (x: Finding | string): string => (typeof x === 'string' ? x : profile ? renderWithWords(x, profile, lang) : render(x, lang))
  const g = f.grade
  const graded = { outcome: g.outcome, expected: say(g.expected), got: say(g.got) }
  // Why the handler did not answer, coded in the grade (GOT_NO_ANSWER) where the record has it.
  const got: Finding | string = g.got
  const error = typeof got === 'object' && got.code === 'GOT_NO_ANSWER' ? got.params?.error : f.error
  const head = f.ok ? t('BLOCK_HANDLER_ANSWERED', { status: f.status, ms: f.durationMs, ...graded }) : t('BLOCK_HANDLER_NO_ANSWER', { error, ...graded })
  return [head, ...(g.reason ? [t('BLOCK_WHY', { text: say(g.reason) })] : []), ...[...g.notes, ...g.forensics].map(say)]
}
