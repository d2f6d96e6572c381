import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { LoadResult } from './load.js'
import type { MemorySample } from './child.js'
import type { PacedResult } from './paced-load.js'

export interface Growth {
  deliveries: number
  seconds: number
  notOk: number
  rssMb: number[]
  /** Least-squares slope of RSS over the samples, scaled to `deliveries`: a leak is a trend, not one reading. */
  rssTrendMb: number
  heapBeforeMb: number
  heapAfterMb: number
  heapTotalMb: number[]
}

export function summarizeGrowth (samples: MemorySample[], deliveries: number, seconds: number, notOk: number): Growth {
  const MB = 1_048_576
  const ys = samples.map(s => s.rssBytes / MB)
  const n = ys.length
  const xMean = (n - 1) / 2
  const yMean = ys.reduce((a, b) => a + b, 0) / n
  const slope = ys.reduce((acc, y, x) => acc + (x - xMean) * (y - yMean), 0) / ys.reduce((acc, _y, x) => acc + (x - xMean) ** 2, 0)
  return {
    deliveries, seconds, notOk,
    rssMb: ys,
    rssTrendMb: slope * (n - 1),
    heapBeforeMb: (samples[0]?.heapUsedBytes ?? NaN) / MB,
    heapAfterMb: (samples[n - 1]?.heapUsedBytes ?? NaN) / MB,
    heapTotalMb: samples.map(s => s.heapTotalBytes / MB),
  }
}

export type ServerResult = LoadResult & { peakRssMb: number; cpuUsPerRequest: number; sysUsPerRequest: number; cpuShare: number }

/** Several runs of one server as one row: sums for counts, means for rates and CPU, the worst peak RSS. */
export function averageRuns (runs: ServerResult[]): ServerResult {
  const first = runs[0]
  if (!first) throw new Error('averageRuns needs at least one run')
  const mean = (f: (r: ServerResult) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length
  const sum = (f: (r: ServerResult) => number) => runs.reduce((a, r) => a + f(r), 0)
  return {
    ...first,
    requestsPerS: mean(r => r.requestsPerS), p50Ms: mean(r => r.p50Ms), p99Ms: mean(r => r.p99Ms), maxMs: Math.max(...runs.map(r => r.maxMs)),
    total: sum(r => r.total), errors: sum(r => r.errors), notOk: sum(r => r.notOk),
    peakRssMb: Math.max(...runs.map(r => r.peakRssMb)),
    // Per request over all runs, not a mean of means: a slow run weighs by its requests.
    cpuUsPerRequest: sum(r => r.cpuUsPerRequest * r.total) / sum(r => r.total),
    sysUsPerRequest: sum(r => r.sysUsPerRequest * r.total) / sum(r => r.total),
    cpuShare: mean(r => r.cpuShare),
  }
}

export interface BenchResults {
  date: string
  cpus: number
  cpuModel: string
  /** 1-minute load average when the bench started and when it ended: the machine may be shared. */
  loadAverage: [number, number]
  node: string
  platform: string
  store: string
  deliveries: number
  connections: number
  durationS: number
  bare: ServerResult
  receiver: ServerResult
  /** Today's receiver before the speed work, run in the same bench from a git worktree of `commit`. */
  baseline?: { rev: string; commit: string; result: ServerResult; rounds: number }
  /** (f) bench/servers/floor.ts: only the promises, nothing else; alternated with (b0) and (b). */
  floor?: ServerResult
  fixedRate: { rate: number; paced: PacedResult; barePaced: PacedResult; overallRate: LoadResult }
  growth: Growth
  loop: { inProcessFirstMs: number; inProcessMs: number; cliMs: number; runs: number; allPassed: boolean }
}

export const TARGETS = { ratio: 0.25, cpuVsBaseline: 0.5, p99AtRateMs: 5, rssGrowthMb: 20, loopMs: 1500 }

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–')
const int = (n: number) => Math.round(n).toLocaleString('en-US')
const ok = (pass: boolean) => (pass ? '✅ met' : '❌ missed')

export function checks (r: BenchResults) {
  const ratio = r.receiver.requestsPerS / r.bare.requestsPerS
  const growthMb = r.growth.rssTrendMb
  const cpu = r.baseline ? r.receiver.cpuUsPerRequest / r.baseline.result.cpuUsPerRequest : NaN
  // A run where answers failed measured something cheaper than a delivery: its figures prove nothing.
  const failed = r.receiver.notOk + r.receiver.errors + (r.baseline ? r.baseline.result.notOk + r.baseline.result.errors : 0)
  const invalid = failed > 0 ? `invalid: ${int(failed)} answers not errcode 0` : undefined
  return [
    { what: 'CPU per delivery, (b)/(b0)', value: invalid ?? (r.baseline ? f2(cpu) : 'no baseline'), target: `≤ ${TARGETS.cpuVsBaseline}`, pass: !invalid && cpu <= TARGETS.cpuVsBaseline },
    { what: 'throughput ratio (b)/(a)', value: invalid ?? f2(ratio), target: `≥ ${TARGETS.ratio}`, pass: !invalid && ratio >= TARGETS.ratio },
    { what: `p99 of (b) at a steady ${int(r.fixedRate.rate)} req/s`, value: `${f2(r.fixedRate.paced.p99Ms)} ms`, target: `< ${TARGETS.p99AtRateMs} ms`, pass: r.fixedRate.paced.p99Ms < TARGETS.p99AtRateMs },
    { what: `RSS growth of (b) over ${int(r.growth.deliveries)} deliveries (trend)`, value: `${f1(growthMb)} MB`, target: `< ${TARGETS.rssGrowthMb} MB`, pass: growthMb < TARGETS.rssGrowthMb },
    { what: '(c) embedded loop, start → verdict (in process, first run)', value: `${int(r.loop.inProcessFirstMs)} ms`, target: `< ${int(TARGETS.loopMs)} ms`, pass: r.loop.inProcessFirstMs < TARGETS.loopMs },
    { what: '(c) `npm start -- --once`, process start → exit', value: `${int(r.loop.cliMs)} ms`, target: `< ${int(TARGETS.loopMs)} ms`, pass: r.loop.cliMs < TARGETS.loopMs },
  ]
}

export function renderMarkdown (r: BenchResults): string {
  const ratio = r.receiver.requestsPerS / r.bare.requestsPerS
  const row = (name: string, x: ServerResult) =>
    `| ${name} | ${int(x.requestsPerS)} | ${f2(x.p50Ms)} | ${f2(x.p99Ms)} | ${f1(x.peakRssMb)} | ${int(x.cpuUsPerRequest)} (${int(x.sysUsPerRequest)}) | ${int(x.cpuShare * 100)}% | ${int(x.total)} | ${x.errors + x.notOk} |`
  return [
    `Measured ${r.date} on ${r.cpus} CPUs (${r.cpuModel}), Node ${r.node}, ${r.platform}; 1-minute load average ${r.loadAverage[0].toFixed(1)} at the start, ${r.loadAverage[1].toFixed(1)} at the end.`,
    `Load: autocannon from the parent process, ${r.connections} connections, ${r.durationS} s per run after a 3 s warm-up, the same ${r.deliveries} distinct signed and encrypted deliveries for both servers; each server in its own process (server CPU from \`process.cpuUsage()\`, peak RSS from the server's own \`VmHWM\`, reported by the server itself over IPC).`,
    r.baseline ? `(b0) is the receiver at commit ${r.baseline.commit} (\`--baseline ${r.baseline.rev}\`, before the speed work), checked out into a temporary git worktree by the bench and run by the same server script; (b0) and (b) alternate, ${r.baseline.rounds} run(s) each (b0 b b b0 …), and each row averages its runs.` : '(b0) not measured: no baseline commit.',
    `(b) is the receiver as \`npm run serve\` builds it: signature check, decryption, ${r.store}, pino at info (to /dev/null), overload guard on.`,
    ...(r.floor ? ['(f) keeps the same promises and nothing else (no diagnosis, no duplicate or replay flags, no limits or explanations), one NDJSON file with write + fdatasync per batch: what any receiver spends on this machine. It runs in the same rounds as (b0) and (b).'] : []),
    '',
    '| server | requests/s | p50 ms | p99 ms | peak RSS MB | server CPU µs / request (of it kernel) | server CPU (of one core) | requests | errors / not errcode 0 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('(a) bare Fastify, fixed JSON answer', r.bare),
    ...(r.baseline ? [row(`(b0) the receiver at ${r.baseline.commit} (today's, before)`, r.baseline.result)] : []),
    row('(b) this receiver', r.receiver),
    `| **ratio (b)/(a)** | **${f2(ratio)}** | | | | | | | |`,
    ...(r.floor ? [row('(f) the floor: only the promises, nothing else (bench/servers/floor.ts)', r.floor)] : []),
    ...(r.baseline ? [`| **CPU per delivery (b)/(b0)** | | | | | **${f2(r.receiver.cpuUsPerRequest / r.baseline.result.cpuUsPerRequest)}** | | | |`] : []),
    ...(r.baseline && r.floor ? [`| CPU per delivery (f)/(b0): the least any receiver spends here, against the same baseline | | | | | ${f2(r.floor.cpuUsPerRequest / r.baseline.result.cpuUsPerRequest)} | | | |`] : []),
    '',
    `| at ${int(r.fixedRate.rate)} req/s for ${r.durationS} s | p50 ms | p99 ms | max ms | not errcode 0 |`,
    '|---|---:|---:|---:|---:|',
    `| (b) paced open loop (latency from each request's due time) | ${f2(r.fixedRate.paced.p50Ms)} | ${f2(r.fixedRate.paced.p99Ms)} | ${f2(r.fixedRate.paced.maxMs)} | ${r.fixedRate.paced.notOk} |`,
    `| (a) bare Fastify, same pacing, for reference | ${f2(r.fixedRate.barePaced.p50Ms)} | ${f2(r.fixedRate.barePaced.p99Ms)} | ${f2(r.fixedRate.barePaced.maxMs)} | ${r.fixedRate.barePaced.notOk} |`,
    `| (b) autocannon \`overallRate\`, 10 connections (bursts at the top of each second; p99 ${f2(r.fixedRate.overallRate.autocannonP99Ms)} ms by autocannon's corrected histogram) | ${f2(r.fixedRate.overallRate.p50Ms)} | ${f2(r.fixedRate.overallRate.p99Ms)} | ${f2(r.fixedRate.overallRate.maxMs)} | ${r.fixedRate.overallRate.errors + r.fixedRate.overallRate.notOk} |`,
    '',
    `| memory of (b) across ${int(r.growth.deliveries)} more deliveries (${f1(r.growth.seconds)} s, ${r.growth.notOk} not errcode 0), after a forced GC | first | min | max | last | growth |`,
    '|---|---:|---:|---:|---:|---:|',
    `| RSS MB, ${r.growth.rssMb.length} samples (growth: least-squares trend) | ${f1(r.growth.rssMb[0] ?? NaN)} | ${f1(Math.min(...r.growth.rssMb))} | ${f1(Math.max(...r.growth.rssMb))} | ${f1(r.growth.rssMb.at(-1) ?? NaN)} | ${f1(r.growth.rssTrendMb)} |`,
    `| V8 heap reserved (heapTotal) MB | ${f1(r.growth.heapTotalMb[0] ?? NaN)} | ${f1(Math.min(...r.growth.heapTotalMb))} | ${f1(Math.max(...r.growth.heapTotalMb))} | ${f1(r.growth.heapTotalMb.at(-1) ?? NaN)} | |`,
    `| V8 heap used MB (live objects) | ${f1(r.growth.heapBeforeMb)} | | | ${f1(r.growth.heapAfterMb)} | ${f1(r.growth.heapAfterMb - r.growth.heapBeforeMb)} |`,
    '',
    `| (c) embedded loop (emulator → two deliveries → verdict), ${r.loop.runs} runs | ms | verdict |`,
    '|---|---:|---|',
    `| in process, first run (code loaded, not yet warm): \`startLoop()\` → \`run()\` resolves | ${int(r.loop.inProcessFirstMs)} | ${r.loop.allPassed ? 'pass' : 'FAIL'} |`,
    `| in process, median (warm) | ${int(r.loop.inProcessMs)} | ${r.loop.allPassed ? 'pass' : 'FAIL'} |`,
    `| \`npm start -- --once --json --emulator\` (through npm): spawn → exit, median | ${int(r.loop.cliMs)} | ${r.loop.allPassed ? 'pass' : 'FAIL'} |`,
    '',
    '| target | measured | goal | |',
    '|---|---:|---:|---|',
    ...checks(r).map(c => `| ${c.what} | ${c.value} | ${c.target} | ${ok(c.pass)} |`),
  ].join('\n')
}

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->'
const END = '<!-- bench:results:end -->'

/** Replaces the generated block and keeps the hand-written analysis around it. */
export function writeReport (path: string, markdown: string): void {
  const block = `${START}\n${markdown}\n${END}`
  const current = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const i = current.indexOf(START)
  const j = current.indexOf(END)
  const next = i >= 0 && j > i
    ? current.slice(0, i) + block + current.slice(j + END.length)
    : `# Benchmarks\n\nRun with \`npm run bench\` (about two minutes; not part of \`npm test\`).\n\n## Results\n\n${block}\n`
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, next)
}
