import { readFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'

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

export function registerPageFiles (app: FastifyInstance): void {
  for (const [route, { file, type }] of Object.entries(PAGE_FILES)) {
    app.get(route, async (_req, reply) => reply.type(type).send(await readFile(new URL(file, PUBLIC_DIR))))
  }
}
