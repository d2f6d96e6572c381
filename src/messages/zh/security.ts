import type { security as en } from '../en/security.js'

/** 敌意输入（issue 14）：管理路由、导出目标、捕获记录校验。 */
export const security = {
  ADMIN_REFUSED: '管理路由在检查器的监听地址上应答（127.0.0.1，INSPECTOR_PORT）；若要通过接收端的端口使用 /_captures，请设置 ADMIN_TOKEN，并以 x-admin-token 请求头发送',
  EXPORT_BAD_TARGET: '--to 必须是带主机名的 http:// 或 https:// 地址，例如 --to http://127.0.0.1:3000（收到 "{to}"）',
  EXPORT_NO_LISTENER: '捕获 {id} 记录于开始记录监听地址之前，所以不知道它的目标；请传入 --to http://HOST:PORT（接收端或你的处理程序）',
  RECORD_SKIPPED: '{file} 第 {line} 行：{problem}',
  RECORDS_SKIPPED: '跳过了 {dir} 中 {count} 行无法读取的捕获（写入时崩溃会截断最后一行；手工编辑或伪造的行无法通过记录校验）；所有完整记录都已读取。第一条：{first}',
} as const satisfies Partial<Record<keyof typeof en, string>>
