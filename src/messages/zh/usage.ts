import type { usage as en } from '../en/usage.js'

/** main() 打印的用法说明（--help 以及用法错误之后）：每个命令一整条。 */
export const usage = {
  USAGE_RUN: `用法：npm start -- [--once] [--json] [--emulator] [--api mockqueryfee] [--emulate-profile P]
      npx nontax-debugger run [同样的选项]      （输出要接管道时用这种形式）
  --once       给出结论后退出：两次推送都符合预期时为 0，否则为 1，无法运行时为 2
  --json       在 stdout 上以一个 JSON 对象打印结论，在 stderr 上以 JSON 行打印日志（隐含 --once）
  --emulator   即使配置了凭据，也使用内置微信模拟器
  --api NAME   mocknotification（默认：支付结果通知）或 mockqueryfee（查询缴费请求）
  --emulate-profile P   内置模拟器按配置 P 发送（名称、JSON 或 @file；也可用
               NONTAX_EMULATE_PROFILE），接收端仍按 NONTAX_PROFILE（docs/PROTOCOL.md §5）
  --forward-to URL   把每次推送转发给你的处理程序并评判它的应答：结论针对它
               （URL 上没有程序应答时退出码 2；.env 中需要你自己的密钥）
  --set F=V    模拟器推送中你自己的报文字段，例如 --set order_id=NT2024001
               --set fee=1250（分）--set status=5（退款）；可重复。--set-file F：一个 JSON 对象
  --retries N  像微信一样重发未应答 0 的推送（默认 0）；--retry-delays 1s,5s,…
               设置等待时间（默认：微信支付公布的间隔，15s、15s、30s、3m、…）
  --lang zh|en 输出语言（默认按 LC_ALL、LC_MESSAGES、LANG）`,
  USAGE_SERVE: `用法：npm run serve [-- --forward-to URL] [--demo-keys]
  只在 NOTIFY_PATH 运行接收端（不触发），供指向它的预发布环境配置使用
  --forward-to URL   把每次推送（原始字节、查询参数、content-type）交给你的处理程序，转回它的应答，
                     并按 docs/PROTOCOL.md §4 评判；处理程序没有运行或太慢时，发送方得到 299
  --demo-keys        以生成的 NONTAX_TOKEN / NONTAX_ENCODING_AES_KEY 运行（真实推送无法验签）
  --lang zh|en       输出语言（默认按 LC_ALL、LC_MESSAGES、LANG）
  需要 NONTAX_TOKEN 和 NONTAX_ENCODING_AES_KEY（在 .env 或环境变量中），除非加 --demo-keys。`,
  USAGE_CERTS: `用法：npm run certs [-- --force]
  为回环地址上的 HTTPS 写入自签名的 certs/cert.pem 和 certs/key.pem（TLS_CERT_FILE、TLS_KEY_FILE）
  --force   覆盖已有的一对`,
  USAGE_TOP: `用法：nontax-debugger <命令> [选项]      （在克隆目录中用 npx nontax-debugger …，或 npm start / npm run …）
命令：
  run        触发微信的模拟通知，接收两次推送，打印结论（npm start）
  serve      只接收推送，可选择转发给你的处理程序（npm run serve）
  check      用微信的推送和一组敌意推送评判你自己的处理程序（npm run check）
  captures   列出、显示、重新验签、重放、导出和清理记录的推送（npm run captures）
  certs      为回环地址上的 HTTPS 写入自签名证书对（npm run certs）
<命令> --help 显示各命令的选项；任何命令都接受 --lang zh|en。
退出码：0 通过，1 结论或 check 不通过，2 无法运行（配置、安装、微信拒绝）。`,
} as const satisfies Partial<Record<keyof typeof en, string>>
