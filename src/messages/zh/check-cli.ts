import type { checkCli as en } from '../en/check-cli.js'

/** `check` 命令自身的参数与密钥错误。 */
export const checkCli: Record<keyof typeof en, string> = {
  CHECK_TARGET_INVALID: 'check：--target 必须是你的处理程序的 http(s) 地址（例如 --target http://127.0.0.1:8080/notify）',
  CHECK_TARGET_GOT: '；收到的是 "{target}"',
  CHECK_TIMEOUT_INVALID: 'check：--timeout-ms 必须是 100-600000 之间的整数（收到的是 "{value}"）',
  CHECK_SECRETS_MISSING: 'check 需要你的处理程序所用的密钥，才能像微信一样签名、加密并读懂应答。\n未设置：{missing}。\n请在 .env 中把它们设为你的处理程序所配置的值（见 .env.example）。',
  CHECK_SECRET_NAME: '{name}（或 --{flag}）',
}
