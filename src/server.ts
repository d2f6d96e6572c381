import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import { listenCodeOf, SetupError } from './errors.js'
import { render } from './messages/render.js'

/** Listens and returns the base URL (http or https) as a client on this machine reaches it. */
export async function listen (app: FastifyInstance, config: Pick<Config, 'host' | 'port' | 'tls' | 'lang'>): Promise<string> {
  try {
    await app.listen({ host: config.host, port: config.port, listenTextResolver: address => render({ code: 'SERVER_LISTENING', params: { address } }, config.lang) })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    // Coded, so the command line shows it in the reader's language (the catalogue names the fix).
    const listenCode = listenCodeOf(code)
    if (listenCode !== undefined) throw Object.assign(SetupError.from({ code: listenCode, params: { detail: `${config.host}:${config.port}` } }), { cause: err })
    throw err
  }
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr !== null ? addr.port : config.port
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host
  return `${config.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
}
