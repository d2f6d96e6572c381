import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import type { Secrets } from '../../src/protocol/profile.js'

const ROOT = new URL('../..', import.meta.url).pathname

export interface ServeOptions {
  /** The server's configuration beyond the fixed test set-up (loopback port 0, JSON logs at info, no .env). */
  env?: Record<string, string>
  /** Arguments after `npm run serve --`. */
  args?: string[]
  /** A checkout made by tempCheckout(), e.g. to put a file beside the server first. */
  checkout?: string
}

export interface ServeProcess {
  /** npm, leader of its own process group (as a terminal or systemd would start it). */
  npm: ChildProcess
  /** The node process that serves (pid from its log), two layers under npm (npm → sh → node). */
  serverPid: number
  /** The notify URL the server logged. */
  url: string
  secrets: Secrets
  captureDir: string
  checkout: string
  logs: () => Array<Record<string, unknown>>
  output: () => string
  /** Resolves when the output matches; rejects if every writer of the output has gone first. */
  waitFor: (re: RegExp) => Promise<void>
  /** npm's own exit. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Every process holding the output (npm, sh, the server) has gone: the pipes closed. */
  gone: Promise<void>
  signal: (target: 'group' | 'npm' | 'server', signal: NodeJS.Signals) => void
}

/**
 * A directory that looks like a clone (package.json, tsconfig.json, links to src, bin and
 * node_modules) and nothing else: no developer .env can be in it, and a test may write one there.
 */
export function tempCheckout (): string {
  const dir = mkdtempSync(join(tmpdir(), 'nontax-serve-'))
  for (const f of ['package.json', 'tsconfig.json']) copyFileSync(join(ROOT, f), join(dir, f))
  for (const d of ['src', 'bin', 'node_modules']) symlinkSync(join(ROOT, d), join(dir, d))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/**
 * `npm run serve`, the command the README shows, on a free loopback port. The environment is
 * built here from nothing but PATH, and ENV_FILE=none (unless a test names a file): neither the developer's shell nor their
 * .env reaches the server. Resolves once the server logs its URL.
 */
export async function startServe (o: ServeOptions = {}): Promise<ServeProcess> {
  const checkout = o.checkout ?? tempCheckout()
  const env: Record<string, string | undefined> = {
    WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43), CAPTURE_DIR: join(checkout, 'captures'),
    // A busy 2-core machine lags the event loop at start-up; these tests are not about overload.
    MAX_EVENT_LOOP_DELAY_MS: '60000',
    ENV_FILE: 'none',
    // A free port, never the fixed default 4041 that another test's server or a developer's run may hold.
    INSPECTOR_PORT: 'auto',
    ...o.env,
    PATH: process.env.PATH, HOME: checkout, npm_config_update_notifier: 'false',
    HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info',
  }
  const secrets: Secrets = { appid: env.WECHAT_APPID!, token: env.NONTAX_TOKEN!, encodingAESKey: env.NONTAX_ENCODING_AES_KEY! }
  const captureDir = env.CAPTURE_DIR!
  const npm = spawn('npm', ['run', 'serve', ...(o.args ? ['--', ...o.args] : [])], { cwd: checkout, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env })
  let out = ''
  const waiters = new Set<() => void>()
  const onData = (d: string) => { out += d; for (const w of waiters) w() }
  npm.stdout!.setEncoding('utf8').on('data', onData)
  npm.stderr!.setEncoding('utf8').on('data', onData)
  const closed = (s: NodeJS.ReadableStream) => new Promise<void>(resolve => s.once('close', resolve))
  let isGone = false
  const gone = Promise.all([closed(npm.stdout!), closed(npm.stderr!)]).then(() => { isGone = true; for (const w of waiters) w() })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => npm.once('exit', (code, signal) => resolve({ code, signal })))
  const logs = () => out.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l) as Record<string, unknown>)
  const waitFor = (re: RegExp) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (re.test(out)) { waiters.delete(check); resolve() } else if (isGone) { waiters.delete(check); reject(new Error(`serve never printed ${re}; output:\n${out}`)) }
    }
    waiters.add(check)
    check()
  })
  let serverPid = 0
  onTestFinished(() => {
    for (const pid of [-(npm.pid ?? 0), serverPid]) { try { if (pid) process.kill(pid, 'SIGKILL') } catch { /* gone */ } }
  })
  await waitFor(/"url":"http:[^"]+"/)
  const listening = logs().find(l => typeof l.url === 'string' && String(l.msg).startsWith('listening'))!
  serverPid = serverPidIn(npm.pid ?? 0)
  const signal = (target: 'group' | 'npm' | 'server', sig: NodeJS.Signals) => {
    process.kill(target === 'group' ? -(npm.pid ?? 0) : target === 'npm' ? npm.pid ?? 0 : serverPid, sig)
  }
  return { npm, serverPid, url: String(listening.url), secrets, captureDir, checkout, logs, output: () => out, waitFor, exited, gone, signal }
}

/** The node process that runs src/main.ts in npm's process group (not sh -c, which names it too). */
function serverPidIn (group: number): number {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(group)], { encoding: 'utf8' }).split('\n')
  const server = lines.find(l => /\bnode\b.*src\/main\.ts serve/.test(l) && !/\bsh -c\b/.test(l))
  if (!server) throw new Error(`no server process in group ${group}:\n${lines.join('\n')}`)
  return Number(server.trim().split(/\s+/)[0])
}

/** Every record in a capture dir's NDJSON day files. */
export function readCaptures (dir: string): Array<{ wxnontaxstr?: string; answer: { status: number; body: { errcode: number } } }> {
  return readdirSync(dir).filter(f => f.endsWith('.ndjson'))
    .flatMap(f => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l)))
    // Correction lines (an answer the connection never carried, e.g. a stalled client cut at shutdown) are not records.
    .filter(l => l.correctionOf === undefined)
}
