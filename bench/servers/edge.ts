import Fastify, { LogController } from 'fastify'
import { pino } from 'pino'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/log/logger.js'
import { closeDrain } from '../../src/plugins/close-drain.js'
import { connectionLimits } from '../../src/plugins/connection-limits.js'
import { errorHandler } from '../../src/plugins/error-handler.js'
import { overloadGuard } from '../../src/plugins/overload-guard.js'
import { serveOverIpc } from './ipc.js'

// The receiver's HTTP edge without the delivery handler: same Fastify options, plugins and body parser, a fixed answer.
// EDGE_PLAIN=1 drops the plugins and options (bare Fastify with the receiver's body parser).
const config = loadConfig(process.env, { isTTY: false })
const plain = process.env.EDGE_PLAIN === '1'
const app = Fastify(plain
  ? { logger: false }
  : { loggerInstance: createLogger(config, pino.destination({ dest: '/dev/null', sync: true })), logController: new LogController({ disableRequestLogging: true }), ...connectionLimits(config.limits) })
if (!plain) {
  await app.register(errorHandler)
  await app.register(overloadGuard, { notifyPath: config.notifyPath, maxEventLoopDelayMs: config.limits.maxEventLoopDelayMs })
  await app.register(closeDrain)
}
const answer = Buffer.from('{"errcode":0,"errmsg":"ok"}')
await app.register(async (scope) => {
  scope.removeAllContentTypeParsers()
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  scope.post(config.notifyPath, async (_req, reply) => reply.code(200).headers({ 'content-type': 'application/json; charset=utf-8' }).send(answer))
})
const url = await app.listen({ host: '127.0.0.1', port: 0 })
serveOverIpc(app, url)
