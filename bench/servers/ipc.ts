import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'

/** The child side of bench/child.ts: announce the URL, answer memory and CPU probes, close on "stop". */
export function serveOverIpc (app: FastifyInstance, url: string): void {
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'memory') {
      globalThis.gc?.()
      const mem = process.memoryUsage()
      const cpu = process.cpuUsage()
      process.send?.({ type: 'memory', rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, heapTotalBytes: mem.heapTotal, externalBytes: mem.external, maxRssBytes: peakRssBytes(), cpuUs: cpu.user + cpu.system, cpuSysUs: cpu.system })
    } else if (m.type === 'stop') {
      await app.close()
      process.disconnect()
      // --cpu-prof writes its profile on a normal exit.
      process.exit(0)
    }
  })
  process.send?.({ type: 'listening', url })
}

/**
 * This process's own peak RSS. `resourceUsage().maxRSS` is not: Linux carries the parent's peak
 * across fork + exec into the child's maxrss. VmHWM is per address space, so it starts afresh at exec.
 */
function peakRssBytes (): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kb !== undefined) return Number(kb) * 1024
  } catch {}
  return process.resourceUsage().maxRSS * 1024
}
