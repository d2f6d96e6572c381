import type { signature as en } from '../en/signature.js'

/** 推送和应答的验签（src/protocol/signature-check.ts、check 的取证）。 */
export const signature = {
  SIG_TIMESTAMP_MISSING: '没有 "{param}"（{where}）的值：签名覆盖 timestamp，因此无法验签',
  SIG_NONCE_MISSING: '没有 "{param}"（{where}）的值：签名覆盖随机串，因此无法验签',
  SIG_MISSING: '没有签名（{looked}）',
  SIG_MISSING_FIELD: '没有签名（查找了 {in} 中的字段 {names}）',
  SIG_NOT_ITS_SHAPE: '收到的 "{received}" 不是 {shape}，而 {algorithm} 的结果是这种形式',
  SIG_URL_VERIFICATION_FORMULA: '签名只对 token、timestamp 和 nonce 计算（这是 URL 验证的公式）；{param} 必须包含密文',
  SIG_TOKEN_OR_BODY: 'Token 与发送方的不同，或者签名后请求体、timestamp 或 nonce 被改动过',
  SIG_TOKEN_WRONG_BODY_INTACT: '密文完好（用你的密钥可以解密），所以是 Token 错了（NONTAX_TOKEN），或者 timestamp/nonce 不是签名时用的那些',
  SIG_BODY_ALTERED: '密文也无法解密：请求体在传输中被改动，或者 NONTAX_TOKEN 和 NONTAX_ENCODING_AES_KEY 都错了（或者微信用的是另一种方案：npm run captures -- discover ID）',
  SIG_HEX_CASE: '签名十六进制为 {got}；本配置生成 {emits}（可接受：微信文档未规定大小写）',
  SIG_ANSWER_TOKEN_DIFFERS: '应答 data 可以用 check 的密钥解密，所以处理程序签名用的 Token 与 check 的不同（NONTAX_TOKEN），或者签名的字符串不是它放进应答的 timestamp、nonce 和 data',
  SIG_ANSWER_SECRETS_DIFFER: '应答 data 用 check 的密钥也无法解密：处理程序用的密钥与 check 不同（NONTAX_TOKEN、NONTAX_ENCODING_AES_KEY、WECHAT_APPID）',
  SIG_ANSWER_SIGNED_DELIVERY_CIPHERTEXT: '处理程序对推送的密文签名，而不是对应答的 data 签名',
  SIG_ANSWER_SIGNED_DELIVERY_TS_NONCE: '处理程序用推送的 timestamp 和 nonce 签名，而不是它放进应答的 timestamp 和 nonce',
  SIG_ANSWER_COPIED_INPUTS: '处理程序照抄了推送的签名输入（timestamp、nonce、密文），而不是对自己的应答签名',
} as const satisfies Partial<Record<keyof typeof en, string>>
