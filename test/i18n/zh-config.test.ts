import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../src/errors.js'
import { loadConfig } from '../../src/config.js'
import { runCli, type CliResult } from '../helpers/cli-process.js'

/** The real CLI in a child process, from an empty folder, with no .env. */
function cli (args: string[], env: Record<string, string>): Promise<CliResult> {
  return runCli(args, { ENV_FILE: 'none', INSPECTOR_PORT: 'auto', ...env })
}

describe('configuration errors in Chinese', () => {
  it('PORT=abc under LANG=zh_CN.UTF-8: Chinese problem, header and pointer, exit 2', async () => {
    const r = await cli(['run', '--once'], { LANG: 'zh_CN.UTF-8', PORT: 'abc' })
    expect(r.code, r.stderr).toBe(2)
    const all = r.stdout + r.stderr
    expect(all).toContain('配置无效：')
    expect(all).toContain('PORT 必须是 0-65535 之间的整数（例如 PORT=3000）')
    expect(all).toContain('请参阅 .env.example')
    expect(all).not.toContain('must be an integer')
    expect(all).not.toContain('configuration is not valid')
  })

  it('--lang en forces English under a Chinese locale', async () => {
    const r = await cli(['run', '--once', '--lang', 'en'], { LANG: 'zh_CN.UTF-8', PORT: 'abc' })
    expect(r.code, r.stderr).toBe(2)
    expect(r.stdout + r.stderr).toContain('PORT must be an integer 0-65535 (e.g. PORT=3000)')
  })

  it('each check renders from a code in both languages (same code, different text)', () => {
    const env = { WECHAT_APPSECRET: 'abcdef0123456789abcdef0123456789', TLS_CERT_FILE: 'c.pem', LOG_LEVEL: 'loud' }
    const errs = (['en', 'zh'] as const).map(lang => { try { loadConfig(env, { lang }); return undefined } catch (e) { return e as ConfigError } })
    expect(errs.map(e => e?.code)).toEqual(['CONFIG_INVALID', 'CONFIG_INVALID'])
    // The half TLS pair is named in the same run as the malformed LOG_LEVEL (every problem at once).
    expect(errs[0]?.problems).toEqual(['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent', 'TLS_CERT_FILE and TLS_KEY_FILE go together: set both (npm run certs writes certs/cert.pem and certs/key.pem) or neither'])
    expect(errs[1]?.problems).toEqual(['LOG_LEVEL 必须是 fatal、error、warn、info、debug、trace、silent 之一', 'TLS_CERT_FILE 和 TLS_KEY_FILE 必须同时设置（npm run certs 会生成 certs/cert.pem 和 certs/key.pem）或都不设置'])
    const semantic = (['en', 'zh'] as const).map(lang => { try { loadConfig({ ...env, LOG_LEVEL: 'info' }, { lang }); return [] } catch (e) { return (e as ConfigError).problems } })
    expect(semantic[0]).toContain('TLS_CERT_FILE and TLS_KEY_FILE go together: set both (npm run certs writes certs/cert.pem and certs/key.pem) or neither')
    expect(semantic[1]).toContain('连接真实微信时必须设置 NONTAX_TOKEN：即通知 URL 配置的 Token')
    expect((semantic[1] ?? []).join('\n')).not.toMatch(/required against|go together/)
  })
})

describe('shutdown lines and the session summary in Chinese', () => {
  it('render from codes: same tally, en and zh text', async () => {
    const { EventEmitter } = await import('node:events')
    const { createSessionTally } = await import('../../src/cli/shutdown.js')
    const events = new EventEmitter()
    const tally = createSessionTally(events)
    expect(tally.summary('zh')).toBe('本次会话：未收到推送')
    events.emit('delivery', { answer: { body: { errcode: 0 } } })
    events.emit('delivery', { answer: { body: { errcode: 300 } } })
    expect(tally.summary()).toBe('session: 2 deliveries received (1 answered errcode 0, 1 answered errcode 300)')
    expect(tally.summary('zh')).toBe('本次会话：收到 2 次推送（1 次应答 errcode 0，1 次应答 errcode 300）')
  })
})
