import { existsSync } from 'node:fs'
import { main } from './cli/dispatch.js'
import { processIo } from './cli/io.js'

// Values already in the environment win over the file (process.loadEnvFile does not overwrite).
// ENV_FILE names another file; ENV_FILE=none loads none (the test suite spawns servers that way).
const envFile = process.env.ENV_FILE || '.env'
if (envFile !== 'none' && existsSync(envFile)) process.loadEnvFile(envFile)
process.exitCode = await main(process.argv.slice(2), processIo())
