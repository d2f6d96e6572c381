import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createLogger } from '../log/logger.js'
import { listen } from '../server.js'
import { parseFlags } from './args.js'
import { openCaptureStore } from './open-store.js'
import type { Io } from './io.js'
import { untilSignal } from './run.js'

export const SERVE_USAGE = `usage: npm run serve [-- --forward-to URL]
  runs the receiver alone at NOTIFY_PATH (no trigger), for staging configs that point at it`

export async function runServe (argv: string[], io: Io): Promise<number> {
  parseFlags(argv, { 'forward-to': { type: 'string' } })
  const config = loadConfig(io.env, { isTTY: io.isTTY })
  const logger = createLogger(config)
  const store = await openCaptureStore(config, logger)
  const app = await buildApp(config, { logger, store })
  const url = await listen(app, config)
  logger.info({ url: url + config.notifyPath }, `listening: deliveries to ${url}${config.notifyPath} are verified, decrypted, logged and answered (Ctrl-C to stop)`)
  await untilSignal(() => app.close())
  return 0
}
