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
