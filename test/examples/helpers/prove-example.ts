import { describe, expect, it } from 'vitest'
import { testSecrets } from '../../check/helpers/secrets.js'
import type { Secrets } from '../../../src/protocol/profile.js'
import { cleanEnv, describeResults, runCheckCli, startExample, START_TIMEOUT_MS, tempDir, type Toolchain } from './example-process.js'

/**
 * The classes a correct handler of this profile is warned about: both are docs/PROTOCOL.md §8 latitude the
 * examples take on purpose (they accept a day-old timestamp and a reused wxnontaxstr, as WeChat
 * documents no window for either). Any other WARN is news and fails the test.
 */
export const EXPECTED_WARN = ['stale-timestamp', 'replayed-nonce']

export interface ExampleSpec {
  language: string
  toolchain: Toolchain
  /** How to start it; `dir` is the example's folder, `env` already holds the secrets and PORT=0. */
  start: (env: NodeJS.ProcessEnv) => { command: string; args: string[]; cwd: string; ready: RegExp; path?: string }
}

export async function startWith (spec: ExampleSpec, secrets: Secrets) {
  const env = cleanEnv(secrets, { PORT: '0', HOST: '127.0.0.1', NONTAX_APPLIED_DIR: tempDir() })
  return startExample({ ...spec.start(env), env })
}

/** Start the example as a real process and grade it with the real `check` CLI: 0 FAIL, and only the known WARNs. */
export function proveExample (spec: ExampleSpec): void {
  const skipped = spec.toolchain.ok ? '' : ` — SKIPPED: ${spec.toolchain.reason}`
  describe(`examples/${spec.language}`, () => {
    it.skipIf(!spec.toolchain.ok)(`passes check with 0 FAIL, warns only on ${EXPECTED_WARN.join(' and ')}, applies a repeated order once${skipped}`, async () => {
      const secrets = testSecrets()
      const handler = await startWith(spec, secrets)
      const { code, report } = await runCheckCli(handler.url, secrets)
      const detail = describeResults(report)
      expect(report.summary.fail, detail).toBe(0)
      expect(code, detail).toBe(0)
      expect(report.summary.total).toBe(report.classes.length)
      expect(report.results.filter(r => r.outcome === 'WARN').map(r => r.class), detail).toEqual(EXPECTED_WARN)
      // crypto-test is the first delivery; duplicate-order repeats its order_id + status.
      const log = handler.output()
      const first = /^applied order_id=(\S+) status=3$/m.exec(log)?.[1]
      expect(first, log).toMatch(/^CHK[0-9A-F]{8}-01$/)
      expect(log.match(new RegExp(`^applied order_id=${first} `, 'gm')), log).toHaveLength(1)
      expect(log.match(new RegExp(`^already applied order_id=${first} `, 'gm')), log).toHaveLength(1)
      for (const s of [secrets.token, secrets.encodingAESKey]) expect(log).not.toContain(s)
    }, START_TIMEOUT_MS + 60_000)
  })
}
