import type { Lang } from './types.js'

export const LANGS: readonly Lang[] = ['en', 'zh']

/**
 * The language the environment asks for, the POSIX way: the first of LC_ALL, LC_MESSAGES, LANG
 * that is set decides (LC_ALL=C beats LANG=zh_CN.UTF-8); zh when it starts with "zh", else en.
 */
export function langFromEnv (env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(v => v !== undefined && v !== '')
  return locale !== undefined && /^zh/i.test(locale) ? 'zh' : 'en'
}

export interface LangChoice {
  lang: Lang
  /** argv without the --lang flag and its value, for the command's own parser. */
  argv: string[]
  /** Set when --lang named no language we have (the caller reports it as a usage error). */
  invalid?: string
}

/**
 * `--lang zh|en` (or --lang=zh) anywhere before a lone "--" wins over the environment; it is taken out
 * of argv, so every command accepts it without declaring it. Decided once, at the start of the CLI.
 */
export function chooseLang (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LangChoice {
  const rest: string[] = []
  let flag: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') { rest.push(...argv.slice(i)); break }
    if (a === '--lang') { flag = argv[++i] ?? ''; continue }
    if (a.startsWith('--lang=')) { flag = a.slice('--lang='.length); continue }
    rest.push(a)
  }
  if (flag === undefined) return { lang: langFromEnv(env), argv: rest }
  const lang = LANGS.find(l => l === flag.toLowerCase())
  return lang ? { lang, argv: rest } : { lang: langFromEnv(env), argv: rest, invalid: flag }
}
