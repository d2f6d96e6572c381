import type { AnswerCheck } from '../protocol/answer.js'
import { finding, isMessageCode } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Finding } from '../messages/types.js'
import type { Expectation, Reply } from './types.js'

/** An errcode in words (docs/PROTOCOL.md §2), from the catalogue's ERRCODE_* entries. */
export function nameOf (errcode: number): Finding {
  const code = `ERRCODE_${errcode}`
  return isMessageCode(code) ? finding(code) : finding('ERRCODE_UNDOCUMENTED')
}

/** Expected a success, got this errcode (the fixes themselves are FIX_* in src/messages/en/grade.ts). */
const SUCCESS_MISSED: Readonly<Record<number, MessageCode>> = {
  300: 'GRADE_MISSED_300',
  298: 'GRADE_MISSED_298',
  210: 'GRADE_MISSED_210',
  299: 'GRADE_MISSED_299',
}

function primaryErrcode (e: Expectation): number | undefined {
  const a = e.accept.find(x => x.outcome === 'PASS' && typeof x.errcode === 'number') ?? e.accept.find(x => typeof x.errcode === 'number')
  return typeof a?.errcode === 'number' ? a.errcode : undefined
}

export const acceptsSuccess = (e: Expectation): boolean => e.accept.some(a => a.errcode === 0)

/** Plain words for an answer that matches none of the acceptable ones. */
export function failReason (e: Expectation, status: number, answer: AnswerCheck, bodyHead: string): Finding {
  const code = answer.errcode
  if (code === undefined) {
    const want = primaryErrcode(e)
    // The handler's own body tells a framework error page from its code's answer.
    const framework = /FST_ERR|"statusCode"\s*:/.test(bodyHead) || [400, 404, 405, 413, 415].includes(status)
    const what = finding(answer.problems.some(p => p.code === 'ANSWER_NOT_JSON') ? 'GRADE_WHAT_NOT_JSON' : 'GRADE_WHAT_NO_ERRCODE')
    return finding(framework ? 'GRADE_NO_ERRCODE_FRAMEWORK' : 'GRADE_NO_ERRCODE', { status, what, want: want !== undefined ? finding('GRADE_WANT', { errcode: want }) : '' })
  }
  if (code === 0) return e.why?.accepted ?? finding('GRADE_ACCEPTED', { expected: e.described })
  const specific = e.why?.errcode?.[code]
  if (specific) return specific
  const missed = SUCCESS_MISSED[code]
  if (acceptsSuccess(e) && missed) return finding(missed)
  return e.why?.rejected ?? finding('GRADE_REJECTED', { errcode: code, name: nameOf(code), expected: e.described })
}

/** For answers to unreachable or slow handlers. */
export function networkReason (reply: Pick<Extract<Reply, { kind: 'error' }>, 'finding' | 'timedOut'>): Finding {
  return finding(reply.timedOut ? 'GRADE_TIMEOUT' : 'GRADE_NO_ANSWER', { error: reply.finding })
}
