import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanEnv, EXAMPLES, startExample, tempDir } from '../../examples/helpers/example-process.js'
import type { Secrets } from '../../../src/protocol/profile.js'

/** One porting bug each, made in examples/node/handler.mjs the way people make it. */
export const BUGS = {
  none: [],
  /** Java's printHexBinary and friends: the digest in upper-case hex, compared strictly. */
  upperHex: [[".digest('hex')", ".digest('hex').toUpperCase()"]],
  /** A "pad byte over 16 is invalid" unpad (Java's PKCS5Padding behaves the same). */
  unpad16: [['if (pad < 1 || pad > BLOCK)', 'if (pad < 1 || pad > 16)']],
  /** Answers padded to AES's own 16-byte blocks. */
  pad16Answer: [['const n = BLOCK - (plain.length % BLOCK)', 'const n = 16 - (plain.length % 16)']],
  /** The classic: decryption works, so the signature check was dropped. */
  skipSignature: [['if (!sameSignature(', 'if (false && !sameSignature(']],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string]>>

/** Start examples/node/handler.mjs with one bug written in, as a real process; the URL it listens on. */
export async function startNodeHandler (secrets: Secrets, bug: keyof typeof BUGS): Promise<string> {
  let source = readFileSync(join(EXAMPLES, 'node', 'handler.mjs'), 'utf8')
  for (const [from, to] of BUGS[bug]) {
    if (!source.includes(from)) throw new Error(`examples/node/handler.mjs no longer contains ${JSON.stringify(from)}: update BUGS.${bug}`)
    source = source.split(from).join(to)
  }
  const dir = tempDir()
  writeFileSync(join(dir, 'handler.mjs'), source)
  const h = await startExample({ command: process.execPath, args: ['handler.mjs'], cwd: dir, env: cleanEnv(secrets, { PORT: '0' }), ready: /listening on (http:\/\/\S+)/ })
  return h.url
}
