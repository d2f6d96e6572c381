import { request } from 'undici'
import { startServerChild, type ServerChild } from './child.js'
import type { ServerResult } from './report.js'

export interface InspectedResult { withInspector: ServerResult; eventsReceived: number }

/** A port that was free a moment ago: the child must name INSPECTOR_PORT before it listens. */
async function freePort (): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no free port'))))
    })
  })
}

/** One SSE client, as a browser tab on the inspector is: reads every event and counts the deliveries. */
async function subscribe (url: string): Promise<{ count: () => number; close: () => void }> {
  const abort = new AbortController()
  const res = await request(`${url}api/events`, { signal: abort.signal })
  let n = 0
  res.body.on('data', (chunk: Buffer) => { n += chunk.toString().split('event: delivery').length - 1 })
  res.body.on('error', () => {})
  return { count: () => n, close: () => abort.abort() }
}

/**
 * (b) again, with the inspector listening and one subscriber reading every delivery as it happens:
 * the figures to set beside (b)'s. `measure` is bench/run.ts's own, so both runs are measured alike.
 */
export async function measureWithInspector (
  env: Record<string, string>, measure: (name: string, s: ServerChild) => Promise<ServerResult>,
): Promise<InspectedResult> {
  const port = await freePort()
  const rx = await startServerChild('receiver-inspected.ts', { ...env, INSPECTOR_PORT: String(port) })
  const sub = await subscribe(`http://127.0.0.1:${port}/`)
  try {
    const withInspector = await measure('(b) receiver, inspector open, one SSE subscriber', rx)
    return { withInspector, eventsReceived: sub.count() }
  } finally {
    sub.close()
    await rx.stop()
  }
}

export function inspectorMarkdown (receiver: ServerResult, r: InspectedResult): string {
  const row = (name: string, x: ServerResult) => `| ${name} | ${Math.round(x.requestsPerS)} | ${x.p50Ms.toFixed(2)} | ${x.p99Ms.toFixed(2)} | ${x.cpuUsPerRequest.toFixed(0)} | ${x.peakRssMb.toFixed(1)} |`
  return [
    '',
    '## The receiver with the inspector open',
    '',
    'Same deliveries and connections as (b); the second run also has the inspector listening on 127.0.0.1 and one',
    `server-sent-events subscriber reading every delivery (it received ${r.eventsReceived} delivery events).`,
    '',
    '| run | req/s | p50 ms | p99 ms | CPU µs/request | peak RSS MB |',
    '|---|---|---|---|---|---|',
    row('(b) receiver', receiver),
    row('(b) receiver + inspector + 1 subscriber', r.withInspector),
    '',
  ].join('\n')
}
