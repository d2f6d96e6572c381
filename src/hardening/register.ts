import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { registerCloseDrain } from './close-drain.js'
import { registerOverloadGuard } from './overload.js'

/** Root-level guards for every route; call before the routes are registered so they inherit the hooks. */
export async function registerHardening (app: FastifyInstance, config: Pick<Config, 'notifyPath' | 'limits'>): Promise<void> {
  await registerOverloadGuard(app, { notifyPath: config.notifyPath, maxEventLoopDelayMs: config.limits.maxEventLoopDelayMs })
  registerCloseDrain(app)
}
