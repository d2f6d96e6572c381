import { writeSelfSignedCerts } from '../certs.js'
import type { Io } from './io.js'

export async function runCerts (_argv: string[], io: Io): Promise<number> {
  const { certFile, keyFile } = await writeSelfSignedCerts('certs')
  io.out(`wrote ${certFile} and ${keyFile} (self-signed for localhost and 127.0.0.1). Serve HTTPS with:\n  TLS_CERT_FILE=${certFile}\n  TLS_KEY_FILE=${keyFile}`)
  return 0
}
