import type { receiverLog as en } from '../en/receiver-log.js'

/** 运维人员读到的：接收端拒绝或无法记录的请求（日志行、捕获中的 inspection.messageFinding）。线上应答保持简短固定的英文。 */
export const receiverLog: Record<keyof typeof en, string> = {
  REJECT_GET: 'GET 请求没有报文体：微信用 POST 向这个地址推送',
  REJECT_CLIENT: '请求无法读取（{code}：{detail}）',
  REJECT_BODY_TOO_LARGE: '报文体超过 BODY_LIMIT_BYTES 允许的大小（{code}）；如果真实推送就有这么大，请调大 BODY_LIMIT_BYTES',
  REJECT_INTERNAL: '接收端错误：{detail}',
  RECORD_FAILED: '无法记录这次推送（{detail}）；已应答 299 让微信重发——请检查 CAPTURE_DIR 可写且磁盘有空间',
  CLIENT_CLOSED: '来自 {address} 的连接以 {status} 关闭：{why}；它没有到达接收端',
  CLIENT_WHY_TIMEOUT: '请求没有按时到达（请求头须在 HEADERS_TIMEOUT_MS={headersMs} 毫秒内，整个请求须在 REQUEST_TIMEOUT_MS={requestMs} 毫秒内）：客户端卡住或非常慢',
  CLIENT_WHY_HEADERS: '请求头超过 Node 的 16 KiB 上限（--max-http-header-size）',
  CLIENT_WHY_BAD_HTTP: '这些字节不是有效的 HTTP/1.1（{code}：{detail}）',
  NOT_FOUND_PATH: '{method} {path} → 404：这不是回调路径 {notifyPath}，未记录；如果微信配置的就是这个地址，请在后台改正，或设置 NOTIFY_PATH={path}',
  NOT_FOUND_METHOD: '{method} {path} → 404：微信用 POST 向 {notifyPath} 推送，未记录',
  OVERLOAD_LOG: '{method} {path} → 503：接收端过载（{cause}）；未处理即应答',
  OVERLOAD_LOG_NOTIFY: '{method} {path} → 503 errcode 299：接收端过载（{cause}）；未处理即应答，微信会重发',
  PRESSURE_LOOP: '事件循环延迟 {lag} 毫秒 > 上限 {limit} 毫秒',
  PRESSURE_LOOP_BLOCKED: '事件循环在整个采样周期内被阻塞 > 上限 {limit} 毫秒',
  PRESSURE_HEAP: '堆内存已用 {used} MB > 上限 {limit} MB',
  PRESSURE_OTHER: '{type} {value}',
}
