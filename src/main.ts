import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { main } from './cli/dispatch.js'
import { processIo } from './cli/io.js'

// Values already in the environment win over the file (process.loadEnvFile does not overwrite).
// ENV_FILE names another file; ENV_FILE=none loads none (the test suite spawns servers that way).
// The names the file supplied are kept so the preflight can say where each value came from.
const envFile = process.env.ENV_FILE || '.env'
const fromFile = new Set<string>()
if (envFile !== 'none' && existsSync(envFile)) {
  // Without the BOM Windows editors put first, the first name would read "\uFEFFNONTAX_TOKEN": silently unknown.
  const values = parseEnv(readFileSync(envFile, 'utf8').replace(/^\uFEFF/, ''))
  for (const [name, value] of Object.entries(values)) {
    if (process.env[name] !== undefined) continue
    fromFile.add(name)
    process.env[name] = value
  }
}
// A reader that stops early (`| head`, a `jq` that exits) closes the pipe: the rest of the output
// has nowhere to go, which is not this command's failure (it was a stack trace and exit 1).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => { if (err.code !== 'EPIPE') throw err })
}
process.exitCode = await main(process.argv.slice(2), processIo(fromFile))
