// Minimal typings for the parts of autocannon@8 the bench uses (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  export interface Options {
    url: string
    connections?: number
    pipelining?: number
    duration?: number
    amount?: number
    overallRate?: number
    requests?: AutocannonRequest[]
    timeout?: number
    excludeErrorStats?: boolean
  }

  export interface Histogram {
    average: number; mean: number; stddev: number; min: number; max: number; total: number
    p50: number; p90: number; p97_5: number; p99: number; p99_9: number
  }

  export interface Result {
    duration: number
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    mismatches: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop (): void
  }

  function autocannon (opts: Options): Instance
  export default autocannon
}
