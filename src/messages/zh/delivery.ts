import type { delivery as en } from '../en/delivery.js'

/** 接收端对一次推送的提示（Inspection 上的警告；docs/PROTOCOL.md §4/C）。 */
export const delivery = {
  WARN_NO_CONTENT_TYPE: '没有 content-type 请求头；按 {format} 读取请求体',
  WARN_QUERY_REPEATED: '查询参数 "{name}" 出现了 {count} 次；使用第一个',
  WARN_QUERY_NONCANONICAL: '使用了查询参数 "{name}"；标准名称是 "{canonical}"',
  WARN_BODY_NONCANONICAL: '使用了请求体字段 "{name}"；标准名称是 "{canonical}"',
  WARN_PARAM_IN_BODY: '"{name}" 是从请求体读取的；微信把它放在 URL 查询参数中',
  WARN_TIMESTAMP_NOT_UNIX: 'timestamp "{timestamp}" 不是 Unix 秒数（按收到的原样验签）',
  WARN_TIMESTAMP_PAST: 'timestamp 早于当前 {seconds} 秒（超过 {limit} 秒；仅为警告：微信文档未规定时间窗口）',
  WARN_TIMESTAMP_FUTURE: 'timestamp 晚于当前 {seconds} 秒（超过 {limit} 秒；仅为警告：微信文档未规定时间窗口）',
  WARN_APPID_DIFFERS: '报文 appid "{envelope}" 与配置的 WECHAT_APPID "{configured}" 不同',
  WARN_DUPLICATE_ORDER: '与 {earlier} 重复（order_id 与 status 相同）：仍应答 0，因为微信会重发丢失了应答的通知；不要重复入账',
  WARN_NONCE_REUSED: 'wxnontaxstr {nonce} 已被推送 {earlier} 使用过：可能是重放，或发送方重复使用随机串',
} as const satisfies Partial<Record<keyof typeof en, string>>
