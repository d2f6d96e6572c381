import { existsSync } from 'node:fs'
import { main } from './cli/dispatch.js'
import { processIo } from './cli/io.js'

// Values already in the environment win over .env (process.loadEnvFile does not overwrite).
if (existsSync('.env')) process.loadEnvFile('.env')
process.exitCode = await main(process.argv.slice(2), processIo())
