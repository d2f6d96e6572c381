import { readFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import type { Lang } from '../messages/types.js'

const PUBLIC_DIR = new URL('./public/', import.meta.url)

/**
 * A fixed table, not a directory: only these names are ever read, so no request path can reach
 * another file. (@fastify/static is not a dependency; five files do not need one.)
 */
export const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/list.js': { file: 'list.js', type: 'text/javascript; charset=utf-8' },
  '/detail.js': { file: 'detail.js', type: 'text/javascript; charset=utf-8' },
  '/actions.js': { file: 'actions.js', type: 'text/javascript; charset=utf-8' },
  '/dom.js': { file: 'dom.js', type: 'text/javascript; charset=utf-8' },
  '/text.js': { file: 'text.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
}

export function registerPageFiles (app: FastifyInstance, lang?: Lang): void {
  for (const [route, { file, type }] of Object.entries(PAGE_FILES)) {
    app.get(route, async (_req, reply) => {
      const bytes = await readFile(new URL(file, PUBLIC_DIR))
      // A run in Chinese opens the page in Chinese whatever the browser's language (text.js reads data-lang).
      if (file !== 'index.html' || lang !== 'zh') return reply.type(type).send(bytes)
      return reply.type(type).send(bytes.toString('utf8').replace('<html lang="en">', '<html lang="zh-CN" data-lang="zh">'))
    })
  }
}
