import { describe, expect, it } from 'vitest'
import { listOf, render } from '../../src/messages/render.js'
import { runCli } from '../helpers/cli-process.js'
import { englishRuns } from './english-runs.js'

const BASE = { ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: 'auto', LOG_FORMAT: 'pretty' }
const CREDENTIALS = { WECHAT_APPID: 'wx0123456789abcdef', WECHAT_APPSECRET: 'abcdef0123456789abcdef' }

describe('run: what the first line and a bad flag say, in both languages', () => {
  it('--emulator with WeChat credentials configured: the emulator was asked for, the credentials are ignored (RUN_EMULATOR_FORCED)', async () => {
    const keys = { code: 'RUN_EMULATOR_KEYS_GENERATED', params: { names: listOf(['NONTAX_TOKEN', 'NONTAX_ENCODING_AES_KEY'], 'and') } }
    for (const [LANG, lang] of [['zh_CN.UTF-8', 'zh'], ['en_US.UTF-8', 'en']] as const) {
      const r = await runCli(['run', '--once', '--emulator'], { ...BASE, ...CREDENTIALS, LANG })
      expect(r.code, r.stderr).toBe(0)
      const first = r.stdout.split('\n')[0]
      expect(first).toBe(render({ code: 'RUN_EMULATOR_FORCED', params: { keys } }, lang))
      expect(first).not.toMatch(/no WeChat credentials|没有配置微信凭据/)
      if (lang === 'zh') {
        expect(first).toMatch(/^按 --emulator 的要求，正在使用内置微信模拟器运行：已配置的微信凭据在本次运行中不使用/)
        expect(englishRuns(r.stdout + r.stderr)).toEqual([])
      } else {
        expect(first).toMatch(/^Running against the BUILT-IN WeChat EMULATOR, as --emulator asks: the WeChat credentials that are configured are ignored/)
      }
    }
  })

  it('--json with a bad flag: stdout is the one JSON object, the same in both languages (exit 2)', async () => {
    const [zh, en] = await Promise.all(['zh_CN.UTF-8', 'en_US.UTF-8'].map(LANG => runCli(['run', '--json', '--bogus'], { ...BASE, LANG })))
    for (const r of [zh!, en!]) {
      expect(r.code).toBe(2)
      expect(JSON.parse(r.stdout)).toMatchObject({ pass: false, error: { code: 'FLAG_UNKNOWN', exitCode: 2 } })
    }
    expect(zh!.stdout).toBe(en!.stdout)
  })
})
