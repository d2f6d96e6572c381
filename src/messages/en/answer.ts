/** What a sender (the emulator, `check`, forward mode) finds wrong or loose in a handler's answer (docs/PROTOCOL.md §4). */
export const answer = {
  ANSWER_HTTP_STATUS: 'HTTP status {status}; the answer should be HTTP 200 with an errcode',
  ANSWER_NOT_JSON: 'answer is not JSON: {head}',
  ANSWER_NOT_OBJECT: 'answer is not a JSON object',
  ANSWER_NO_ERRCODE: 'answer has no numeric errcode (got {got})',
  /** A value that is not there at all (no errcode field, no fee). */
  VALUE_ABSENT: 'nothing',
  ANSWER_NO_DATA: 'errcode 0 but no encrypted "data" in the answer',
  ANSWER_DATA_UNSIGNED: 'answer "data" is not signed: timestamp, nonce and msg_signature must be strings',
  ANSWER_SIGNATURE_MISMATCH: 'answer msg_signature does not match its data, timestamp and nonce',
  ANSWER_SIGNATURE_HEX_CASE: 'answer msg_signature is {got} hex; this profile emits {emits} (accepted: WeChat documents no case)',
  ANSWER_DATA_NOT_JSON: 'answer data decrypts but is not JSON: {head}',
  ANSWER_DATA_NOT_OBJECT: 'answer data decrypts to {head}, not a JSON object',
  ANSWER_DATA_NOT_DECRYPTED: 'answer data does not decrypt: {detail}',
} as const
