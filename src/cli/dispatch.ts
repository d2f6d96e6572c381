import { ConfigError } from '../config.js'
import { UsageError } from './args.js'
import { runCaptures } from './captures.js'
import { runCerts } from './certs.js'
import { runCheck } from './check.js'
import type { Io } from './io.js'
import { RUN_USAGE, runRun } from './run.js'
import { SERVE_USAGE, runServe } from './serve.js'
import { maskSecrets } from '../protocol/mask.js'

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  run: runRun,
  serve: runServe,
  check: runCheck,
  captures: runCaptures,
  certs: runCerts,
}

const OWN_HELP = new Set(['captures', 'check'])

const USAGE = `usage: nontax-debugger <command> [options]
commands: run (npm start), serve (npm run serve), check, captures, certs
${RUN_USAGE}
${SERVE_USAGE}`

export async function main (argv: string[], io: Io): Promise<number> {
  const [name = 'run', ...rest] = argv
  const command = COMMANDS[name]
  if (!command) {
    io.err(USAGE)
    return ['help', '--help', '-h'].includes(name) ? 0 : 2
  }
  // captures and check print their own, more specific usage.
  if (!OWN_HELP.has(name) && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(USAGE)
    return 0
  }
  try {
    return await command(rest, io)
  } catch (err) {
    const secrets = Object.entries(io.env).filter(([k]) => /SECRET|TOKEN|AES_KEY/.test(k)).map(([, v]) => v)
    if (err instanceof UsageError) io.err(`${err.message}\n${USAGE}`)
    else io.err(maskSecrets(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`, secrets))
    return err instanceof UsageError || err instanceof ConfigError ? 2 : 1
  }
}
