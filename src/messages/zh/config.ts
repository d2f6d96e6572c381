import type { config as en } from '../en/config.js'

/** 配置错误（.env / 环境变量）：每个问题一行。 */
export const config: Record<keyof typeof en, string> = {
  CONFIG_INVALID_HEAD: '配置无效：',
  CONFIG_INVALID_FOOT: '请参阅 .env.example 和 README 的“配置”一节。',
  CONFIG_INT_RANGE: '{name} 必须是 {min}-{max} 之间的整数（例如 {name}={example}）',
  CONFIG_APPID_FORMAT: 'WECHAT_APPID 应为 wx 加 16 位十六进制字符（例如 WECHAT_APPID=wx1234567890abcdef）',
  CONFIG_APPSECRET_FORMAT: 'WECHAT_APPSECRET 必须是公众号后台的 32 位 AppSecret（字母和数字）',
  CONFIG_ACCESS_TOKEN_SHORT: 'WECHAT_ACCESS_TOKEN 太短，不是有效的 access_token',
  CONFIG_API_BASE_URL: 'WECHAT_API_BASE 必须是 URL（例如 WECHAT_API_BASE=https://api.weixin.qq.com）',
  CONFIG_TOKEN_FORMAT: 'NONTAX_TOKEN 必须是 3-32 位字母或数字，与公众号后台的要求一致（例如 NONTAX_TOKEN=MyToken123）',
  CONFIG_KEY_TOO_LONG: 'NONTAX_ENCODING_AES_KEY 比任何协议配置读取的密钥都长',
  CONFIG_PUBLIC_URL_NOT_URL: 'PUBLIC_URL 必须是隧道的完整 https 地址（例如 PUBLIC_URL=https://abc123.ngrok-free.app）',
  CONFIG_NOTIFY_PATH_FORMAT: 'NOTIFY_PATH 必须以 "/" 开头（例如 NOTIFY_PATH=/nontax/notify）',
  CONFIG_LOG_LEVEL: 'LOG_LEVEL 必须是 fatal、error、warn、info、debug、trace、silent 之一',
  CONFIG_LOG_FORMAT: 'LOG_FORMAT 必须是 "pretty" 或 "json"',
  CONFIG_MOCK_API: 'MOCK_API 必须是 "mocknotification"（支付结果通知）或 "mockqueryfee"（查询缴费请求）',
  CONFIG_INSPECTOR_PORT_FORMAT: 'INSPECTOR_PORT 必须是端口 1-65535、0（关闭）或 auto（任一空闲端口），例如 INSPECTOR_PORT=4041',
  CONFIG_INSPECTOR_PORT_MAX: 'INSPECTOR_PORT 不能大于 65535',
  CONFIG_ADMIN_TOKEN_SHORT: 'ADMIN_TOKEN 至少需要 16 个字符',
  CONFIG_NGROK_API_URL: 'NGROK_API_URL 必须是 ngrok 代理 API 的 URL（默认 http://127.0.0.1:4040）',
  CONFIG_APPID_REQUIRED: '设置了 WECHAT_APPSECRET 或 WECHAT_ACCESS_TOKEN 时必须设置 WECHAT_APPID（例如 WECHAT_APPID=wx1234567890abcdef）',
  CONFIG_TOKEN_REQUIRED: '连接真实微信时必须设置 NONTAX_TOKEN：即通知 URL 配置的 Token',
  CONFIG_KEY_REQUIRED: '连接真实微信时必须设置 NONTAX_ENCODING_AES_KEY：即公众号后台的 43 位 EncodingAESKey',
  CONFIG_TLS_PAIR: 'TLS_CERT_FILE 和 TLS_KEY_FILE 必须同时设置（npm run certs 会生成 certs/cert.pem 和 certs/key.pem）或都不设置',
}
