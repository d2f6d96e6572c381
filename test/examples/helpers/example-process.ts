import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'
import type { CheckReport } from '../../../src/check/types.js'
import type { Secrets } from '../../../src/protocol/profile.js'

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
export const EXAMPLES = join(REPO, 'examples')
/** Go compiles and Java compiles in memory before they listen; on a busy 2-core box that takes a while. */
export const START_TIMEOUT_MS = 180_000

/** The environment without any secrets of the developer's: only the test's own are added. */
export function cleanEnv (secrets: Secrets, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^(NONTAX_|WECHAT_|PORT$|HOST$)/.test(k)) env[k] = v
  return { ...env, WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey, ...extra }
}

export function tempDir (): string {
  const dir = mkdtempSync(join(tmpdir(), 'nontax-example-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface Toolchain { ok: boolean; command: string; reason: string }

/** The first candidate for which `probe` exits 0, or why none did. */
export function findToolchain (name: string, candidates: string[], probe: string[], installHint: string, accept: (output: string) => boolean = () => true): Toolchain {
  for (const command of candidates) {
    const r = spawnSync(command, probe, { encoding: 'utf8', timeout: 60_000 })
    if (r.status === 0 && accept(`${r.stdout}${r.stderr}`)) return { ok: true, command, reason: '' }
  }
  const reason = `${name} not available (tried ${candidates.join(', ')}); ${installHint}`
  console.warn(`\n*** SKIPPING the ${name} example under check: ${reason} ***\n`)
  return { ok: false, command: candidates[0] ?? name, reason }
}

export interface RunningExample { url: string; output: () => string }

/**
 * Start an example as a real process (its own process group, so `go run`'s child dies with it) and
 * wait until it prints the URL it listens on: a signal, not a sleep.
 */
export async function startExample (o: { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; path?: string }): Promise<RunningExample> {
  const child = spawn(o.command, o.args, { cwd: o.cwd, env: o.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  onTestFinished(() => {
    try { if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL') } catch { /* already gone */ }
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${o.command} did not print its URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const m = o.ready.exec(output)
      if (m?.[1]) { clearTimeout(timer); resolveUrl(m[1]) }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', err => { clearTimeout(timer); reject(err) })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`${o.command} exited (${code}) before listening:\n${output}`)) })
  })
  return { url: url + (o.path ?? ''), output: () => output }
}

/**
 * `check --target URL --json` as a user runs it: the real CLI, in a temp cwd so no .env is read. A
 * generous per-delivery timeout: a JVM's first requests on a busy CI box are slow, not wrong.
 */
export async function runCheckCli (target: string, secrets: Secrets): Promise<{ code: number | null; report: CheckReport; stderr: string }> {
  const child = spawn(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'src/main.ts'), 'check', '--target', target, '--json', '--timeout-ms', '30000'],
    { cwd: tempDir(), env: cleanEnv(secrets), stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8') })
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8') })
  const code = await new Promise<number | null>((res, rej) => { child.on('error', rej); child.on('close', res) })
  let report: CheckReport
  try {
    report = JSON.parse(stdout) as CheckReport
  } catch {
    throw new Error(`check printed no JSON report (exit ${code}):\n${stdout}\n${stderr}`)
  }
  return { code, report, stderr }
}

/** Every class as "class: OUTCOME (reason or notes)", for a failure message that says what went wrong. */
export function describeResults (report: CheckReport): string {
  return report.results.map(r => `${r.class}: ${r.outcome}${r.reason ? ` (${r.reason})` : ''}${r.notes.length ? ` [${r.notes.join('; ')}]` : ''}`).join('\n')
}
