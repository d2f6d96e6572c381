import { loadConfig } from '../config.js'
import { createLogger } from '../log/logger.js'
import { startInspectorFor } from '../inspector/start.js'
import { startLoop } from '../run/loop.js'
import { formatVerdict } from '../verdict/print-verdict.js'
import { parseFlags } from './args.js'
import { openCaptureStore } from './open-store.js'
import type { Io } from './io.js'
import { createSessionTally, untilSignal } from './shutdown.js'

/** npm start: receiver + trigger + verdict; keeps receiving until Ctrl-C unless --once. */
export async function runRun (argv: string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, { once: { type: 'boolean' }, json: { type: 'boolean' }, emulator: { type: 'boolean' }, api: { type: 'string' }, 'emulate-profile': { type: 'string' } })
  const env = values.api === undefined ? io.env : { ...io.env, MOCK_API: values.api }
  const config = loadConfig(env, { isTTY: io.isTTY, forceEmulator: values.emulator === true, ...(values['emulate-profile'] !== undefined ? { emulateProfile: values['emulate-profile'] } : {}) })
  const logger = createLogger(config, values.json ? 2 : 1)
  const say = values.json ? io.err : io.out
  say(config.mode === 'embedded'
    ? 'Running against the BUILT-IN WeChat EMULATOR: no WeChat credentials are configured (set WECHAT_APPID + WECHAT_APPSECRET or WECHAT_ACCESS_TOKEN in .env to use real WeChat). Demo appid and keys were generated for this run.'
    : `Running against REAL WeChat at ${config.wechat.apiBase} for appid ${config.wechat.appid}.`)
  const store = await openCaptureStore(config, logger)
  const started = await startLoop({ config, logger, store })
  const inspector = await startInspectorFor(started.app, started.receiverUrl, logger)
  const loop = { ...started, close: async () => { await started.close(); await inspector?.close() } }
  const tally = createSessionTally(loop.app.nontax.events)
  let verdictPass = false
  try {
    const verdict = await loop.run()
    verdictPass = verdict.pass
    inspector?.setVerdict(verdict)
    if (values.json) io.out(JSON.stringify(verdict))
    else io.out(formatVerdict(verdict))
  } catch (err) {
    await loop.close()
    throw err
  }
  if (values.once) {
    await loop.close()
    return verdictPass ? 0 : 1
  }
  say(`Still receiving at ${loop.callbackUrl}. Press Ctrl-C to stop.`)
  await untilSignal(async () => loop.close(), { say, onClosed: () => say(tally.summary()) })
  return verdictPass ? 0 : 1
}
