import { describe, expect, it } from 'vitest'
import { runCli, type CliResult } from '../helpers/cli-process.js'


/** What a new user runs: the real CLI in a child process, with no .env and no credentials. */
function start (args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['run', ...args], { PORT: '0', ...env }, 30_000)
}

describe('npm start -- --once (the real CLI, child process)', () => {
  it('exits 0 with a PASS verdict on the built-in emulator, saying so on the first line', async () => {
    const r = await start(['--once'], { LOG_FORMAT: 'pretty' })
    expect(r.stdout.split('\n')[0]).toMatch(/^Running against the BUILT-IN WeChat EMULATOR: no WeChat credentials are configured/)
    expect(r.stdout).toMatch(/== Verdict: PASS \(2\/2 deliveries/)
    expect(r.stdout).toMatch(/EXPECTED: POST \/nontax\/notify .* errcode 300 \(signature test\)/)
    expect(r.stdout).toMatch(/signature: wrong, as expected/)
    expect(r.stdout).toMatch(/^What this PASS means: the built-in emulator and this receiver agree/m)
    expect(r.stdout).toMatch(/ASSUMED protocol/)
    expect(r.code).toBe(0)
  })

  it('--json implies --once: prints the verdict as one JSON object on stdout, and only JSON lines on stderr', async () => {
    const r = await start(['--json'], { LOG_FORMAT: 'pretty' })
    const v = JSON.parse(r.stdout) as { pass: boolean; rows: unknown[] }
    const lines = r.stderr.split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow()
    expect(v).toMatchObject({ pass: true, rows: [{ test: 'crypto', errcode: 0 }, { test: 'signature', errcode: 300 }] })
    expect(r.code).toBe(0)
  })

  it('exits 2 with the variable named on a bad configuration', async () => {
    const r = await start(['--once'], { PORT: 'abc' })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('PORT must be an integer 0-65535 (e.g. PORT=3000)')
  })
})
