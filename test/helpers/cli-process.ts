import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname

export interface CliResult { code: number; stdout: string; stderr: string }

/**
 * What a user runs: the package's bin in a child process, from a fresh temp folder (so no .env is
 * read), with only PATH, a capture folder in that temp folder, and the given variables.
 */
export async function runCli (args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  const cwd = mkdtempSync(join(tmpdir(), 'nontax-cli-'))
  try {
    const r = await exec(process.execPath, [join(root, 'bin/nontax-debugger.js'), ...args], {
      // INSPECTOR_PORT=auto: a free port, never the fixed default 4041 another run may hold.
      cwd, env: { PATH: process.env.PATH ?? '', CAPTURE_DIR: join(cwd, 'captures'), INSPECTOR_PORT: 'auto', ...env }, timeout: timeoutMs,
    })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
