import { pino } from 'pino'
import { buildApp } from '../../src/app.js'
import { openCaptureStore } from '../../src/cli/open-store.js'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/log/logger.js'
import { serveOverIpc } from './ipc.js'

// (b) The receiver as `npm run serve` builds it: durable file store, info logging, signature check and decryption.
const config = loadConfig(process.env, { isTTY: false })
const logger = createLogger(config, pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: true }))
// BENCH_STORE=memory isolates the cost of durable capture (profiling only; the reported run uses the file store).
const store = process.env.BENCH_STORE === 'memory' ? undefined : await openCaptureStore(config, logger)
const app = await buildApp(config, { logger, ...(store ? { store } : {}) })
await app.listen({ host: '127.0.0.1', port: 0 })
const addr = app.server.address()
serveOverIpc(app, `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`)
