import { main } from '../../src/cli/dispatch.js'
import type { Io } from '../../src/cli/io.js'

export interface MainResult { code: number; out: string; err: string }

/** Runs the CLI's main() in process with a fake io: what a user would see on stdout and stderr, and the exit code. */
export async function runMain (argv: string[], env: Record<string, string | undefined>, extra: Partial<Io> = {}): Promise<MainResult> {
  const out: string[] = []
  const err: string[] = []
  // The inspector on a free port (as every test server is), never the fixed default 4041 a developer's own run may hold.
  const io: Io = { out: t => out.push(t), err: t => err.push(t), env: { INSPECTOR_PORT: 'auto', ...env }, isTTY: false, ...extra }
  const code = await main(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}
