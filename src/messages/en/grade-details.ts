/**
 * The grader's detail lines (src/grade/): what docs/PROTOCOL.md §4 expects for a delivery, what came
 * back, and which of §8's latitudes a delivery took. Made as findings at grading time; the JSON
 * report keeps their English text, the human report renders them in the reader's language.
 */
export const gradeDetails = {
  EXPECT_HTTP: 'HTTP {status}',
  EXPECT_ANY_REJECTION: 'any rejection',
  EXPECT_ERRCODE_0: 'errcode 0 + signed, encrypted data',
  EXPECT_ERRCODE: 'errcode {errcode} ({name})',
  EXPECT_PASS: '{pass}',
  EXPECT_PASS_ALSO_WARN: '{pass}; also acceptable, with a warning: {warn}',
  EXPECT_WARN_ONLY: 'acceptable, with a warning: {warn}',
  ERRCODE_UNDOCUMENTED: 'not a documented receiver code',

  // The table's short forms: PASS codes, then [WARN codes].
  EXPECT_SHORT_PASS: '{pass}',
  EXPECT_SHORT_BOTH: '{pass} [{warn}]',
  EXPECT_SHORT_WARN: '[{warn}]',
  EXPECT_SHORT_REJECT: 'reject',

  GOT_NO_ANSWER: 'no answer: {error}',
  GOT_NO_ERRCODE: 'HTTP {status}, no errcode: {head}',
  GOT_ANSWER: 'HTTP {status}, errcode {errcode}{errmsg}{data}{sig}',
  GOT_DATA: ', data decrypts to {json}',
  GOT_SIG_VALID: ', answer signature valid',
  GOT_SIG_INVALID: ', answer signature INVALID',

  GOT_SHORT_TIMEOUT: 'timeout',
  GOT_SHORT_UNREACHABLE: 'unreachable',
  GOT_SHORT_NO_ANSWER: 'no answer',
  GOT_SHORT_NO_ERRCODE: 'HTTP {status}, no errcode',
  GOT_SHORT_ERRCODE: '{errcode}{http}',
  GOT_SHORT_DATA: '0+data{http}',
  GOT_SHORT_BAD_ANSWER: '0, bad answer{http}',
  GOT_SHORT_HTTP: ' (HTTP {status})',
  GOT_SHORT_THEN: '{first}, then {second}',

  GRADE_WHAT_NOT_JSON: 'a body that is not JSON',
  GRADE_WHAT_NO_ERRCODE: 'no numeric errcode in its body',
  GRADE_WANT: ': here {"errcode":{errcode}}',

  LAT_SIG_PARAM: 'the signature came in "{param}", not "msg_signature"',
  LAT_NONCE_PARAM: 'the nonce came in "{param}", not "wxnontaxstr"',
  LAT_HEX_UPPER: 'the signature hex is upper-case',
  LAT_HEX_LOWER: 'the signature hex is lower-case',
  LAT_TIMESTAMP: 'the timestamp is far from now or not unix seconds',
  LAT_PARAM_IN_BODY: 'a signing parameter came in the body, not the query',
  LAT_CIPHER_FIELD: 'the ciphertext came in "{field}", not "encrypt"',
  LAT_BODY_FORMAT: 'the body is {format}, not JSON',
  LAT_NO_CONTENT_TYPE: 'the delivery has no content-type',
  LAT_LARGE_BODY: 'the body is over {kib} KiB',
} as const
