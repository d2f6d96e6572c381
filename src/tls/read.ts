import { readFileSync } from 'node:fs'
import { ConfigError } from '../config.js'
import type { TlsPair } from '../plugins/connection-limits.js'

/** Read the PEM pair named by TLS_CERT_FILE / TLS_KEY_FILE; an unreadable file is a configuration error (exit 2) that names the fix. */
export function readTls (tls: { certFile: string; keyFile: string }): TlsPair {
  const read = (file: string, name: string) => {
    try {
      return readFileSync(file)
    } catch (err) {
      throw new ConfigError([`${name}=${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); run "npm run certs" to write a self-signed pair into certs/, or point ${name} at a readable PEM file`])
    }
  }
  return { cert: read(tls.certFile, 'TLS_CERT_FILE'), key: read(tls.keyFile, 'TLS_KEY_FILE') }
}
