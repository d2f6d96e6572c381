import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { onTestFinished } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import type { Secrets } from '../../src/protocol/profile.js'
import type { SignedDelivery } from '../../src/protocol/delivery.js'

export interface ServeChild {
  child: ChildProcess
  url: string
  secrets: Secrets
  captureDir: string
  stdout: () => string
  waitFor: (re: RegExp, timeoutMs?: number) => Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** `node --import tsx src/main.ts serve` on a free port, with secrets the test knows and its own capture dir. */
export async function startServeChild (env: Record<string, string> = {}): Promise<ServeChild> {
  const captureDir = mkdtempSync(join(tmpdir(), 'nontax-shutdown-'))
  const secrets: Secrets = { appid: 'wx0123456789abcdef', token: randomAlnum(32), encodingAESKey: randomAlnum(43) }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      // Explicit empties: a developer's .env must not switch this child to real WeChat or TLS.
      WECHAT_APPSECRET: '', WECHAT_ACCESS_TOKEN: '', TLS_CERT_FILE: '', TLS_KEY_FILE: '', PUBLIC_URL: '', ADMIN_TOKEN: '', NOTIFY_PATH: '',
      WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey,
      HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', CAPTURE_DIR: captureDir,
      ...env,
    },
  })
  let out = ''
  const waiters = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; for (const w of waiters) w() })
  child.stderr.setEncoding('utf8').on('data', (d: string) => { out += d; for (const w of waiters) w() })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => child.on('exit', (code, signal) => resolve({ code, signal })))
  onTestFinished(() => { child.kill('SIGKILL'); rmSync(captureDir, { recursive: true, force: true }) })
  const waitFor = (re: RegExp, timeoutMs = 15_000) => new Promise<void>((resolve, reject) => {
    const check = () => { if (re.test(out)) { clearTimeout(timer); waiters.delete(check); resolve() } }
    const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`child never printed ${re}; output:\n${out}`)) }, timeoutMs)
    waiters.add(check)
    check()
  })
  await waitFor(/"url":"http:[^"]+"/)
  const url = /"url":"(http:[^"]+)"/.exec(out)?.[1] ?? ''
  await untilHealthy(url.replace(/\/nontax\/notify$/, '/healthz'))
  return { child, url, secrets, captureDir, stdout: () => out, waitFor, exited }
}

/** On a busy machine the child's start-up lag can trip the overload guard for a moment: wait it out. */
async function untilHealthy (healthUrl: string): Promise<void> {
  const start = Date.now()
  for (;;) {
    const res = await request(healthUrl)
    await res.body.dump()
    if (res.statusCode === 200) return
    if (Date.now() - start > 10_000) throw new Error(`${healthUrl} still answers ${res.statusCode} after 10 s`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** A delivery sent in two halves: headers with `Expect: 100-continue` first, so the test knows the server has begun it. */
export interface SplitDelivery { socket: Socket; started: Promise<void>; finish: () => void; answer: Promise<{ status: number; body: string }> }

export function startSplitDelivery (notifyUrl: string, d: SignedDelivery): SplitDelivery {
  const u = new URL(notifyUrl)
  for (const [k, v] of Object.entries(d.query)) u.searchParams.set(k, v)
  const socket = connect(Number(u.port), u.hostname)
  socket.setEncoding('utf8')
  socket.on('error', () => {})
  let raw = ''
  let onStarted = () => {}
  let onAnswer = (_a: { status: number; body: string }) => {}
  const started = new Promise<void>(resolve => { onStarted = resolve })
  const answer = new Promise<{ status: number; body: string }>(resolve => { onAnswer = resolve })
  // Resolves on a complete final response, or with status 0 when the socket closes without one.
  const settle = (closed: boolean) => {
    const final = raw.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '')
    const [head = '', ...rest] = final.split('\r\n\r\n')
    const body = rest.join('\r\n\r\n')
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? NaN)
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
    if (status >= 200 && Buffer.byteLength(body) >= length) onAnswer({ status, body })
    else if (closed) onAnswer({ status: 0, body: raw })
  }
  socket.on('data', (chunk: string) => {
    raw += chunk
    if (raw.startsWith('HTTP/1.1 100 Continue\r\n')) onStarted()
    settle(false)
  })
  socket.on('close', () => settle(true))
  socket.write(`POST ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: ${d.contentType}\r\nContent-Length: ${d.body.length}\r\nExpect: 100-continue\r\n\r\n`)
  // write, not end: a client that half-closes its side makes Node's server drop the answer.
  return { socket, started, finish: () => { socket.write(d.body) }, answer }
}

/** Every record in the capture dir's NDJSON day files. */
export function readCaptures (dir: string): Array<{ wxnontaxstr?: string; answer: { body: { errcode: number } } }> {
  return readdirSync(dir).filter(f => f.endsWith('.ndjson'))
    .flatMap(f => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l)))
}
