import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { render } from '../messages/render.js'
import type { Lang } from '../messages/types.js'

/** No inline script or style, nothing from elsewhere: a hostile value that slips into markup still cannot run. */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ')

const LOCAL_HOSTNAMES = new Set(['127.0.0.1', 'localhost'])

function hostnameOf (host: string | undefined): string | undefined {
  if (host === undefined) return undefined
  try { return new URL(`http://${host}`).hostname } catch { return undefined }
}

const refuse = (reply: FastifyReply, status: number, code: Parameters<typeof render>[0], lang: Lang | undefined) =>
  reply.code(status).send({ error: code.code, message: render(code, lang) })

/**
 * Three walls for a page that renders sender-controlled bytes: a Host check (a DNS-rebinding page
 * on another name cannot read the API), CSP on every answer, and for state-changing calls a
 * same-origin check plus a JSON body with a custom header (which a cross-site form cannot send).
 */
/** `lang`: the run's language, for the refusals' text (the codes are the same in every language). */
export function registerGuards (app: FastifyInstance, lang?: Lang): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', CSP)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('x-frame-options', 'DENY')
    reply.header('cache-control', 'no-store')
    const host = req.headers.host
    if (!LOCAL_HOSTNAMES.has(hostnameOf(host) ?? '')) return refuse(reply, 421, { code: 'INSPECTOR_BAD_HOST', params: { host: host ?? '' } }, lang)
    if (req.method === 'GET' || req.method === 'HEAD') return
    if (!sameOrigin(req)) {
      return refuse(reply, 403, { code: 'INSPECTOR_CROSS_ORIGIN', params: { origin: String(req.headers.origin ?? '-'), site: String(req.headers['sec-fetch-site'] ?? '-') } }, lang)
    }
    const json = /^application\/json\b/i.test(req.headers['content-type'] ?? '')
    if (!json || req.headers['x-inspector'] !== '1') return refuse(reply, 415, { code: 'INSPECTOR_NEEDS_JSON' }, lang)
  })
}

function sameOrigin (req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = req.headers.origin
  if (origin === undefined) return true
  try {
    const o = new URL(origin)
    return LOCAL_HOSTNAMES.has(o.hostname) && o.host === req.headers.host
  } catch {
    return false
  }
}
