import { parseArgs, type ParseArgsConfig } from 'node:util'

import { UsageError } from '../errors.js'
import type { Finding } from '../messages/types.js'

export { UsageError }

type Options = NonNullable<ParseArgsConfig['options']>

/** parseArgs with strict checking; its errors (English, from Node) become catalogue-coded usage errors. */
export function parseFlags<T extends Options> (argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals })
  } catch (err) {
    throw UsageError.from(flagProblem(err as NodeJS.ErrnoException, argv, options, allowPositionals))
  }
}

/**
 * Node's error code says what kind of problem it is; which flag it is comes from parseArgs' own
 * tokens (a lenient second pass), never from its English message.
 */
export function flagProblem (err: NodeJS.ErrnoException, argv: string[], options: Options, allowPositionals: boolean): Finding {
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true })
  const opts = tokens.flatMap(t => (t.kind === 'option' ? [t] : []))
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const t = opts.find(o => !Object.hasOwn(options, o.name))
      if (t) return { code: 'FLAG_UNKNOWN', params: { flag: t.rawName, known: knownFlags(options) } }
      break
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const t = opts.find(o => (options[o.name]?.type === 'string') === (o.value === undefined || o.value.startsWith('-')))
      if (t) return { code: options[t.name]?.type === 'string' ? 'FLAG_NEEDS_VALUE' : 'FLAG_TAKES_NO_VALUE', params: { flag: t.rawName } }
      break
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const t = tokens.find(x => x.kind === 'positional')
      if (t && !allowPositionals) return { code: 'FLAG_UNEXPECTED_ARGUMENT', params: { arg: t.value } }
      break
    }
  }
  return { code: 'FLAG_INVALID', params: { detail: err.message } }
}

const knownFlags = (options: Options) => Object.keys(options).map(k => `--${k}`).join(' ')
