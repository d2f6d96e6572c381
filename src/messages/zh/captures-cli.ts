import type { capturesCli as en } from '../en/captures-cli.js'

/** captures 命令自身的问题与提示（src/cli/captures*.ts）。 */
export const capturesCli: Record<keyof typeof en, string> = {
  CAPTURES_UNKNOWN_VERB: '未知的子命令 "{verb}"（子命令：list、show、verify、replay、export、discover、prune）',
  CAPTURES_DIR_MISSING_NOTE: '提示：CAPTURE_DIR "{dir}" 还不存在（接收端收到第一次推送时会创建它）',
  CAPTURES_REPLAY_NEEDS_TO: 'replay 需要 --to URL，即要发往的接收端（例如 --to http://127.0.0.1:3000）',
  CAPTURES_TAMPER_INVALID: '--tamper 只能是 {allowed} 之一（收到 "{got}"）',
  CAPTURES_DURATION_NEEDED: '{verb} 需要 {flag}（例如 {flag} 7d）',
  CAPTURES_DURATION_INVALID: '{flag} 必须是时长，如 2h、7d 或 30m（收到 "{got}"）',
  CAPTURES_SINCE_INVALID: '--since 必须是时长（2h、1d）或本地时间的日期（2024-05-01、"2024-05-01 14:00"；UTC 写作 2024-05-01T14:00Z）；收到 "{got}"',
  CAPTURES_WHOLE_NUMBER: '{flag} 必须是非负整数（收到 "{got}"）',
  CAPTURES_EXPORT_ONE_FORMAT: 'export 需要 --curl 或 --har 二选一（例如 captures export ID --curl）',
  DISCOVER_NEEDS_ID: 'discover 需要一个捕获 ID（见 "captures list"）',
  SECRET_FLAG_AES_KEY: '--aes-key 必须是 43 个字符的 EncodingAESKey（A-Z、a-z、0-9）；收到 {length} 个字符',
  SECRET_FLAG_TOKEN_EMPTY: '--token 为空：请传入通知 URL 所配置的 Token',
  LIST_NONE_YET: '{dir} 中还没有捕获',
  LIST_NONE_MATCH: '没有符合条件的捕获（{dir} 中共 {count} 条）',
  LIST_LIMITED: '只显示最新的 {limit} 条（共 {count} 条）；用 --limit N 或 --since 2d 查看其他的',
  PRUNE_NOTHING: '没有可清理的：{dir} 中没有在 {cutoff} 之前结束的日文件',
  PRUNE_REMOVED_FILE: '已删除 {file}（{records} 条记录）',
  PRUNE_DONE: '已清理 {files} 个早于 {cutoff} 的日文件中的 {records} 条记录',
  REPLAY_UNREACHABLE: '无法发送到 {origin}：{code} {detail}；那里的接收端在运行吗？--to 的地址对吗？',
}
