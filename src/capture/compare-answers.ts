import type { MessageCode } from '../messages/en/index.js'
import { finding, render } from '../messages/render.js'
import type { Finding, Params } from '../messages/types.js'
import { checkAnswer, type Answer } from '../protocol/answer.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export interface AnswerComparison {
  byteIdentical: boolean
  sameStatus: boolean
  originalErrcode: number
  replayErrcode: number | undefined
  /** For success answers: did both decrypt to the same data (undefined: could not decrypt). */
  sameData: boolean | undefined
  /** In English (the inspector shows it); summaryFinding renders it in any language. */
  summary: string
  summaryFinding: Finding
}

const said = (code: MessageCode, params?: Params) => { const f = finding(code, params); return { summary: render(f), summaryFinding: f } }

/**
 * The record keeps the answer as a JSON object; the receiver's own answer went out as
 * JSON.stringify of it, so that is what "byte-identical" compares against (a relayed answer in
 * forward mode went out as the handler wrote it, and compares by errcode and data like any other). A success answer cannot repeat byte for byte: it
 * carries a fresh nonce, timestamp and ciphertext each time, so for errcode 0 the comparison is
 * errcode + decrypted data (when the secrets decrypt it) and says so.
 */
export function compareAnswers (
  original: { status: number; body: Answer },
  replay: { status: number; text: string },
  secrets: Secrets,
  profile: CryptoProfile,
): AnswerComparison {
  const originalText = JSON.stringify(original.body)
  const sameStatus = original.status === replay.status
  const check = checkAnswer(replay.status, replay.text, secrets, profile)
  const base = { sameStatus, originalErrcode: original.body.errcode, replayErrcode: check.errcode, sameData: undefined }
  if (sameStatus && replay.text === originalText) {
    return { ...base, byteIdentical: true, ...said('COMPARE_BYTE_IDENTICAL') }
  }
  const statusNote = sameStatus ? '' : finding('COMPARE_STATUS_NOTE', { from: original.status, to: replay.status })
  if (check.errcode !== original.body.errcode) {
    return { ...base, byteIdentical: false, ...said('COMPARE_DIFFERENT', { from: original.body.errcode, to: check.errcode ?? '-', status: statusNote }) }
  }
  if (check.errcode !== 0 || original.body.data === undefined) {
    return { ...base, byteIdentical: false, ...said('COMPARE_SAME_ERRCODE', { errcode: check.errcode, status: statusNote }) }
  }
  const recorded = checkAnswer(original.status, originalText, secrets, profile)
  const decrypted = recorded.data !== undefined && check.data !== undefined
  if (!decrypted) {
    return {
      ...base, byteIdentical: false,
      ...said('COMPARE_SUCCESS_UNDECRYPTED', { status: statusNote }),
    }
  }
  const sameData = JSON.stringify(recorded.data) === JSON.stringify(check.data)
  return {
    ...base, byteIdentical: false, sameData,
    ...(sameData
      ? said('COMPARE_SUCCESS_SAME_DATA', { status: statusNote })
      : said('COMPARE_SUCCESS_DATA_DIFFERS', { status: statusNote, before: JSON.stringify(recorded.data), after: JSON.stringify(check.data) })),
  }
}
