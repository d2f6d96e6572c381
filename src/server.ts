import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import { SetupError } from './errors.js'

/** Listens and returns the base URL (http or https) as a client on this machine reaches it. */
export async function listen (app: FastifyInstance, config: Pick<Config, 'host' | 'port' | 'tls'>): Promise<string> {
  try {
    await app.listen({ host: config.host, port: config.port })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new SetupError('LISTEN_EADDRINUSE', `port ${config.port} on ${config.host} is already in use (another receiver still running?); stop it or set PORT to a free port`, { cause: err })
    if (code === 'EADDRNOTAVAIL') throw new SetupError('LISTEN_EADDRNOTAVAIL', `HOST ${config.host} is not an address of this machine; use 127.0.0.1 (behind a tunnel) or 0.0.0.0`, { cause: err })
    throw err
  }
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr !== null ? addr.port : config.port
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host
  return `${config.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
}
