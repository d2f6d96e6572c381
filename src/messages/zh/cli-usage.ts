import type { cliUsage as en } from '../en/cli-usage.js'

/** check 与 captures 的用法说明（它们有自己的选项和子命令）：每条一整段。 */
export const cliUsage: Record<keyof typeof en, string> = {
  USAGE_CHECK: `用法：npm run check -- --target URL [--json] [--timeout-ms N] [--only CLASS,…] [--api API] [--set F=V …] [--set-file F] [--appid ID --token T --aes-key K]

扮演微信后台：向你的通知处理程序发送版本 1 的两次推送和一组敌意推送，
并按 docs/PROTOCOL.md §4 和 §8 评判每个应答。

  --target URL      你的处理程序，例如 http://127.0.0.1:8080/notify（会附加签名查询参数）
  --json            打印一个 JSON 报告（供 CI 使用），代替表格
  --timeout-ms N    每个应答的等待时间（默认 {timeoutMs}）
{@USAGE_CHECK_SELECT}
  --lang zh|en      输出语言（默认按 LC_ALL、LC_MESSAGES、LANG）

密钥：你的处理程序所配置的那些，来自环境变量（.env）或选项：
  WECHAT_APPID             --appid     公众号 AppID（也是密文中的 appid）
  NONTAX_TOKEN             --token     签名用的 Token
  NONTAX_ENCODING_AES_KEY  --aes-key   43 个字符的 EncodingAESKey
建议用环境变量：选项会留在 shell 历史中。密钥从不打印。

退出码：0 没有 FAIL，1 至少一个 FAIL，2 用法或配置错误，或 URL 处无应答。`,
  USAGE_CHECK_SELECT: `  --only A,B        只运行这些类别（名称同表格；未知名称会列出全部）
  --api API         mocknotification（默认）：支付结果通知；mockqueryfee：评判
                    查询缴费处理程序（应答账单；232 缴款通知书已缴费，236 不允许在该银行缴费）
  --set F=V         报文字段用你自己的值，例如 --set order_id=NT2024001 --set fee=1250
                    --set status=5（退款）；fee 以分为单位，status 3/4 已缴费、5 已退款。可重复。
                    设置 order_id 后每个类别都用这笔订单：你的处理程序必须幂等
  --set-file F      报文字段的 JSON 对象（例如 items）；--set 的值优先`,
  USAGE_CAPTURES: `用法：captures <子命令> [选项]     （npm run captures -- <子命令>，或 nontax-debugger captures <子命令>）

  list [--since 2h|2024-05-01（本地时间）] [--errcode 300] [--order ID] [--limit N] [--json]
                  （最新的在前；不加 --since 或 --limit 时显示最新的 {limit} 条）
  show ID [--json]
  verify ID [--token T] [--aes-key K] [--appid A] [--demo-keys]
  replay ID --to URL [--tamper signature|body|timestamp|appid] [--token T] [--aes-key K] [--appid A]
                  （应答与记录的不同，或与篡改预期的不同时，退出码 1）
  replay ID --to URL --set order_id=NT1 [--set fee=1 ...]   （编辑明文后重新加密、重新签名）
  export ID --curl | --har [--to URL]
  discover ID [--json] [--key K]…   这次推送按哪种配置（docs/PROTOCOL.md §7）能验签和解密
  prune --older-than 7d [--dry-run]

捕获从 CAPTURE_DIR（默认 ./captures）读取。ID 可以是完整 ID、其中任意唯一的一段、
wxnontaxstr、order_id（show 和 verify 会作用于它的所有捕获），或 last。
密钥默认取 NONTAX_TOKEN、NONTAX_ENCODING_AES_KEY 和 WECHAT_APPID；从不打印。
接管道时用打包的命令：npx nontax-debugger captures export last --curl | bash
退出码：0 完成，1 重放的应答不同，2 无法运行（用法、配置、没有该捕获）。`,
  USAGE_DISCOVER: `用法：npm run captures -- discover ID [--json] [--key K]… [--token T] [--aes-key K] [--appid A] [--demo-keys]

在配置空间（docs/PROTOCOL.md §7）中搜索这次记录的推送能验签和解密的方式，
使用 NONTAX_TOKEN、NONTAX_ENCODING_AES_KEY、WECHAT_APPID 和每个 --key。打印最佳匹配
及可直接粘贴的 NONTAX_PROFILE 行；没有匹配时，打印这次推送的结构。
需要 NONTAX_TOKEN 和 NONTAX_ENCODING_AES_KEY（或 --token 和 --aes-key）：用随机密钥什么也找不到。
--demo-keys 可在没有它们时照样运行；这时只有结构分析有意义。
退出码：0 有配置能解密并验签，1 没有，2 用法或配置错误。`,
}
