import type { FastifyError } from 'fastify'
import fp from 'fastify-plugin'

export const INTERNAL_ERROR_TEXT = 'internal error in the receiver; the detail is in its log'

/**
 * The root error handler for routes that have none of their own (the receiver answers its errors
 * with an errcode). A caller's mistake (4xx) is told what Fastify found; an internal error (5xx)
 * never echoes its text, which may hold paths or secrets: the caller gets a fixed sentence, the
 * log gets the error with its stack and the request id to find it.
 */
export const errorHandler = fp(async (app) => {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500
    if (status < 500) return reply.code(status).send({ error: err.message, code: err.code })
    req.log.error({ err, reqId: req.id }, `${req.method} ${req.url.split('?')[0]} → ${status}: ${err.message}`)
    return reply.code(status).send({ error: INTERNAL_ERROR_TEXT, reqId: req.id })
  })
}, { name: 'nontax-error-handler', fastify: '5.x' })
