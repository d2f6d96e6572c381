import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { asAppError, EXIT } from '../errors.js'
import { createLogger } from '../log/logger.js'
import { startInspectorFor } from '../inspector/start.js'
import { listOf, render } from '../messages/render.js'
import { configPreflight } from '../preflight/checklist.js'
import { maskSecrets } from '../protocol/mask.js'
import { startLoop } from '../loop/loop.js'
import { assertHandlerReachable, HANDLER_LOOP_OPTIONS, handlerLoopFlags, handlerLoopOptions, type HandlerLoopFlags } from '../loop/handler-loop.js'
import { formatNextStep, formatVerdict } from '../verdict/print-verdict.js'
import { parseFlags } from './args.js'
import { openCaptureStore } from './open-store.js'
import type { Io } from './io.js'
import { createSessionTally, launcherWatch, untilSignal } from './shutdown.js'

/** npm start: preflight, receiver + trigger + verdict; keeps receiving until Ctrl-C unless --once (--json implies it). */
export async function runRun (argv: string[], io: Io): Promise<number> {
  // Read before parsing: a bad flag under --json is still answered as one JSON object on stdout.
  const json = argv.includes('--json')
  try {
    const { values } = parseFlags(argv, { once: { type: 'boolean' }, json: { type: 'boolean' }, emulator: { type: 'boolean' }, api: { type: 'string' }, 'emulate-profile': { type: 'string' }, ...HANDLER_LOOP_OPTIONS })
    return await runOnce(io, { json, once: json || values.once === true, emulator: values.emulator === true, api: values.api, emulateProfile: values['emulate-profile'], handler: handlerLoopFlags(values) })
  } catch (err) {
    const app = asAppError(err)
    if (!json || app === undefined) throw err
    // Scripts read stdout as one JSON object whatever happened, and stderr as JSON lines only.
    const secrets = Object.entries(io.env).filter(([k]) => /SECRET|TOKEN|AES_KEY/.test(k)).map(([, v]) => v)
    const error = { code: app.code, exitCode: app.exitCode, message: maskSecrets(app.message, secrets) }
    io.err(JSON.stringify({ level: 50, time: Date.now(), code: app.code, msg: error.message }))
    io.out(JSON.stringify({ pass: false, error }))
    return app.exitCode
  }
}

interface RunFlags { json: boolean; once: boolean; emulator: boolean; api: string | undefined; emulateProfile: string | undefined; handler: HandlerLoopFlags }

async function runOnce (io: Io, f: RunFlags): Promise<number> {
  const env = f.api === undefined ? io.env : { ...io.env, MOCK_API: f.api }
  const pre = configPreflight({ env, fromFile: io.fromFile ?? new Set(), command: 'run', demoKeys: false, load: { isTTY: io.isTTY, forceEmulator: f.emulator, ...(io.lang !== undefined ? { lang: io.lang } : {}), ...(f.emulateProfile !== undefined ? { emulateProfile: f.emulateProfile } : {}) } })
  const config: Config = f.json ? { ...pre.config, logFormat: 'json' } : pre.config
  const logger = createLogger({ ...config, mockRun: true }, f.json ? 2 : 1)
  const say = notices(io, f.json, logger)
  say(firstLine(config, f.emulator && hasCredentials(env)))
  for (const line of pre.lines) say(line)
  const handler = handlerLoopOptions(f.handler, config)
  if (handler.forwardTo !== undefined) {
    await assertHandlerReachable(handler.forwardTo)
    say(render({ code: 'LOOP_FORWARD_NOTICE', params: { url: handler.forwardTo } }, config.lang))
  }
  const store = await openCaptureStore(config, logger)
  const started = await startLoop({ config, logger, store, say, handler })
  const inspector = await startInspectorFor(started.app, started.receiverUrl, logger)
  const loop = { ...started, close: async () => { await started.close(); await inspector?.close() } }
  const tally = createSessionTally(loop.app.nontax.events)
  let pass = false
  try {
    const verdict = await loop.run()
    pass = verdict.pass
    inspector?.setVerdict(verdict)
    if (f.json) io.out(JSON.stringify(verdict))
    else io.out(`${formatVerdict(verdict, config.lang)}\n${formatNextStep(verdict, config.lang)}`)
  } catch (err) {
    await loop.close()
    throw err
  }
  if (f.once) {
    await loop.close()
    return pass ? EXIT.PASS : EXIT.FAILED
  }
  say(render({ code: 'RUN_STILL_RECEIVING', params: { callbackUrl: loop.callbackUrl } }, config.lang))
  // Watched like serve's: npm passes a SIGTERM to its shell only. A failed close (exit 1) outranks a PASS.
  const launcherAlive = launcherWatch(io.env, process.ppid)
  const closed = await untilSignal(async () => loop.close(), { say, ...(config.lang !== undefined ? { lang: config.lang } : {}), onClosed: () => say(tally.summary(config.lang)), ...(launcherAlive ? { launcherAlive } : {}) })
  return pass ? closed : EXIT.FAILED
}

/** Lines for a person: stdout; under --json they become JSON log lines on stderr, so stdout stays one object. */
function notices (io: Io, json: boolean, logger: Logger): (line: string) => void {
  return json ? line => logger.info(line.trim()) : line => io.out(line)
}

const hasCredentials = (env: Record<string, string | undefined>) => ['WECHAT_APPSECRET', 'WECHAT_ACCESS_TOKEN'].some(k => (env[k]?.trim() ?? '') !== '')

function firstLine (config: Config, forced: boolean): string {
  if (config.mode === 'real') return render({ code: 'RUN_REAL', params: { apiBase: config.wechat.apiBase, appid: config.wechat.appid } }, config.lang)
  if (forced) {
    const keys = config.generated.length > 0 ? { code: 'RUN_EMULATOR_KEYS_GENERATED', params: { names: listOf(config.generated, 'and') } } : { code: 'RUN_EMULATOR_KEYS_OWN' }
    return render({ code: 'RUN_EMULATOR_FORCED', params: { keys } }, config.lang)
  }
  return render({ code: config.generated.length > 0 ? 'RUN_EMULATOR_GENERATED' : 'RUN_EMULATOR_OWN_KEYS', params: { names: listOf(config.generated, 'and') } }, config.lang)
}
