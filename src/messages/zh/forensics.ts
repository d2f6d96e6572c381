import type { forensics as en } from '../en/forensics.js'

/** 取证（src/grade/forensics.ts）：FAIL 背后的数据，应为与收到的签名、解密失败的细节。 */
export const forensics: Record<keyof typeof en, string> = {
  FX_LABEL_ANSWER_SIG: '应答的 msg_signature',
  FX_LABEL_ANSWER_DATA: '应答的 data',
  FX_LABEL_DELIVERY_SIG: '推送的 {field}',
  FX_LABEL_DELIVERY_CIPHER: '推送的密文',
  FX_IN_PARAM: '（在 "{param}" 中）',
  FX_SIG_MISMATCH: '{label}：应为 {expected}，收到 {received}{inParam}',
  FX_SIG_MISMATCH_NONE: '{label}：应为 {expected}，没有收到签名',
  FX_SIG_INPUTS: '{label} 的计算（{signature}）：[{parts}]',
  FX_SIG_CAUSE: '{label} 可能的原因：{cause}',
  FX_DECRYPT_FAILED: '{label}：{reason}：{message} {details}',
  FX_ERROR: '{label}：{message}',
  FX_SENT_SIG: '{label}：发送的是 {received}{inParam}；正确的是 {expected}',
  FX_SENT_NO_SIG: '{label}：没有发送签名；正确的是 {expected}',
  FX_VERIFIER_SEES: '{label}：验签的处理程序会计算签名（{signature}）：[{parts}]，从而发现不符',
  FX_SIG_VALID: '{label} 有效（{signature}：[{parts}]）',
  FX_KEY_OF_CHECK: 'check 的密钥',
  FX_KEY_OF_RECEIVER: '本接收端的密钥',
  FX_DELIVERY_DECRYPTS: '推送的密文可以解密（{keyOwner}）：{cipherBytes} 字节，填充字节 {padByte}，消息 {declaredLength} 字节，appid {appid}',
  FX_DELIVERY_REJECTED: '推送：{reason}：{message}',
}
