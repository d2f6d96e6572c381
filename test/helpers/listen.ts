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
