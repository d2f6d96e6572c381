import type { common as en } from '../en/common.js'

/** 各领域共用的文字：错误码在微信文档中的含义（docs/PROTOCOL.md §2）。 */
export const common = {
  ERRCODE_0: '成功',
  ERRCODE_210: '数据格式错误',
  ERRCODE_232: '缴款通知书已缴费',
  ERRCODE_236: '不允许在该银行缴费',
  ERRCODE_298: '解密失败',
  ERRCODE_299: '系统错误',
  ERRCODE_300: '签名错误',
} as const satisfies Partial<Record<keyof typeof en, string>>
