import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import type { CheckResult } from './types.js'

/** One bug that explains several results: said once, above the per-class detail. */
export interface RootCause { finding: Finding; classes: string[] }

/** Signals a class reports about an answer (stable codes, never text). */
export const SIGNAL = { ANSWER_PAD16: 'answer-pad-16' } as const

const byName = (rs: CheckResult[], name: string) => rs.find(r => r.class === name)
const failed = (rs: CheckResult[], test: (r: CheckResult) => boolean) => rs.filter(r => r.outcome === 'FAIL' && test(r)).map(r => r.class)
const list = (classes: string[]) => ({ classes: classes.join(', '), count: classes.length })

/**
 * A handler that computes the signature in the other hex case rejects every correctly signed
 * delivery with 300, and accepts the one delivery signed in that case (upper-hex). Without the
 * pattern, each 300 reads as a wrong token.
 */
function hexCase (rs: CheckResult[], emits: string): RootCause | undefined {
  if (emits === 'base64') return undefined
  const crypto = byName(rs, 'crypto-test')
  const upper = byName(rs, 'upper-hex')
  if (upper?.reply.errcode !== 0 || crypto?.reply.errcode !== 300) return undefined
  // Our own receiver found these signatures correct: each 300 is the hex case, whatever came next.
  const classes = failed(rs, r => r.reply.errcode === 300 && r.reference.errcode !== 300)
  const other = emits === 'hex' ? 'upper-case' : 'lower-case'
  return { finding: finding('CHECK_CAUSE_HEX_CASE', { case: other, emits: emits === 'hex' ? 'lower-case' : 'upper-case', ...list(classes) }), classes }
}

/** crypto-test passes (pad byte 1..16) but a valid delivery with pad byte 17..32 is refused. */
function unpad16 (rs: CheckResult[]): RootCause | undefined {
  const crypto = byName(rs, 'crypto-test')
  const long = byName(rs, 'long-padding')
  const refused = (r: CheckResult) => r.reply.errcode === 298 || r.reply.errcode === 210
  if (crypto === undefined || crypto.outcome === 'FAIL' || long?.outcome !== 'FAIL' || !refused(long)) return undefined
  const classes = failed(rs, r => refused(r) && r.accepts0)
  return { finding: finding('CHECK_CAUSE_UNPAD16', list(classes)), classes }
}

function answerPad16 (rs: CheckResult[]): RootCause | undefined {
  const classes = failed(rs, r => r.signals.includes(SIGNAL.ANSWER_PAD16))
  return classes.length === 0 ? undefined : { finding: finding('CHECK_CAUSE_PAD16_ANSWER', list(classes)), classes }
}

/** The bugs recognisable from the pattern of results across classes, most telling first. */
export function rootCauses (rs: CheckResult[], signatureEncoding: string): RootCause[] {
  return [hexCase(rs, signatureEncoding), unpad16(rs), answerPad16(rs)].filter((c): c is RootCause => c !== undefined)
}
