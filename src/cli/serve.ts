import { buildApp } from '../app.js'
import { createForwarder } from '../forward/forwarder.js'
import { createProfile } from '../profiles/create.js'
import { configPreflight } from '../preflight/checklist.js'
import { createLogger } from '../log/logger.js'
import { listen } from '../server.js'
import { startInspectorFor } from '../inspector/start.js'
import { parseFlags } from './args.js'
import { render } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Params } from '../messages/types.js'
import { openCaptureStore } from './open-store.js'
import type { Io } from './io.js'
import { createSessionTally, launcherWatch, untilSignal } from './shutdown.js'

export async function runServe (argv: string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, { 'forward-to': { type: 'string' }, 'demo-keys': { type: 'boolean' } })
  const { config, lines } = configPreflight({ env: io.env, fromFile: io.fromFile ?? new Set(), command: 'serve', demoKeys: values['demo-keys'] === true, load: { isTTY: io.isTTY, ...(io.lang !== undefined ? { lang: io.lang } : {}) } })
  const logger = createLogger(config)
  for (const line of lines) logger.info(line.trim())
  const profile = createProfile(config.profile)
  const target = values['forward-to']
  const forward = target ? createForwarder({ target, secrets: config.secrets, profile }) : undefined
  const store = await openCaptureStore(config, logger)
  // Whatever stops the start (an unreadable TLS file, a port in use) closes what was opened.
  const app = await buildApp(config, { logger, store, profile, ...(forward ? { forward } : {}) }).catch(async (err: unknown) => { await store.close(); throw err })
  const url = await listen(app, config).catch(async (err: unknown) => { await app.close(); throw err })
  const say = (code: MessageCode, params?: Params) => render({ code, ...(params ? { params } : {}) }, config.lang)
  logger.info({ url: url + config.notifyPath, forwardTo: target }, say(target ? 'SERVE_LISTENING_FORWARD' : 'SERVE_LISTENING', { url: url + config.notifyPath, target }))
  const inspector = await startInspectorFor(app, url, logger)
  const tally = createSessionTally(app.nontax.events)
  const launcherAlive = launcherWatch(io.env, process.ppid)
  const code = await untilSignal(async () => { await app.close(); await inspector?.close() }, {
    say: line => logger.info(line),
    ...(config.lang !== undefined ? { lang: config.lang } : {}),
    onClosed: () => logger.info(tally.summary(config.lang)),
    ...(launcherAlive ? { launcherAlive } : {}),
  })
  logger.info(say('SERVE_STOPPED', { code }))
  return code
}
