import type { language as en } from '../en/language.js'

/** 语言选择（src/messages/lang.ts）。 */
export const language = {
  LANG_UNKNOWN: '--lang 只能是 zh 或 en（收到 "{got}"）；不加它时，LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头即选择中文',
  SOURCE_ENV_FILE: '来自 .env',
  SOURCE_ENVIRONMENT: '来自环境变量',
  SOURCE_GENERATED: '为本次运行生成',
  SOURCE_FLAG: '来自命令行参数',
} as const satisfies Partial<Record<keyof typeof en, string>>
