import type { FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'

/** Listens on an ephemeral loopback port and closes after the test. */
export async function listenLoopback (app: FastifyInstance): Promise<string> {
  onTestFinished(() => app.close())
  return app.listen({ port: 0, host: '127.0.0.1' })
}
