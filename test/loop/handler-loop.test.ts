import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/verdict/verdict.js'
import { startNodeHandler } from '../check/helpers/buggy-node.js'
import { testSecrets } from '../check/helpers/secrets.js'
import { closedPortUrl } from '../helpers/listen.js'
import { runCli, type CliResult } from '../helpers/cli-process.js'
import { runMain } from '../helpers/main-io.js'

const envOf = (secrets = testSecrets()) => ({ PORT: '0', WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey })

/** npm start as a user runs it against their own handler: the real CLI, a child process, no .env. */
function start (args: string[], secrets = testSecrets()): Promise<CliResult> {
  return runCli(['run', '--json', ...args], envOf(secrets))
}

/**
 * The same command through main() in process, for what is decided before any delivery (flags, the
 * handler's reachability): the child process above adds only its start-up, and the tests above prove it.
 */
async function startInProcess (args: string[]): Promise<CliResult> {
  const r = await runMain(['run', '--json', ...args], envOf())
  return { code: r.code, stdout: r.out, stderr: r.err }
}

describe('npm start -- --forward-to URL: the mock loop against your handler', () => {
  it('a correct handler (examples/node): PASS, exit 0, each row about the handler', async () => {
    const secrets = testSecrets()
    const url = await startNodeHandler(secrets, 'none')
    const r = await start(['--forward-to', url], secrets)
    const v = JSON.parse(r.stdout) as Verdict
    expect(v.pass, r.stdout + r.stderr).toBe(true)
    expect(v.rows.map(x => x.note)).toEqual(['your handler answered 0 as expected', 'your handler answered 300 as expected'])
    expect(r.code).toBe(0)
  }, 90_000)

  it('a handler that skips the signature check: FAIL, exit 1, the verdict names the handler\'s fault', async () => {
    const secrets = testSecrets()
    const url = await startNodeHandler(secrets, 'skipSignature')
    const r = await start(['--forward-to', url], secrets)
    const v = JSON.parse(r.stdout) as Verdict
    expect(v.pass).toBe(false)
    expect(v.rows[1]).toMatchObject({ test: 'signature', errcode: 0, ok: false })
    expect(v.rows[1]?.note).toBe('graded FAIL: your handler answered 0 (success) where docs/PROTOCOL.md §4 expects errcode 300 (signature error): it accepted a delivery it must reject')
    expect(r.code).toBe(1)
  }, 90_000)

  it('--set shapes what the emulator sends through to the handler: its refund is echoed', async () => {
    const secrets = testSecrets()
    const url = await startNodeHandler(secrets, 'none')
    const r = await start(['--forward-to', url, '--set', 'order_id=NT2024001', '--set', 'status=5', '--set', 'fee=1250'], secrets)
    expect(r.stderr).toContain('NT2024001')
    expect((JSON.parse(r.stdout) as Verdict).pass).toBe(true)
  }, 90_000)

  it('nothing listens at the handler URL: exit 2 before anything is sent, naming the URL', async () => {
    const url = `${await closedPortUrl()}/notify`
    const r = await startInProcess(['--forward-to', url])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ pass: false, error: { code: 'LOOP_HANDLER_UNREACHABLE' } })
    expect(r.stdout).toContain(`your handler at ${url} does not answer`)
  }, 90_000)

  it('a wrongly typed --set: exit 2 with the fix', async () => {
    const r = await startInProcess(['--set', 'fee=12.50'])
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('if you meant 12.5 yuan, use fee=1250')
    const retries = await startInProcess(['--retries', 'two'])
    expect(retries.code).toBe(2)
    expect(retries.stdout).toContain('--retries must be a whole number 0-15 (got \\"two\\")')
  }, 90_000)
})
