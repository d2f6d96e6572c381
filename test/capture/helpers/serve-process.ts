import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../../src/main.ts', import.meta.url))
const TSX = import.meta.resolve('tsx')

export interface ServeProcess { proc: ChildProcess; url: string; logs: Array<Record<string, unknown>>; exited: Promise<number | null> }

/**
 * `node --import tsx src/main.ts serve` as a user runs it, from `cwd` (so no .env of the repo
 * applies), with JSON logs; resolves once it logs the URL it listens on.
 */
export async function startServe (env: Record<string, string>, cwd: string): Promise<ServeProcess> {
  const proc = spawn(process.execPath, ['--import', TSX, MAIN, 'serve'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>(resolve => proc.once('exit', code => resolve(code)))
  const logs: Array<Record<string, unknown>> = []
  let stderr = ''
  proc.stderr?.on('data', (d: Buffer) => { stderr += d.toString() })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`serve did not log "listening" within 15 s; stderr: ${stderr}`))
    }, 15_000)
    createInterface({ input: proc.stdout! }).on('line', line => {
      let entry: Record<string, unknown>
      try { entry = JSON.parse(line) as Record<string, unknown> } catch { return }
      logs.push(entry)
      if (String(entry.msg).includes('listening') && typeof entry.url === 'string') {
        clearTimeout(timer)
        resolve(entry.url)
      }
    })
    void exited.then(code => { clearTimeout(timer); reject(new Error(`serve exited with ${code} before listening; stderr: ${stderr}`)) })
  })
  return { proc, url, logs, exited }
}
