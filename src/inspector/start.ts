import type { Logger } from 'pino'
import { render } from '../messages/render.js'
import type { Lang } from '../messages/types.js'
import { buildInspector, type Inspector, type InspectorOptions } from './app.js'

/** Never configurable: a tunnel or forwarder to the receiver's port must not reach this page. */
export const INSPECTOR_HOST = '127.0.0.1'

export interface StartedInspector extends Inspector {
  url: string
  close (): Promise<void>
}

/**
 * Listens on 127.0.0.1:port ('auto' = any free port; 0 = off, resolves undefined). A busy port is
 * a warning, not a failure: the receiver is what the run is for.
 */
export async function startInspector (port: number | 'auto', o: InspectorOptions & { logger: Logger; lang?: Lang }): Promise<StartedInspector | undefined> {
  if (port === 0) {
    o.logger.info(render({ code: 'INSPECTOR_OFF' }, o.lang))
    return undefined
  }
  const inspector = await buildInspector(o)
  try {
    await inspector.app.listen({ host: INSPECTOR_HOST, port: port === 'auto' ? 0 : port, listenTextResolver: address => render({ code: 'SERVER_LISTENING', params: { address } }, o.lang) })
  } catch (err) {
    await inspector.app.close()
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
    o.logger.warn(render({ code: 'INSPECTOR_PORT_IN_USE', params: { port } }, o.lang))
    return undefined
  }
  const addr = inspector.app.server.address()
  const url = `http://${INSPECTOR_HOST}:${typeof addr === 'object' && addr ? addr.port : port}/`
  o.logger.info({ inspectorUrl: url }, render({ code: 'INSPECTOR_LISTENING', params: { url } }, o.lang))
  return { ...inspector, url, close: () => inspector.app.close() }
}

/** The one call `npm start` and `npm run serve` make: the inspector on the receiver app's store and events. */
export async function startInspectorFor (app: import('fastify').FastifyInstance, receiverUrl: string, logger: Logger): Promise<StartedInspector | undefined> {
  const { config, store, events, profile } = app.nontax
  const inspector = await startInspector(config.inspectorPort, { store, events, profile, secrets: config.secrets, logger, adminToken: config.adminToken, ...(config.lang !== undefined ? { lang: config.lang } : {}) })
  inspector?.setReceiverUrl(receiverUrl)
  return inspector
}
