import { AppError, asAppError, EXIT, UsageError } from '../errors.js'
import { errorText } from '../messages/error-text.js'
import { chooseLang } from '../messages/lang.js'
import { render } from '../messages/render.js'
import { maskSecrets } from '../protocol/mask.js'
import type { Io } from './io.js'
import type { MessageCode } from '../messages/en/index.js'

type Command = (argv: string[], io: Io) => Promise<number>

// Loaded on demand: each command pulls in only its own modules, which keeps every start fast.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runRun,
  serve: async () => (await import('./serve.js')).runServe,
  check: async () => (await import('./check.js')).runCheck,
  captures: async () => (await import('./captures.js')).runCaptures,
  certs: async () => (await import('./certs.js')).runCerts,
}

/** captures and check print their own, more specific usage (they have verbs and their own flags). */
const USAGES: Record<string, MessageCode | undefined> = { run: 'USAGE_RUN', serve: 'USAGE_SERVE', certs: 'USAGE_CERTS' }
const usageText = (code: MessageCode | undefined, io: Io) => render({ code: code ?? 'USAGE_TOP' }, io.lang)

const HELP = ['help', '--help', '-h']

export async function main (rawArgv: string[], rawIo: Io): Promise<number> {
  // The language is chosen once, here, and travels in io: no command reads the locale itself.
  const choice = chooseLang(rawArgv, rawIo.env)
  const io: Io = { ...rawIo, lang: choice.lang }
  if (choice.invalid !== undefined) {
    io.err(render({ code: 'LANG_UNKNOWN', params: { got: choice.invalid } }, io.lang))
    return EXIT.COULD_NOT_RUN
  }
  const [name = 'run', ...rest] = choice.argv
  const load = COMMANDS[name]
  if (!load) {
    if (HELP.includes(name)) { io.out(usageText(undefined, io)); return EXIT.PASS }
    io.err(`${render({ code: 'USAGE_UNKNOWN_COMMAND', params: { name } }, io.lang)}\n\n${usageText(undefined, io)}`)
    return EXIT.COULD_NOT_RUN
  }
  const usage = USAGES[name]
  if (usage !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(usageText(usage, io))
    return EXIT.PASS
  }
  try {
    const command = await load()
    return await command(rest, io)
  } catch (err) {
    return report(err, name, io)
  }
}

/** Every error that ends a command: its text (secrets masked) on stderr, its exit code returned. */
function report (err: unknown, name: string, io: Io): number {
  const secrets = Object.entries(io.env).filter(([k]) => /SECRET|TOKEN|AES_KEY/.test(k)).map(([, v]) => v)
  const app = asAppError(err)
  if (app instanceof UsageError) {
    io.err(`${name}: ${errorText(app, io.lang)}\n\n${usageText(USAGES[name], io)}`)
    return app.exitCode
  }
  if (app instanceof AppError) {
    io.err(maskSecrets(errorText(app, io.lang), secrets))
    return app.exitCode
  }
  // Not one of ours: a bug. Exit 2, since nothing was tested; 1 would claim a verdict.
  io.err(maskSecrets(render({ code: 'INTERNAL_ERROR', params: { detail: (err as Error)?.stack ?? String(err) } }, io.lang), secrets))
  return EXIT.COULD_NOT_RUN
}
