import type { AutocannonRequest } from 'autocannon'
import { Pool } from 'undici'

export interface PacedResult {
  rate: number
  sent: number
  /** Latency in ms from when each request was due, so a stalled server cannot hide its queue (no coordinated omission). */
  p50Ms: number
  p99Ms: number
  maxMs: number
  notOk: number
}

/**
 * Open-loop load at a steady rate: request i is due at start + i/rate and is sent then, whatever
 * earlier requests are doing. autocannon's overallRate instead lets each connection fire its share
 * back to back at the top of every second and then pause, so its latencies describe bursts.
 */
export async function runPacedLoad (o: { url: string; requests: AutocannonRequest[]; rate: number; durationS: number; connections?: number }): Promise<PacedResult> {
  const pool = new Pool(o.url, { connections: o.connections ?? 50, pipelining: 1 })
  const total = Math.round(o.rate * o.durationS)
  const latencies: number[] = []
  let notOk = 0
  let sent = 0
  const inFlight: Array<Promise<void>> = []
  const start = performance.now()
  const fire = (i: number, dueAt: number) => {
    const r = o.requests[i % o.requests.length] ?? {}
    return pool.request({ method: 'POST', path: r.path ?? '/', headers: r.headers, body: r.body })
      .then(async res => {
        const body = await res.body.text()
        latencies.push(performance.now() - dueAt)
        if (res.statusCode !== 200 || !body.startsWith('{"errcode":0')) notOk++
      }, () => { notOk++ })
  }
  // Sleeps until the next request is due (a timer, not a setImmediate spin that would take a core
  // from the server under test); everything due by then is sent at once.
  await new Promise<void>(resolve => {
    const tick = () => {
      const now = performance.now()
      while (sent < total && start + (sent * 1000) / o.rate <= now) {
        inFlight.push(fire(sent, start + (sent * 1000) / o.rate))
        sent++
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / o.rate - performance.now()))
      else resolve()
    }
    tick()
  })
  await Promise.all(inFlight)
  await pool.close()
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
  return { rate: o.rate, sent, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies[latencies.length - 1] ?? NaN, notOk }
}
