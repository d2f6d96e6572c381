import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli-process.js'

// README: "Every command has its own --help". The captures verbs share one usage text.
describe('captures <verb> --help (real process)', () => {
  it.each(['list', 'show', 'verify', 'replay', 'export', 'prune'])('captures %s --help prints the captures usage on stdout (exit 0)', async verb => {
    const r = await runCli(['captures', verb, '--help'], { ENV_FILE: 'none' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^usage: captures <verb> \[options\]/)
  })
})
