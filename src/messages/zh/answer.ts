import type { answer as en } from '../en/answer.js'

/** 发送方（模拟器、check、转发模式）对处理程序应答的判断（docs/PROTOCOL.md §4）。 */
export const answer = {
  ANSWER_HTTP_STATUS: 'HTTP 状态码 {status}；应答应为 HTTP 200，并在 errcode 中给出结果',
  ANSWER_NOT_JSON: '应答不是 JSON：{head}',
  ANSWER_NOT_OBJECT: '应答不是 JSON 对象',
  ANSWER_NO_ERRCODE: '应答中没有数字类型的 errcode（收到 {got}）',
  VALUE_ABSENT: '空值',
  ANSWER_NO_DATA: 'errcode 为 0，但应答中没有加密的 "data"',
  ANSWER_DATA_UNSIGNED: '应答的 "data" 没有签名：timestamp、nonce 和 msg_signature 必须是字符串',
  ANSWER_SIGNATURE_MISMATCH: '应答的 msg_signature 与其 data、timestamp、nonce 不符（验签失败）',
  ANSWER_SIGNATURE_HEX_CASE: '应答的 msg_signature 为 {got} 十六进制；本配置生成 {emits}（可接受：微信文档未规定大小写）',
  ANSWER_DATA_NOT_JSON: '应答 data 可以解密，但不是 JSON：{head}',
  ANSWER_DATA_NOT_OBJECT: '应答 data 解密后为 {head}，不是 JSON 对象',
  ANSWER_DATA_NOT_DECRYPTED: '应答 data 解密失败：{detail}',
} as const satisfies Partial<Record<keyof typeof en, string>>
