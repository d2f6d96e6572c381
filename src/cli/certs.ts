import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { writeSelfSignedCerts } from '../tls/certs.js'
import { SetupError } from '../errors.js'
import { parseFlags } from './args.js'
import type { Io } from './io.js'
import { listOf, render } from '../messages/render.js'

/** `dir` is for tests; the command writes into ./certs. */
export async function runCerts (argv: string[], io: Io, dir = 'certs'): Promise<number> {
  const { values } = parseFlags(argv, { force: { type: 'boolean' } })
  const existing = ['cert.pem', 'key.pem'].map(f => join(dir, f)).filter(f => existsSync(f))
  if (existing.length > 0 && values.force !== true) throw SetupError.from({ code: 'CERTS_EXIST', params: { files: listOf(existing, 'and') } })
  const { certFile, keyFile } = await writeSelfSignedCerts(dir)
  io.out(render({ code: 'CERTS_WROTE', params: { certFile, keyFile } }, io.lang))
  return 0
}
