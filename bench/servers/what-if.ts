/**
 * The receiver of servers/receiver.ts with possible fixes applied from outside, to size them
 * before anyone changes src/: WHATIF_POOL=1 serves crypto.randomBytes from a 4 KiB CSPRNG pool;
 * WHATIF_NOSYNC=1 skips fdatasync (records reach the page cache, not the disk, before the answer).
 * Measurement aid only; run through bench/what-if.ts.
 */
import crypto from 'node:crypto'
import { syncBuiltinESMExports } from 'node:module'

if (process.env.WHATIF_POOL) {
  const draw = crypto.randomBytes
  let pool = Buffer.alloc(0)
  let offset = 0
  const pooled = (n: number) => {
    if (offset + n > pool.length) { pool = draw(4096); offset = 0 }
    offset += n
    return Buffer.from(pool.subarray(offset - n, offset))
  }
  ;(crypto as unknown as { randomBytes: typeof pooled }).randomBytes = pooled
  // ESM named imports of node: builtins are updated only on request.
  syncBuiltinESMExports()
}

// Imported after the patch so that every module binds the pooled function.
const { pino } = await import('pino')
const { buildApp } = await import('../../src/app.js')
const { createFileStore } = await import('../../src/capture/file-store.js')
const { loadConfig } = await import('../../src/config.js')
const { createLogger } = await import('../../src/log/logger.js')
const { serveOverIpc } = await import('./ipc.js')

const config = loadConfig(process.env, { isTTY: false })
const logger = createLogger(config, pino.destination({ dest: '/dev/null', sync: true }))
const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory, ...(process.env.WHATIF_NOSYNC ? { sync: async () => {} } : {}) })
const app = await buildApp(config, { logger, store })
await app.listen({ host: '127.0.0.1', port: 0 })
const addr = app.server.address()
serveOverIpc(app, `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`)
