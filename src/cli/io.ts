import type { Lang } from '../messages/types.js'

/** What a command needs from the process; tests pass their own. */
export interface Io {
  out (text: string): void
  err (text: string): void
  env: Record<string, string | undefined>
  isTTY: boolean
  /** Names whose values came from .env rather than the environment (for the preflight checklist). */
  fromFile?: ReadonlySet<string>
  /** The language a person reads, decided once by main() (--lang, else LC_ALL/LC_MESSAGES/LANG); en when absent. */
  lang?: Lang
}

export function processIo (fromFile: ReadonlySet<string> = new Set()): Io {
  return {
    out: t => { process.stdout.write(t.endsWith('\n') ? t : t + '\n') },
    err: t => { process.stderr.write(t.endsWith('\n') ? t : t + '\n') },
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    fromFile,
  }
}
