import autocannon, { type AutocannonRequest } from 'autocannon'

export interface LoadOptions {
  url: string
  requests: AutocannonRequest[]
  connections: number
  durationS?: number
  amount?: number
  overallRate?: number
}

export interface LoadResult {
  requestsPerS: number
  total: number
  /** Latency in ms from autocannon's 'response' events (sub-millisecond; autocannon's own histogram rounds to 1 ms). */
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** autocannon's p99, corrected for coordinated omission when a rate is set. */
  autocannonP99Ms: number
  errors: number
  non2xx: number
  /** Answers that were not errcode 0. */
  notOk: number
}

export async function runLoad (o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = []
  let notOk = 0
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    // Counts every answer that is not errcode 0 (an overload 299 must not pass for throughput).
    requests: o.requests.map(r => ({ ...r, onResponse: (status: number, body: string) => { if (status !== 200 || !body.startsWith('{"errcode":0')) notOk++ } })),
    timeout: 10,
    ...(o.amount !== undefined ? { amount: o.amount } : { duration: o.durationS ?? 10 }),
    ...(o.overallRate !== undefined ? { overallRate: o.overallRate } : {}),
  })
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (latencies.length < 2_000_000) latencies.push(ms)
  })
  const r = await instance
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
  const total = latencies.length
  return {
    requestsPerS: total / r.duration,
    total,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    autocannonP99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    notOk,
  }
}
