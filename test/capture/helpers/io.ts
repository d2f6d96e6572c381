import type { Io } from '../../../src/cli/io.js'
import { runCaptures, type CapturesDeps } from '../../../src/cli/captures.js'

export interface Ran { code: number; out: string; err: string }

/** Runs `captures <argv>` as a user would, collecting what would reach stdout and stderr. */
export async function captures (argv: string[], env: Record<string, string>, deps?: CapturesDeps): Promise<Ran> {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: t => out.push(t), err: t => err.push(t), env, isTTY: false }
  const code = await runCaptures(argv, io, deps)
  return { code, out: out.join('\n'), err: err.join('\n') }
}
