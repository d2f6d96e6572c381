import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { randomAlnum } from '../src/config.js'
import { checkoutBaseline, DEFAULT_BASELINE } from './baseline.js'
import { startServerChild, type ServerChild } from './child.js'
import { inspectorMarkdown, measureWithInspector } from './inspector.js'
import { makeDeliveries } from './deliveries.js'
import { runLoad, type LoadResult } from './load.js'
import { measureLoop, median } from './loop-time.js'
import { runPacedLoad } from './paced-load.js'
import { averageRuns, checks, renderMarkdown, summarizeGrowth, writeReport, type BenchResults, type ServerResult } from './report.js'

/**
 * npm run bench [-- --duration 10 --connections 50 --rate 1000 --growth 100000 --baseline 3fa5ae1 --rounds 2 --cpu-prof --no-write]
 * (a) bare Fastify, (b0) the receiver as it was at --baseline (checked out into a git worktree
 * now), (b) this receiver and (f) the floor (servers/floor.ts: only the promises), same deliveries,
 * each in its own process, alternated (b0 b f, f b b0 …) so machine noise falls on all three; then
 * (b) at a fixed rate, (b)'s memory across many deliveries, and (c) the embedded loop. Writes
 * docs/benchmarks.md.
 */
// npm run bench -- discover: the discovery benchmark alone (bench/discover.ts).
if (process.argv[2] === 'discover') { await import('./discover.js'); process.exit(process.exitCode ?? 0) }
// npm run bench -- large: RSS with bodies near the 64 KiB limit (bench/large-bodies.ts).
if (process.argv[2] === 'large') { await import('./large-bodies.js'); process.exit(process.exitCode ?? 0) }
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rate: { type: 'string', default: '1000' },
    growth: { type: 'string', default: '100000' },
    'loop-runs': { type: 'string', default: '3' },
    baseline: { type: 'string', default: DEFAULT_BASELINE },
    rounds: { type: 'string', default: '2' },
    'cpu-prof': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
})
const durationS = Number(values.duration)
const connections = Number(values.connections)
const rate = Number(values.rate)
const growthN = Number(values.growth)
const rounds = Math.max(1, Number(values.rounds))
const DELIVERIES = 200
const MB = 1_048_576
const GROWTH_STEPS = 10
const say = (s: string) => process.stderr.write(s + '\n')
const ms = (n: number) => `${n.toFixed(2)} ms`
const fmt = (r: LoadResult) => `${Math.round(r.requestsPerS)} req/s, p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}, ${r.total} requests, ${r.errors} errors, ${r.notOk} not errcode 0`

const secrets = { appid: 'wx' + randomBytes(8).toString('hex'), token: randomAlnum(32), encodingAESKey: randomAlnum(43) }
const requests = makeDeliveries(secrets, DELIVERIES)
const captureDir = mkdtempSync(join(tmpdir(), 'nontax-bench-captures-'))
const cpuProfDir = values['cpu-prof'] ? fileURLToPath(new URL('./profiles/', import.meta.url)) : undefined
const receiverEnv = {
  WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey,
  WECHAT_APPSECRET: '', WECHAT_ACCESS_TOKEN: '', NOTIFY_PATH: '/nontax/notify', LOG_LEVEL: 'info', LOG_FORMAT: 'json', CAPTURE_DIR: captureDir,
}

async function measure (name: string, server: ServerChild): Promise<ServerResult> {
  say(`${name}: warm-up 3 s`)
  await runLoad({ url: server.url, requests, connections, durationS: 3 })
  say(`${name}: ${durationS} s at full speed, ${connections} connections`)
  const start = await server.probe()
  const r = await runLoad({ url: server.url, requests, connections, durationS })
  const end = await server.probe()
  const cpuUsPerRequest = (end.cpuUs - start.cpuUs) / r.total
  const cpuShare = (end.cpuUs - start.cpuUs) / 1e6 / durationS
  const sysUsPerRequest = (end.cpuSysUs - start.cpuSysUs) / r.total
  say(`  ${fmt(r)}, peak RSS ${(end.maxRssBytes / MB).toFixed(1)} MB, server CPU ${(cpuShare * 100).toFixed(0)}% of a core, ${cpuUsPerRequest.toFixed(0)} µs CPU per request (${sysUsPerRequest.toFixed(0)} µs of it in the kernel)`)
  return { ...r, peakRssMb: end.maxRssBytes / MB, cpuUsPerRequest, sysUsPerRequest, cpuShare }
}

const loadAtStart = loadavg()[0] ?? 0
const baseline = values.baseline === 'none' ? 'no baseline (--baseline none)' : checkoutBaseline(values.baseline ?? DEFAULT_BASELINE)
if (typeof baseline === 'string') say(baseline)

try {
  const bareServer = await startServerChild('bare.ts', {}, cpuProfDir)
  const bare = await measure('(a) bare Fastify', bareServer)
  const barePaced = await runPacedLoad({ url: bareServer.url, requests, rate, durationS })
  await bareServer.stop()

  const runs: { b0: ServerResult[]; b: ServerResult[]; f: ServerResult[] } = { b0: [], b: [], f: [] }
  for (let i = 0; i < rounds; i++) {
    const order: Array<'b0' | 'b' | 'f'> = i % 2 === 0 ? ['b0', 'b', 'f'] : ['f', 'b', 'b0']
    for (const which of order) {
      if (which === 'b0' && typeof baseline === 'string') continue
      const env = which === 'b0' && typeof baseline !== 'string' ? { ...receiverEnv, BENCH_SRC_ROOT: baseline.root } : receiverEnv
      const server = await startServerChild(which === 'f' ? 'floor.ts' : 'receiver.ts', env, cpuProfDir)
      runs[which].push(await measure(which === 'b0' ? `(b0) receiver at ${values.baseline}` : which === 'f' ? '(f) the floor' : '(b) receiver', server))
      await server.stop()
    }
  }
  const receiver = averageRuns(runs.b)
  const before = runs.b0.length > 0 ? averageRuns(runs.b0) : undefined
  const floor = averageRuns(runs.f)

  const rx = await startServerChild('receiver.ts', receiverEnv, cpuProfDir)
  say(`(b) receiver: ${rate} req/s for ${durationS} s, paced open loop, then autocannon overallRate`)
  const paced = await runPacedLoad({ url: rx.url, requests, rate, durationS })
  say(`  paced: p50 ${ms(paced.p50Ms)}, p99 ${ms(paced.p99Ms)}, max ${ms(paced.maxMs)}, ${paced.notOk} not errcode 0 (bare Fastify: p99 ${ms(barePaced.p99Ms)})`)
  const overallRate = await runLoad({ url: rx.url, requests, connections: 10, durationS, overallRate: rate })
  say(`  autocannon overallRate: ${fmt(overallRate)}`)
  say(`(b) receiver: memory across ${growthN} deliveries, sampled (after a forced GC) every ${growthN / GROWTH_STEPS}`)
  const t0 = performance.now()
  const samples = [await rx.probe()]
  let growthNotOk = 0
  for (let i = 0; i < GROWTH_STEPS; i++) {
    const g = await runLoad({ url: rx.url, requests, connections, amount: growthN / GROWTH_STEPS })
    growthNotOk += g.notOk + g.errors
    samples.push(await rx.probe())
  }
  const growth = summarizeGrowth(samples, growthN, (performance.now() - t0) / 1000, growthNotOk)
  say(`  RSS ${samples.map(m => (m.rssBytes / MB).toFixed(0)).join(' → ')} MB; trend ${growth.rssTrendMb.toFixed(1)} MB per ${growthN}; heap used ${growth.heapBeforeMb.toFixed(1)} → ${growth.heapAfterMb.toFixed(1)} MB`)
  await rx.stop()
  const inspected = await measureWithInspector(receiverEnv, measure)

  const loopRuns = Number(values['loop-runs'])
  say(`(c) embedded loop, ${loopRuns} runs`)
  const loop = await measureLoop(loopRuns)
  say(`  in process ${loop.inProcessMs.map(Math.round).join(', ')} ms; CLI ${loop.cliMs.map(Math.round).join(', ')} ms`)

  const results: BenchResults = {
    date: new Date().toISOString().slice(0, 10),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    loadAverage: [loadAtStart, loadavg()[0] ?? 0],
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    store: 'the durable NDJSON file store (createFileStore: group commit, fdatasync before answering)',
    deliveries: DELIVERIES,
    connections,
    durationS,
    bare,
    receiver,
    floor,
    ...(before && typeof baseline !== 'string' ? { baseline: { rev: values.baseline ?? DEFAULT_BASELINE, commit: baseline.commit.slice(0, 12), result: before, rounds } } : {}),
    fixedRate: { rate, paced, barePaced, overallRate },
    growth,
    loop: { inProcessFirstMs: loop.inProcessMs[0] ?? NaN, inProcessMs: median(loop.inProcessMs), cliMs: median(loop.cliMs), runs: loopRuns, allPassed: loop.allPassed },
  }
  const md = renderMarkdown(results) + inspectorMarkdown(receiver, inspected)
  process.stdout.write(md + '\n')
  if (!values['no-write']) {
    const path = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url))
    writeReport(path, md)
    say(`wrote ${path}`)
  }
  if (cpuProfDir) say(`CPU profiles in ${cpuProfDir}: npx tsx bench/profile-summary.ts <file>`)
  const missed = checks(results).filter(c => !c.pass)
  if (missed.length > 0) say(`targets missed: ${missed.map(c => c.what).join('; ')} (see docs/benchmarks.md, "Where the time goes")`)
} finally {
  rmSync(captureDir, { recursive: true, force: true })
  if (typeof baseline !== 'string') baseline.remove()
}
