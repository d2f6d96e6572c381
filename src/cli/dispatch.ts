import { ConfigError } from '../config.js'
import { UsageError } from './args.js'
import type { Io } from './io.js'
import { RUN_USAGE, SERVE_USAGE } from './usage.js'
import { maskSecrets } from '../protocol/mask.js'

type Command = (argv: string[], io: Io) => Promise<number>

// Loaded on demand: each command pulls in only its own modules, which keeps every start fast.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runRun,
  serve: async () => (await import('./serve.js')).runServe,
  check: async () => (await import('./check.js')).runCheck,
  captures: async () => (await import('./captures.js')).runCaptures,
  certs: async () => (await import('./certs.js')).runCerts,
}

const OWN_HELP = new Set(['captures', 'check'])

const USAGE = `usage: nontax-debugger <command> [options]
commands: run (npm start), serve (npm run serve), check, captures, certs
${RUN_USAGE}
${SERVE_USAGE}`

export async function main (argv: string[], io: Io): Promise<number> {
  const [name = 'run', ...rest] = argv
  const load = COMMANDS[name]
  if (!load) {
    io.err(USAGE)
    return ['help', '--help', '-h'].includes(name) ? 0 : 2
  }
  // captures and check print their own, more specific usage.
  if (!OWN_HELP.has(name) && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(USAGE)
    return 0
  }
  try {
    const command = await load()
    return await command(rest, io)
  } catch (err) {
    const secrets = Object.entries(io.env).filter(([k]) => /SECRET|TOKEN|AES_KEY/.test(k)).map(([, v]) => v)
    if (err instanceof UsageError) io.err(`${err.message}\n${USAGE}`)
    else io.err(maskSecrets(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`, secrets))
    return err instanceof UsageError || err instanceof ConfigError ? 2 : 1
  }
}
