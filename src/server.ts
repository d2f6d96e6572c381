import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'

/** Listens and returns the base URL (http or https) as a client on this machine reaches it. */
export async function listen (app: FastifyInstance, config: Pick<Config, 'host' | 'port' | 'tls'>): Promise<string> {
  await app.listen({ host: config.host, port: config.port })
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr !== null ? addr.port : config.port
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host
  return `${config.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
}
