import type { shutdown as en } from '../en/shutdown.js'

/** 优雅退出的状态行与本次会话小结。 */
export const shutdown: Record<keyof typeof en, string> = {
  SHUTDOWN_CAUSE_LAUNCHER: '启动本接收端的 npm 脚本已结束',
  SHUTDOWN_CAUSE_FATAL: '致命错误',
  SHUTDOWN_CAUSE_SIGNAL: '收到 {signal}',
  SHUTDOWN_BEGIN: '{cause}：不再接受新连接；正在处理完进行中的推送并写入抓包（一秒后再按 Ctrl-C 强制退出）',
  SHUTDOWN_TIMEOUT: '退出未能在 {ms} 毫秒内完成（磁盘较慢或仍有推送在处理）：立即退出（退出码 1）',
  SHUTDOWN_ERROR: '退出出错：{message}（退出码 1）',
  SHUTDOWN_DUPLICATE: '{ms} 毫秒后再次收到 {signal}：同一请求被传递了两次（npm、shell 和进程组各转发一次）；仍在优雅退出',
  SHUTDOWN_SIGTERM_AGAIN: '再次收到 SIGTERM：已在优雅退出；按 Ctrl-C（SIGINT）可强制退出',
  SHUTDOWN_SECOND_CTRL_C: '第二次 Ctrl-C：立即退出（退出码 1）；进行中的推送得不到应答，微信会重试',
  SHUTDOWN_FATAL: '致命错误：{message}',
  SESSION_NONE: '本次会话：未收到推送',
  SESSION_ONE: '本次会话：收到 {total} 次推送（{parts}）',
  SESSION_MANY: '本次会话：收到 {total} 次推送（{parts}）',
  SESSION_PART: '{n} 次应答 errcode {code}',
}
