/** What a command needs from the process; tests pass their own. */
export interface Io {
  out (text: string): void
  err (text: string): void
  env: Record<string, string | undefined>
  isTTY: boolean
}

export function processIo (): Io {
  return {
    out: t => { process.stdout.write(t.endsWith('\n') ? t : t + '\n') },
    err: t => { process.stderr.write(t.endsWith('\n') ? t : t + '\n') },
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  }
}
