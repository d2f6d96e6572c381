import type { FastifyInstance } from 'fastify'
import { pino, type Logger } from 'pino'
import { pathToFileURL } from 'node:url'
import { serveOverIpc } from './ipc.js'

// (b) The receiver as `npm run serve` builds it: durable file store, info logging, signature check and decryption.
// BENCH_SRC_ROOT runs the same thing from another checkout (the baseline git worktree bench/run.ts makes).
const root = process.env.BENCH_SRC_ROOT ?? new URL('../../', import.meta.url).pathname
const load = async <T> (path: string): Promise<T> => await import(pathToFileURL(root + path).href) as T

const { buildApp } = await load<{ buildApp (c: unknown, d: object): Promise<FastifyInstance> }>('src/app.ts')
const { openCaptureStore } = await load<{ openCaptureStore (c: unknown, l: Logger): Promise<object> }>('src/cli/open-store.ts')
const { loadConfig } = await load<{ loadConfig (env: NodeJS.ProcessEnv, o: object): unknown }>('src/config.ts')
const { createLogger } = await load<{ createLogger (c: unknown, d: unknown): Logger }>('src/log/logger.ts')

const config = loadConfig(process.env, { isTTY: false })
const logger = createLogger(config, pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: true }))
// BENCH_STORE=memory isolates the cost of durable capture (profiling only; the reported run uses the file store).
const store = process.env.BENCH_STORE === 'memory' ? undefined : await openCaptureStore(config, logger)
const app = await buildApp(config, { logger, ...(store ? { store } : {}) })
await app.listen({ host: '127.0.0.1', port: 0 })
const addr = app.server.address()
serveOverIpc(app, `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`)
