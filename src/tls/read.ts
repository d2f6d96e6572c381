import { readFileSync } from 'node:fs'
import { createSecureContext } from 'node:tls'
import { ConfigError } from '../config.js'
import { render } from '../messages/render.js'
import type { Lang } from '../messages/types.js'
import type { TlsPair } from '../plugins/connection-limits.js'

/** Read the PEM pair named by TLS_CERT_FILE / TLS_KEY_FILE; an unreadable file is a configuration error (exit 2) that names the fix. */
export function readTls (tls: { certFile: string; keyFile: string }, lang: Lang = 'en'): TlsPair {
  const read = (file: string, name: string) => {
    try {
      return readFileSync(file)
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message
      throw new ConfigError([render({ code: 'TLS_FILE_UNREADABLE', params: { name, file, reason } }, lang)], 'CONFIG_INVALID', lang)
    }
  }
  const pair = { cert: read(tls.certFile, 'TLS_CERT_FILE'), key: read(tls.keyFile, 'TLS_KEY_FILE') }
  try {
    // Parsed here, where the files are named: the HTTPS server would throw OpenSSL's words as an internal error.
    createSecureContext(pair)
  } catch (err) {
    const reason = (err as Error).message.replace(/^error:[0-9A-F]+:/, '')
    throw new ConfigError([render({ code: 'TLS_PAIR_INVALID', params: { certFile: tls.certFile, keyFile: tls.keyFile, reason } }, lang)], 'CONFIG_INVALID', lang)
  }
  return pair
}
