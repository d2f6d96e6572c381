import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.js'

function problems (env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

describe('loadConfig', () => {
  it('with no credentials runs embedded with generated demo secrets and documented defaults', () => {
    const c = loadConfig({})
    expect(c.mode).toBe('embedded')
    expect(c.secrets.encodingAESKey).toMatch(/^[A-Za-z0-9]{43}$/)
    expect(c.secrets.appid).toMatch(/^wx[0-9a-f]{16}$/)
    expect(c).toMatchObject({ notifyPath: '/nontax/notify', host: '127.0.0.1', port: 3000, mockVersion: 1, waitTimeoutMs: 30000, logFormat: 'json' })
    expect(loadConfig({}).secrets.token).not.toBe(c.secrets.token)
  })

  it('switches to real WeChat with credentials and requires the callback secrets, naming each variable', () => {
    expect(problems({ WECHAT_APPSECRET: 'a'.repeat(32) })).toEqual([
      expect.stringMatching(/^WECHAT_APPID is required/),
      expect.stringMatching(/^NONTAX_TOKEN is required/),
      expect.stringMatching(/^NONTAX_ENCODING_AES_KEY is required/),
    ])
  })

  it('names the checks across variables in the same run as a malformed value (not one run later)', () => {
    const p = problems({ PORT: 'abc', PUBLIC_URL: 'https://abc.ngrok-free.app/nontax/notify', TLS_CERT_FILE: 'certs/cert.pem' })
    expect(p[0]).toBe('PORT must be an integer 0-65535 (e.g. PORT=3000)')
    expect(p.join('\n')).toMatch(/PUBLIC_URL must be an origin with no path/)
    expect(p.join('\n')).toMatch(/TLS_CERT_FILE and TLS_KEY_FILE go together/)
  })

  it('names a malformed INSPECTOR_PORT once, with the form it takes, and an out-of-range one by its range', () => {
    expect(problems({ INSPECTOR_PORT: 'x' })).toEqual(['INSPECTOR_PORT must be a port 1-65535, 0 (off) or auto (any free port), e.g. INSPECTOR_PORT=4041'])
    expect(problems({ INSPECTOR_PORT: '99999' })).toEqual(['INSPECTOR_PORT must be at most 65535'])
  })

  it('lists every malformed value at once, with an example, never echoing a secret', () => {
    const p = problems({ PORT: 'abc', NONTAX_ENCODING_AES_KEY: 'short-secret-value', LOG_FORMAT: 'xml', PUBLIC_URL: 'nope' })
    expect(p).toContain('PORT must be an integer 0-65535 (e.g. PORT=3000)')
    expect(p.join('\n')).toMatch(/NONTAX_ENCODING_AES_KEY must be exactly 43 characters/)
    expect(p.join('\n')).toMatch(/LOG_FORMAT must be "pretty" or "json"/)
    expect(p.join('\n')).toMatch(/PUBLIC_URL must be an absolute https URL/)
    expect(p.join('\n')).not.toContain('short-secret-value')
  })

  it('treats empty values as unset, as a copied .env.example has them', () => {
    expect(loadConfig({ WECHAT_APPSECRET: '', PORT: '', LOG_FORMAT: '' }).mode).toBe('embedded')
  })

  it('requires TLS files in pairs', () => {
    expect(problems({ TLS_CERT_FILE: 'certs/cert.pem' })).toEqual([expect.stringMatching(/TLS_CERT_FILE and TLS_KEY_FILE go together/)])
  })
})
