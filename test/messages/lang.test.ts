import { describe, expect, it } from 'vitest'
import { chooseLang, langFromEnv } from '../../src/messages/lang.js'

describe('language choice', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; zh_* is Chinese, anything else English', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh')
    expect(langFromEnv({ LANG: 'zh_TW.UTF-8' })).toBe('zh')
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(langFromEnv({})).toBe('en')
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en')
    expect(langFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh')
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' })).toBe('zh')
  })

  it('lets --lang win and takes it out of argv, wherever it stands', () => {
    expect(chooseLang(['check', '--lang', 'en', '--to', 'x'], { LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'en', argv: ['check', '--to', 'x'] })
    expect(chooseLang(['--lang=zh', 'run', '--once'], { LANG: 'C' })).toEqual({ lang: 'zh', argv: ['run', '--once'] })
    expect(chooseLang(['captures', 'list'], { LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'zh', argv: ['captures', 'list'] })
  })

  it('leaves what follows "--" alone and reports a language it does not have', () => {
    expect(chooseLang(['run', '--', '--lang', 'zh'], {})).toEqual({ lang: 'en', argv: ['run', '--', '--lang', 'zh'] })
    expect(chooseLang(['run', '--lang', 'fr'], {})).toEqual({ lang: 'en', argv: ['run'], invalid: 'fr' })
  })
})

describe('the CLI picks the language once, at the start', () => {
  it('answers an unknown command in Chinese under LANG=zh_CN.UTF-8, in English with --lang en', async () => {
    const { runMain } = await import('../helpers/main-io.js')
    const zh = await runMain(['nosuch'], { LANG: 'zh_CN.UTF-8' })
    expect(zh.code).toBe(2)
    expect(zh.err).toContain('未知命令 "nosuch"')
    const en = await runMain(['nosuch', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })
    expect(en.err).toContain('unknown command "nosuch"')
    expect(en.err).not.toContain('未知命令')
  })

  it('refuses a language it does not have, exit 2', async () => {
    const { runMain } = await import('../helpers/main-io.js')
    const r = await runMain(['run', '--lang', 'fr'], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain('--lang must be zh or en (got "fr")')
  })
})

describe('help in the chosen language', () => {
  it('prints the top usage and a command usage in Chinese under a Chinese locale, in English with --lang en', async () => {
    const { runMain } = await import('../helpers/main-io.js')
    const top = await runMain(['--help'], { LANG: 'zh_CN.UTF-8' })
    expect(top.out).toMatch(/^用法：nontax-debugger <命令> \[选项\]/)
    const run = await runMain(['run', '--help'], { LC_ALL: 'zh_CN.UTF-8' })
    expect(run.out).toContain('--once       给出结论后退出')
    const en = await runMain(['serve', '--help', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })
    expect(en.out).toMatch(/^usage: npm run serve/)
  })
})
