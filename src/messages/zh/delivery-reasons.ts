import type { deliveryReasons as en } from '../en/delivery-reasons.js'

/** 推送无法读取或解密的原因（src/protocol/cipher.ts、envelope.ts）。 */
export const deliveryReasons: Record<keyof typeof en, string> = {
  DECRYPT_PAD_INVALID: '填充字节为 {padByte}，应在 1..{block} 之间：密钥很可能不是发送方所用的那个',
  DECRYPT_LENGTH_INVALID: '声明的消息长度 {declaredLength} 字节超过了可用的 {available} 字节：EncodingAESKey 错误，或密文被截断',
  DECRYPT_APPID_MISMATCH: '密文中的 appid 是 "{found}"，应为 "{expected}"：消息是为另一个公众号加密的，或 WECHAT_APPID 配错了',
  DECRYPT_APPID_NOISE: '密文中的 appid 是 {count} 个不可打印字节（十六进制 {hex}），说明密钥很可能错了；应为 "{expected}"：消息是为另一个公众号加密的，或 WECHAT_APPID 配错了',
  DECRYPT_NOT_UTF8: '解密后的消息不是有效的 UTF-8',
  CIPHER_SPACES: '密文中有空格，而 base64 在这些位置应是 "+"：它按表单编码发送却没有转义 "+"（应发送 %2B，或改用 JSON）',
  CIPHER_BAD_CHAR: '密文不是 base64：偏移 {offset} 处有字符 {char}',
  CIPHER_BAD_LENGTH: '密文不是 base64：长度 {length} 不是 4 的正整数倍',
  CIPHER_NOT_BLOCKS: '密文有 {bytes} 字节，不是 16 字节 AES 分组的整数倍：被截断或改动过',
  ENVELOPE_BODY_EMPTY: '报文体为空：推送应包含 {"appid","encrypt"}',
  ENVELOPE_NO_CIPHERTEXT: '{format} 报文体中没有密文字段（查找了 {looked}；找到的是 {found}）',
  ENVELOPE_NO_FIELDS: '{format} 报文体中没有密文字段（查找了 {looked}；一个字段也没有）',
  ENVELOPE_CONTENT_TYPE: '不支持 content-type "{mime}"：微信发送 application/json（也接受 form-urlencoded、XML）',
  ENVELOPE_UNPARSEABLE: '{format} 报文体无法解析（解析器报告："{detail}"）',
  PROFILE_BODY_EMPTY: '报文体为空：此配置要求 {format} 报文体',
  PROFILE_NO_CIPHERTEXT: '{in} 字段 "{name}" 中没有密文（报文体字段：{fields}）',
  PROFILE_NO_BODY_FIELDS: '{in} 字段 "{name}" 中没有密文（报文体中一个字段也没有）',
  PAYLOAD_TOO_DEEP: '解密后的消息嵌套 {depth} 层，超过本接收端解析的 {max} 层；只按文本保存',
  PAYLOAD_NOT_JSON: '解密后的消息不是 JSON（解析器报告："{detail}"）：{start}',
  PAYLOAD_NOT_OBJECT: '解密后的消息是 JSON，但不是对象：{start}',
}
