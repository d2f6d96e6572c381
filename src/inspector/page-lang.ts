import type { FastifyRequest } from 'fastify'
import type { Lang } from '../messages/types.js'

/**
 * The page says which language it shows (public/dom.js sends it with every API call): the server's
 * texts for it (results, refusals) follow the page, so a page opened with ?lang=zh, or in a Chinese
 * browser, reads Chinese throughout. Without the header, the run's language.
 */
export const PAGE_LANG_HEADER = 'x-inspector-lang'

export function pageLangOf (req: FastifyRequest, runLang: Lang | undefined): Lang | undefined {
  const asked = req.headers[PAGE_LANG_HEADER]
  return asked === 'zh' || asked === 'en' ? asked : runLang
}
