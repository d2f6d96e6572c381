import { describe, expect, it } from 'vitest'
import { CONFIG_VARS, loadConfig } from '../../src/config.js'
import { configPreflight } from '../../src/preflight/checklist.js'
import { createHash } from 'node:crypto'
import { fingerprint, keyFingerprints, keysThatDiffer } from '../../src/preflight/keys.js'
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

  it('flags a lower-case spelling of a known name (names are case-sensitive, so it would be ignored) with the name it means', () => {
    expect(unknownVars({ nontax_token: 'x', Public_Url: 'y' }, CONFIG_VARS, new Set(['nontax_token', 'Public_Url']))).toEqual([
      { name: 'Public_Url', source: '.env', suggestion: 'PUBLIC_URL' },
      { name: 'nontax_token', source: '.env', suggestion: 'NONTAX_TOKEN' },
    ])
    // The shell's own lower-case names stay alone.
    expect(unknownVars({ http_proxy: 'x', no_proxy: 'y', home: 'z' }, CONFIG_VARS, new Set())).toEqual([])
  })

  it('a misspelt name and a malformed value are named in one run (the name no longer hides the value)', () => {
    let err: unknown
    try { configPreflight({ env: { NONTAX_AES_KEY: 'x', PORT: 'abc' }, fromFile: new Set(['NONTAX_AES_KEY', 'PORT']), command: 'run', demoKeys: false }) } catch (e) { err = e }
    expect(err).toMatchObject({ code: 'PREFLIGHT_UNKNOWN_VAR', exitCode: 2 })
    expect((err as { problems: string[] }).problems).toEqual([
      'NONTAX_AES_KEY (in .env) is not a variable nontax-debugger reads: did you mean NONTAX_ENCODING_AES_KEY?',
      'PORT must be an integer 0-65535 (e.g. PORT=3000)',
    ])
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
    expect(demo.lines.join('\n')).toContain('demo keys generated for this run (WECHAT_APPID, NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY)')
    expect(configPreflight({ env: {}, fromFile: new Set(), command: 'run', demoKeys: false }).config.mode).toBe('embedded')
  })

  it('fingerprints are 8 hex of scrypt (not a plain hash a short Token could be read back from), and a change of key is named', () => {
    const abc = fingerprint('abc')
    expect(abc).toMatch(/^[0-9a-f]{8}$/)
    expect(abc).not.toBe('ba7816bf') // SHA-256("abc"): one table lookup away from the Token
    const c = loadConfig({})
    const now = keyFingerprints(c.secrets)
    expect(now.scheme).toBe('scrypt')
    expect(keysThatDiffer(now, c.secrets)).toEqual([])
    expect(keysThatDiffer({ ...now, token: '00000000' }, c.secrets)).toEqual(['token'])
    expect(keysThatDiffer(undefined, c.secrets)).toEqual([])
  })

  it('captures recorded before scrypt (SHA-256 prefixes, no scheme) still compare against the keys in use', () => {
    const secrets = { token: 'abc', encodingAESKey: 'k'.repeat(43) }
    const legacy = { token: 'ba7816bf', encodingAESKey: createHash('sha256').update('k'.repeat(43)).digest('hex').slice(0, 8) }
    expect(keysThatDiffer(legacy, secrets)).toEqual([])
    expect(keysThatDiffer(legacy, { ...secrets, token: 'abd' })).toEqual(['token'])
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
