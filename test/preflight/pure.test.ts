import { describe, expect, it } from 'vitest'
import { CONFIG_VARS, loadConfig } from '../../src/config.js'
import { configPreflight } from '../../src/preflight/checklist.js'
import { fingerprint, keysThatDiffer } from '../../src/preflight/keys.js'
import { isProbeAnswer, newProbeNonce, ownProbeNonce, PROBE_HEADER, probeAnswer, probeHeaderValue } from '../../src/preflight/probe.js'
import { levenshtein, unknownVars } from '../../src/preflight/vars.js'

describe('unknown variables', () => {
  it.each([
    ['NONTAX_AES_KEY', 'NONTAX_ENCODING_AES_KEY'],
    ['WECHAT_SECRET', 'WECHAT_APPSECRET'],
    ['PUBLIC_URI', 'PUBLIC_URL'],
    ['WAIT_TIMEOUT', 'WAIT_TIMEOUT_MS'],
  ])('%s in .env suggests %s', (name, suggestion) => {
    expect(unknownVars({ [name]: 'x' }, CONFIG_VARS, new Set([name]))).toEqual([{ name, source: '.env', suggestion }])
  })

  it('leaves the environment\'s unrelated names alone, but not an unknown WECHAT_ or NONTAX_ name', () => {
    const env = { PATH: '/bin', HOME: '/root', LOG_DIR: '/var/log', MAX_HEAP: '1', WECHAT_FOO: '1', PUBLIC_URI: 'x' }
    expect(unknownVars(env, CONFIG_VARS, new Set()).map(u => u.name)).toEqual(['PUBLIC_URI', 'WECHAT_FOO'])
  })

  it('flags an unknown name with a shared prefix when it is in .env', () => {
    expect(unknownVars({ LOG_DIR: '/x' }, CONFIG_VARS, new Set(['LOG_DIR'])).map(u => u.name)).toEqual(['LOG_DIR'])
  })

  it('edit distance', () => {
    expect(levenshtein('PUBLIC_URI', 'PUBLIC_URL')).toBe(1)
    expect(levenshtein('', 'abc')).toBe(3)
    expect(levenshtein('kitten', 'sitting')).toBe(3)
  })
})

describe('secrets and fingerprints', () => {
  it('serve needs real secrets unless --demo-keys; run does not', () => {
    expect(() => configPreflight({ env: {}, fromFile: new Set(), command: 'serve', demoKeys: false })).toThrow(/serve needs the secrets .* NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY are not set/)
    const demo = configPreflight({ env: {}, fromFile: new Set(), command: 'serve', demoKeys: true })
    expect(demo.lines.join('\n')).toContain('demo keys generated for this run (WECHAT_APPID, NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY)')
    expect(configPreflight({ env: {}, fromFile: new Set(), command: 'run', demoKeys: false }).config.mode).toBe('embedded')
  })

  it('fingerprints are the first 8 hex of SHA-256, and a change of key is named', () => {
    expect(fingerprint('abc')).toBe('ba7816bf')
    const c = loadConfig({})
    const now = { token: fingerprint(c.secrets.token), encodingAESKey: fingerprint(c.secrets.encodingAESKey) }
    expect(keysThatDiffer(now, now)).toEqual([])
    expect(keysThatDiffer({ ...now, token: '00000000' }, now)).toEqual(['token'])
    expect(keysThatDiffer(undefined, now)).toEqual([])
  })
})

describe('the tunnel probe', () => {
  it('is recognised only when signed with the receiver\'s Token, and its answer proves the same Token', () => {
    const nonce = newProbeNonce()
    const headers = { [PROBE_HEADER]: probeHeaderValue('TokenA', nonce) }
    expect(ownProbeNonce(headers, 'TokenA')).toBe(nonce)
    expect(ownProbeNonce(headers, 'TokenB')).toBeUndefined()
    expect(ownProbeNonce({ [PROBE_HEADER]: 'garbage' }, 'TokenA')).toBeUndefined()
    expect(ownProbeNonce({}, 'TokenA')).toBeUndefined()
    const answer = JSON.stringify(probeAnswer('TokenA', nonce))
    expect(isProbeAnswer(answer, 'TokenA', nonce)).toBe(true)
    expect(isProbeAnswer(answer, 'TokenB', nonce)).toBe(false)
    expect(isProbeAnswer('{"errcode":210}', 'TokenA', nonce)).toBe(false)
    expect(isProbeAnswer('<html>', 'TokenA', nonce)).toBe(false)
  })
})
