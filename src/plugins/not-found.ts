import fp from 'fastify-plugin'
import { logFinding } from '../log/pretty-message.js'
import { finding } from '../messages/render.js'
import { escapeControls } from '../log/terminal-safe.js'

export interface NotFoundOptions { notifyPath: string }

/**
 * A request for any other path or method gets a bare 404, and the operator a warning naming the
 * callback path: a console URL with a typo or a trailing slash would otherwise look exactly like
 * "WeChat never called". The answer names nothing (the tunnel is public); the log does.
 */
export const notFound = fp<NotFoundOptions>(async (app, opts) => {
  app.setNotFoundHandler(async (req, reply) => {
    const path = escapeControls(req.url.split('?')[0] ?? '')
    const onNotifyPath = path === opts.notifyPath
    const [coded, msg] = logFinding(finding(onNotifyPath ? 'NOT_FOUND_METHOD' : 'NOT_FOUND_PATH', { method: escapeControls(req.method), path, notifyPath: opts.notifyPath }))
    req.log.warn({ notFound: { method: req.method, path, remoteAddress: req.ip }, ...coded }, msg)
    return reply.code(404).send({ error: 'Not Found' })
  })
}, { name: 'nontax-not-found', fastify: '5.x' })
