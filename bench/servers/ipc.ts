import type { FastifyInstance } from 'fastify'

/** The child side of bench/child.ts: announce the URL, answer memory and CPU probes, close on "stop". */
export function serveOverIpc (app: FastifyInstance, url: string): void {
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'memory') {
      globalThis.gc?.()
      const mem = process.memoryUsage()
      const cpu = process.cpuUsage()
      process.send?.({ type: 'memory', rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, heapTotalBytes: mem.heapTotal, externalBytes: mem.external, maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuUs: cpu.user + cpu.system })
    } else if (m.type === 'stop') {
      await app.close()
      process.disconnect()
      // --cpu-prof writes its profile on a normal exit.
      process.exit(0)
    }
  })
  process.send?.({ type: 'listening', url })
}
