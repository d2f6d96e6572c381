import type { FastifyInstance } from 'fastify'

/**
 * Node's server.close() ends only the connections idle at that moment; a keep-alive connection
 * whose last request finishes afterwards stays open until KEEP_ALIVE_TIMEOUT_MS, holding the exit.
 * Once closing, every answer says `Connection: close`, so Node ends the socket right after it.
 */
export function registerCloseDrain (app: FastifyInstance): void {
  let closing = false
  app.addHook('preClose', async () => { closing = true })
  // Callback style: this runs on every answer, and an async hook costs a promise each time.
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
}
