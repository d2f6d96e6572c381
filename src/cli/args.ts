import { parseArgs, type ParseArgsConfig } from 'node:util'

import { UsageError } from '../errors.js'

export { UsageError }

/** parseArgs with strict checking, its errors turned into one usage message. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>> (argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals })
  } catch (err) {
    throw new UsageError('USAGE_BAD_FLAGS', (err as Error).message)
  }
}
