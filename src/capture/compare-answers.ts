import { checkAnswer, type Answer } from '../protocol/answer.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'

export interface AnswerComparison {
  byteIdentical: boolean
  sameStatus: boolean
  originalErrcode: number
  replayErrcode: number | undefined
  /** For success answers: did both decrypt to the same data (undefined: could not decrypt). */
  sameData: boolean | undefined
  summary: string
}

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
    return { ...base, byteIdentical: true, summary: 'byte-identical to the recorded answer' }
  }
  const statusNote = sameStatus ? '' : ` (HTTP ${original.status} → ${replay.status})`
  if (check.errcode !== original.body.errcode) {
    return { ...base, byteIdentical: false, summary: `different answer: errcode ${original.body.errcode} → ${check.errcode ?? 'none'}${statusNote}` }
  }
  if (check.errcode !== 0 || original.body.data === undefined) {
    return { ...base, byteIdentical: false, summary: `same errcode ${check.errcode}${statusNote}, but the bytes differ (errmsg or fields changed)` }
  }
  const recorded = checkAnswer(original.status, originalText, secrets, profile)
  const decrypted = recorded.data !== undefined && check.data !== undefined
  if (!decrypted) {
    return {
      ...base, byteIdentical: false,
      summary: `same errcode 0${statusNote}; the bytes differ because a success answer carries a fresh nonce, timestamp and ` +
        'ciphertext each time, and its data does not decrypt with the current secrets, so only errcode and errmsg were compared',
    }
  }
  const sameData = JSON.stringify(recorded.data) === JSON.stringify(check.data)
  return {
    ...base, byteIdentical: false, sameData,
    summary: sameData
      ? `same errcode 0 and the same decrypted data${statusNote}; the bytes differ only because a success answer carries a fresh nonce, timestamp and ciphertext each time`
      : `same errcode 0${statusNote}, but the decrypted data differs: ${JSON.stringify(recorded.data)} → ${JSON.stringify(check.data)}`,
  }
}
