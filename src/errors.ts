import type { Finding, Lang, Params } from './messages/types.js'
import { render } from './messages/render.js'

/** What the process tells a script (README "Exit codes"): 0 pass, 1 the verdict or check failed, 2 could not run. */
export const EXIT = { PASS: 0, FAILED: 1, COULD_NOT_RUN: 2 } as const
export type ExitCode = typeof EXIT[keyof typeof EXIT]

/**
 * The one error base of the CLI. `code` is stable (scripts and tests compare it, never the text);
 * `exitCode` says what the process exits with when this error ends a command.
 */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: string
  readonly exitCode: ExitCode
  readonly params: Params
  constructor (code: string, message: string, exitCode: ExitCode = EXIT.COULD_NOT_RUN, options?: { cause?: unknown; params?: Params }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.exitCode = exitCode
    this.params = options?.params ?? {}
  }

  /** An error whose text is rendered from the message catalogue. */
  static from<E extends AppError> (this: new (code: string, message: string) => E, finding: Finding): E {
    const e = new this(finding.code, render(finding))
    Object.assign(e, { params: finding.params ?? {} })
    return e
  }
}

/** A command line that cannot be understood: unknown command, unknown or missing flag. Exit 2. */
export class UsageError extends AppError {
  override name = 'UsageError'
  /** The command whose usage is printed after the problem ('' = the top-level usage). */
  command: string | undefined
  constructor (code: string, message: string) { super(code, message, EXIT.COULD_NOT_RUN) }
}

/** The configuration (.env, environment) is not valid or not sufficient. Exit 2. */
export class ConfigError extends AppError {
  override name = 'ConfigError'
  readonly problems: string[]
  constructor (problems: string[], code = 'CONFIG_INVALID', lang: Lang = 'en') {
    super(code, `${render({ code: 'CONFIG_INVALID_HEAD' }, lang)}\n${problems.map(p => `  - ${p}`).join('\n')}\n${render({ code: 'CONFIG_INVALID_FOOT' }, lang)}`, EXIT.COULD_NOT_RUN)
    this.problems = problems
  }
}

/** The machine is not ready: port in use, no public URL, dead tunnel, a capture not found. Exit 2. */
export class SetupError extends AppError {
  override name = 'SetupError'
  constructor (code: string, message: string, options?: { cause?: unknown; params?: Params }) { super(code, message, EXIT.COULD_NOT_RUN, options) }
}

/** WeChat refused the credentials or the caller IP, or could not be reached. Exit 2: nothing was tested. */
export class WechatRefusedError extends AppError {
  override name = 'WechatRefusedError'
  constructor (code: string, message: string, options?: { cause?: unknown; params?: Params }) { super(code, message, EXIT.COULD_NOT_RUN, options) }
}

/** What listen() can refuse because of HOST or PORT, each with the catalogue text that names the fix. */
const LISTEN_CODES: Readonly<Record<string, string>> = {
  EADDRINUSE: 'LISTEN_EADDRINUSE',
  EADDRNOTAVAIL: 'LISTEN_EADDRNOTAVAIL',
  EACCES: 'LISTEN_EACCES',
  // HOST is resolved before binding: a misspelt name (locahost) fails in getaddrinfo.
  ENOTFOUND: 'LISTEN_HOST_UNKNOWN',
  EAI_AGAIN: 'LISTEN_HOST_UNKNOWN',
}

/** The catalogue code for an error code from listen() (or from resolving HOST for it), if it is a setup problem. */
export function listenCodeOf (code: string | undefined): string | undefined {
  return code === undefined ? undefined : LISTEN_CODES[code]
}

/** Codes of a file the user named (or its folder) that this user cannot use: a setup problem, not a bug. */
const FILE_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENOSPC'])

/**
 * A system error from listen() or from a file, as the AppError a person can act on; anything else
 * unchanged. Only listen()'s own errors speak of ports: EACCES from reading a folder is about the folder.
 */
export function asAppError (err: unknown): AppError | undefined {
  if (err instanceof AppError) return err
  const e = err as NodeJS.ErrnoException | undefined
  const listenCode = e?.syscall === 'listen' ? listenCodeOf(e.code) : undefined
  if (listenCode !== undefined) return SetupError.from({ code: listenCode, params: { detail: e?.message ?? '' } })
  if (e?.path !== undefined && e.code !== undefined && FILE_CODES.has(e.code)) {
    return SetupError.from({ code: 'FILE_ACCESS', params: { path: e.path, cause: e.code, syscall: e.syscall ?? '' } })
  }
  return undefined
}
