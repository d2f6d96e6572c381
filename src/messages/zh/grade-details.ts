import type { gradeDetails as en } from '../en/grade-details.js'

/** 评判的明细行（src/grade/）：docs/PROTOCOL.md §4 对推送期望什么、实际收到什么、推送用了 §8 的哪些宽松之处。LAT_* 都以汉字开头：它们放在“虽然”之后，中间不加空格。 */
export const gradeDetails: Record<keyof typeof en, string> = {
  EXPECT_HTTP: 'HTTP {status}',
  EXPECT_ANY_REJECTION: '任何拒绝',
  EXPECT_ERRCODE_0: 'errcode 0 且带签名的加密 data',
  EXPECT_ERRCODE: 'errcode {errcode}（{name}）',
  EXPECT_PASS: '{pass}',
  EXPECT_PASS_ALSO_WARN: '{pass}；也可接受但有警告：{warn}',
  EXPECT_WARN_ONLY: '可接受但有警告：{warn}',
  ERRCODE_UNDOCUMENTED: '不是文档中的接收方 errcode',

  EXPECT_SHORT_PASS: '{pass}',
  EXPECT_SHORT_BOTH: '{pass} [{warn}]',
  EXPECT_SHORT_WARN: '[{warn}]',
  EXPECT_SHORT_REJECT: '拒绝',

  GOT_NO_ANSWER: '没有应答：{error}',
  GOT_NO_ERRCODE: 'HTTP {status}，没有 errcode：{head}',
  GOT_ANSWER: 'HTTP {status}，errcode {errcode}{errmsg}{data}{sig}',
  GOT_DATA: '，data 解密为 {json}',
  GOT_SIG_VALID: '，应答签名有效',
  GOT_SIG_INVALID: '，应答签名无效',

  GOT_SHORT_TIMEOUT: '超时',
  GOT_SHORT_UNREACHABLE: '无法连接',
  GOT_SHORT_NO_ANSWER: '没有应答',
  GOT_SHORT_NO_ERRCODE: 'HTTP {status}，没有 errcode',
  GOT_SHORT_ERRCODE: '{errcode}{http}',
  GOT_SHORT_DATA: '0+data{http}',
  GOT_SHORT_BAD_ANSWER: '0，应答不可用{http}',
  GOT_SHORT_HTTP: '（HTTP {status}）',
  GOT_SHORT_THEN: '{first}，然后 {second}',

  GRADE_WHAT_NOT_JSON: '应答体不是 JSON',
  GRADE_WHAT_NO_ERRCODE: '应答体中没有数字 errcode',
  GRADE_WANT: '：这里应为 {"errcode":{errcode}}',

  LAT_SIG_PARAM: '签名放在 "{param}" 中，而不是 "msg_signature"',
  LAT_NONCE_PARAM: '随机串放在 "{param}" 中，而不是 "wxnontaxstr"',
  LAT_HEX_UPPER: '签名为大写十六进制',
  LAT_HEX_LOWER: '签名为小写十六进制',
  LAT_TIMESTAMP: '推送的 timestamp 离当前时间太远，或不是 Unix 秒数',
  LAT_PARAM_IN_BODY: '有签名参数放在报文体中，而不是查询参数中',
  LAT_CIPHER_FIELD: '密文放在 "{field}" 中，而不是 "encrypt"',
  LAT_BODY_FORMAT: '报文体是 {format}，不是 JSON',
  LAT_NO_CONTENT_TYPE: '推送没有 content-type',
  LAT_LARGE_BODY: '报文体超过 {kib} KiB',
}
