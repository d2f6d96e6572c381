import type { preflight as en } from '../en/preflight.js'

/** 预检、安装和命令行的文字（issue 10）：退出码 2 的错误、检查清单、下一步运行什么。 */
export const preflight = {
  LISTEN_EADDRINUSE: '无法监听：{detail}。另一个程序（可能是之前的运行）占用了该端口：请停止它，或在 .env 中把 PORT 设为空闲端口。',
  LISTEN_EACCES: '无法监听：{detail}。1024 以下的端口需要特权：请在 .env 中把 PORT 设为 1024 或以上。',
  LISTEN_EADDRNOTAVAIL: '无法监听：{detail}。HOST 不是本机的地址：请在 .env 中设置 HOST=127.0.0.1（或 0.0.0.0）。',
  INTERNAL_ERROR: '内部错误：{detail}（这是 nontax-debugger 的缺陷；请连同你运行的命令一起报告）',
  USAGE_UNKNOWN_COMMAND: '未知命令 "{name}"（命令：run、serve、check、captures、certs；见 --help）',
  USAGE_BAD_FLAGS: '{command}：{detail}',
  CAPTURE_NOT_FOUND: '在 {dir} 中没有与 "{key}" 匹配的捕获：请给出 ID（或其中任意唯一的一段）、wxnontaxstr、order_id 或 last（见 "captures list"；CAPTURE_DIR 设置捕获的保存位置）',
  CAPTURE_NONE_YET: '{dir} 中还没有捕获，所以没有 "last"（接收端会把每次推送记录在那里；CAPTURE_DIR 设置位置）',
  CAPTURE_AMBIGUOUS: '"{key}" 匹配 {count} 个捕获；请给出更长的 ID，或以下之一：\n{candidates}',
  CAPTURE_NEEDS_ID: '{verb} 需要指定一个捕获：ID（或其中任意唯一的一段）、wxnontaxstr、order_id 或 last（见 "captures list"）',
  PRUNE_DRY_RUN_NONE: '演练：没有可清理的内容：{dir} 中没有在 {cutoff} 之前结束的日文件',
  PRUNE_DRY_RUN_FILE: '演练：将删除 {file}（{records} 条记录）',
  PRUNE_DRY_RUN_TOTAL: '演练：将清理 {files} 个早于 {cutoff} 的日文件中的 {records} 条记录；没有删除任何内容（去掉 --dry-run 再运行）',
  REPLAY_DIFFERS: '重放：应答与预期不同（退出码 1）',
  CERTS_EXIST: '{files} 已存在；未覆盖（可能有服务器正在使用）。运行 "npm run certs -- --force" 替换它们。',
} as const satisfies Partial<Record<keyof typeof en, string>>
