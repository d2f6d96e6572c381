import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventEmitter, once } from 'node:events'
import { PassThrough } from 'node:stream'
import { buildApp } from '../../src/app.js'
import { createFileStore, type FileStore } from '../../src/capture/file-store.js'
import type { CaptureStore, CorrectionLine } from '../../src/capture/record.js'
import { createLogger } from '../../src/log/logger.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testConfig } from '../helpers/config.js'
import type { Ctx } from './corpus.js'

/** Secrets chosen here, so every output can be searched for them. */
export const SECRETS = {
  NONTAX_TOKEN: 'HostileSuiteToken0123456789',
  NONTAX_ENCODING_AES_KEY: 'HostileSuiteAesKey0123456789abcdefghijklmno',
  ADMIN_TOKEN: 'hostile-suite-admin-token-0123456789',
}

/**
 * The receiver as `serve` builds it (file store in a fresh CAPTURE_DIR, pretty log), on a real
 * loopback port; short timeouts so slow senders are cut quickly (the suite waits on the close,
 * never on a clock).
 */
export async function startHostileReceiver (o: { wrapStore?: (store: FileStore) => CaptureStore } = {}) {
  const captureDir = mkdtempSync(join(tmpdir(), 'nontax-hostile-'))
  const env = {
    ...SECRETS, CAPTURE_DIR: captureDir, LOG_LEVEL: 'info', LOG_FORMAT: 'pretty', INSPECTOR_PORT: '0',
    HEADERS_TIMEOUT_MS: '400', REQUEST_TIMEOUT_MS: '800', KEEP_ALIVE_TIMEOUT_MS: '300',
  }
  const config = testConfig(env)
  const prettyOut = new PassThrough()
  const pretty: Buffer[] = []
  prettyOut.on('data', (b: Buffer) => pretty.push(b))
  const logger = createLogger({ logLevel: 'info', logFormat: 'pretty' }, prettyOut)
  const store = await createFileStore({ dir: captureDir, maxInMemory: config.limits.maxCapturesInMemory, log: logger })
  // Each correction written is announced, so a test waits on it instead of on a clock.
  const corrected = new EventEmitter()
  const announcing: CaptureStore = { ...store, correct: async c => { await store.correct(c); corrected.emit(c.correctionOf, c) } }
  const app = await buildApp(config, { store: o.wrapStore ? o.wrapStore(announcing as FileStore) : announcing, logger })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  const ctx: Ctx = { secrets: config.secrets, profile: createWxBizMsgCryptProfile(), path: config.notifyPath, nowMs: Date.now() }
  return {
    app, config, store, port, ctx, captureDir,
    env: { ...env, LOG_FORMAT: 'json' },
    /** Resolves with the first correction of this capture once it is written. */
    correctionOf: async (id: string): Promise<CorrectionLine> => {
      const next = once(corrected, id) as Promise<[CorrectionLine]>
      const known = (await store.get(id))?.corrections?.[0]
      return known ? { ...known, correctionOf: id, receivedAt: '' } : (await next)[0]
    },
    prettyLog: () => Buffer.concat(pretty).toString('utf8'),
    captureFiles: () => readdirSync(captureDir).map(f => readFileSync(join(captureDir, f), 'utf8')).join(''),
    close: async () => { await app.close(); await store.close(); rmSync(captureDir, { recursive: true, force: true }) },
  }
}

/**
 * Writes the bytes on one connection and collects everything until the receiver closes it. A
 * complete request is followed by a `Connection: close` health check, so the receiver answers all
 * pipelined requests and then closes; an unfinished one is closed by the receiver's timeouts.
 */
export function exchange (port: number, bytes: Buffer, finished: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(bytes)
      if (finished) socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    })
    socket.on('data', (b: Buffer) => chunks.push(b))
    socket.on('error', err => (err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err))
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
  })
}

export interface WireAnswer { status: number; body: string }

/** The HTTP answers in a connection's bytes, in order (bodies are JSON, framed by content-length). */
export function answersIn (raw: string): WireAnswer[] {
  const out: WireAnswer[] = []
  const re = /HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n/g
  let m: RegExpExecArray | null
  while ((m = re.exec(raw)) !== null) {
    const length = /content-length: *(\d+)/i.exec(m[2] ?? '')
    const start = re.lastIndex
    const body = length ? Buffer.from(raw.slice(start), 'latin1').subarray(0, Number(length[1])).toString('utf8') : ''
    out.push({ status: Number(m[1]), body })
    if (length) re.lastIndex = start + Number(length[1])
  }
  return out
}
