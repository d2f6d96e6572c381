import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pino } from 'pino'
import { openCaptureStore } from '../src/cli/open-store.js'
import { loadConfig } from '../src/config.js'
import { createLogger } from '../src/log/logger.js'
import { startLoop } from '../src/loop/loop.js'

export interface LoopTimes {
  /** startLoop → verdict inside an already-running process (modules loaded), median of runs. */
  inProcessMs: number[]
  /** `npm start -- --once --json --emulator`: process start → exit with the verdict, as a user waits for it (npm included). */
  cliMs: number[]
  allPassed: boolean
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** A developer's .env must not turn the bench into a real-WeChat run. */
const NO_DOTENV = { WECHAT_APPSECRET: '', WECHAT_ACCESS_TOKEN: '', PUBLIC_URL: '', TLS_CERT_FILE: '', TLS_KEY_FILE: '', NOTIFY_PATH: '' }

export async function measureLoop (runs: number): Promise<LoopTimes> {
  const out: LoopTimes = { inProcessMs: [], cliMs: [], allPassed: true }
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'nontax-bench-loop-'))
    try {
      const t0 = performance.now()
      const config = loadConfig({ ...NO_DOTENV, PORT: '0', LOG_LEVEL: 'info', LOG_FORMAT: 'json', CAPTURE_DIR: dir }, { forceEmulator: true })
      const logger = createLogger(config, pino.destination({ dest: '/dev/null', sync: true }))
      const loop = await startLoop({ config, logger, store: await openCaptureStore(config, logger) })
      const verdict = await loop.run()
      out.inProcessMs.push(performance.now() - t0)
      out.allPassed &&= verdict.pass
      await loop.close()
      out.cliMs.push(await cliRun(dir))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return out
}

function cliRun (captureDir: string): Promise<number> {
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    // Through npm, as the README tells users to run it: npm's own start-up counts.
    const child = spawn(NPM, ['start', '--silent', '--', '--once', '--json', '--emulator'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...NO_DOTENV, PORT: '0', LOG_FORMAT: 'json', CAPTURE_DIR: captureDir },
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d })
    child.on('exit', code => {
      const ms = performance.now() - t0
      if (code === 0 && stdout.includes('"pass":true')) resolve(ms)
      else reject(new Error(`npm start -- --once exited ${code} without a passing verdict: ${stdout.slice(0, 300)}`))
    })
  })
}

/** npm from PATH, as a user runs it. */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
