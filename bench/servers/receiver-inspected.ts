import { pino } from 'pino'
import { buildApp } from '../../src/app.js'
import { openCaptureStore } from '../../src/cli/open-store.js'
import { loadConfig } from '../../src/config.js'
import { startInspectorFor } from '../../src/inspector/start.js'
import { createLogger } from '../../src/log/logger.js'
import { serveOverIpc } from './ipc.js'

// (b) with the inspector open, as `npm run serve` starts both: INSPECTOR_PORT is chosen by the bench, which subscribes to it.
const config = loadConfig(process.env, { isTTY: false })
const logger = createLogger(config, pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: true }))
const store = await openCaptureStore(config, logger)
const app = await buildApp(config, { logger, store })
let inspector: Awaited<ReturnType<typeof startInspectorFor>>
app.addHook('onClose', async () => { await inspector?.close() })
await app.listen({ host: '127.0.0.1', port: 0 })
const addr = app.server.address()
const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
inspector = await startInspectorFor(app, url, logger)
if (!inspector) throw new Error(`the inspector did not start on INSPECTOR_PORT=${String(config.inspectorPort)}`)
serveOverIpc(app, url)
