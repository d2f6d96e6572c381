import { once } from 'node:events'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'

/** Listens on an ephemeral loopback port and closes after the test. */
export async function listenLoopback (app: Pick<FastifyInstance, 'listen' | 'close'>): Promise<string> {
  onTestFinished(() => app.close())
  return app.listen({ port: 0, host: '127.0.0.1' })
}

/** A port that was free a moment ago, for configs that must name the port before listening. */
export async function freePort (): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const addr = s.address()
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

/** The origin of a loopback port that refuses connections: listened on once, then closed. */
export async function closedPortUrl (): Promise<string> {
  const s = createServer()
  await once(s.listen(0, '127.0.0.1'), 'listening')
  const { port } = s.address() as AddressInfo
  await new Promise(resolve => s.close(resolve))
  return `http://127.0.0.1:${port}`
}

/**
 * A plain node:http server on a loopback port, closed (its connections cut) after the test. Without a
 * listener it accepts requests and never answers: the peer that makes a timeout certain, not likely.
 */
export async function rawServer (listener: RequestListener = () => { /* never answers */ }): Promise<{ server: Server; origin: string }> {
  const server = createServer(listener)
  await once(server.listen(0, '127.0.0.1'), 'listening')
  onTestFinished(() => { server.closeAllConnections(); server.close() })
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
