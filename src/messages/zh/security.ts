import type { security as en } from '../en/security.js'

/** 敌意输入（issue 14）：管理路由、导出目标、捕获记录校验。 */
export const security = {
  ADMIN_REFUSED: '管理路由在检查器的监听地址上应答（127.0.0.1，INSPECTOR_PORT）；若要通过接收端的端口使用 /_captures，请设置 ADMIN_TOKEN，并以 x-admin-token 请求头发送',
  EXPORT_BAD_TARGET: '--to 必须是带主机名的 http:// 或 https:// 地址，例如 --to http://127.0.0.1:3000（收到 "{to}"）',
  EXPORT_NO_LISTENER: '捕获 {id} 记录于开始记录监听地址之前，所以不知道它的目标；请传入 --to http://HOST:PORT（接收端或你的处理程序）',
  RECORD_SKIPPED: '{file} 第 {line} 行：{problem}',
  RECORDS_SKIPPED: '跳过了 {dir} 中 {count} 行无法读取的捕获（写入时崩溃会截断最后一行；手工编辑或伪造的行无法通过记录校验）；所有完整记录都已读取。第一条：{first}',
  ANSWER_NOT_DELIVERED: '应答未送达（应答写出前连接已关闭，发现于 {at}）：微信没有收到它，会再次推送这条通知',
  LOG_ANSWER_NOT_DELIVERED: '捕获 {id}：应答未送达（应答写出前连接已关闭）；微信没有收到它，会再次推送这条通知',
  LOG_CORRECTION_NOT_RECORDED: '捕获 {id}：应答未送达（应答写出前连接已关闭），且无法在 CAPTURE_DIR 中记下这一点（{error}）；记录仍显示已应答——请检查 CAPTURE_DIR 可写、磁盘有空间',
  BODY_REFUSED_UNREAD: '请求体未读取：其 Content-Length（{declared} 字节）超过 BODY_LIMIT_BYTES（{limit}），因此在读取前即被拒绝；未保留任何请求体字节',
  BODY_KEPT_FIRST: '请求体超过 BODY_LIMIT_BYTES（{limit}）：被拒绝前读取了 {received} 字节（Content-Length：{declared}）；保留了前 {kept} 字节',
  BODY_ENDED_EARLY: '请求体不完整：连接在 {received} 字节后结束（Content-Length：{declared}）；全部 {kept} 字节都已保留',
  BODY_LENGTH_MISMATCH: '{received} 字节的请求体与其 Content-Length（{declared}）不符；全部 {kept} 字节都已保留',
} as const satisfies Partial<Record<keyof typeof en, string>>
