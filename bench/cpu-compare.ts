import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { randomAlnum } from '../src/config.js'
import { checkoutBaseline, DEFAULT_BASELINE, type Baseline } from './baseline.js'
import { startServerChild } from './child.js'
import { makeDeliveries } from './deliveries.js'
import { runLoad } from './load.js'

/**
 * npx tsx bench/cpu-compare.ts [--amount 20000 --connections 50 --rounds 3 --baseline 3fa5ae1|none --bare --floor]
 * Server CPU (user + kernel, from the server's own process.cpuUsage()) per delivery, for this
 * receiver and the baseline side by side, alternated, a fixed number of deliveries each. A quicker
 * look than npm run bench while working on the delivery path; the bench is the measurement of record.
 */
const { values } = parseArgs({
  options: {
    amount: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    baseline: { type: 'string', default: DEFAULT_BASELINE },
    bare: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    edge: { type: 'boolean', default: false },
    mem: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
})
const amount = Number(values.amount)
const connections = Number(values.connections)
const secrets = { appid: 'wx' + randomBytes(8).toString('hex'), token: randomAlnum(32), encodingAESKey: randomAlnum(43) }
const requests = makeDeliveries(secrets, 200)
const captureDir = mkdtempSync(join(tmpdir(), 'nontax-cpu-compare-'))
const env = {
  WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey,
  WECHAT_APPSECRET: '', WECHAT_ACCESS_TOKEN: '', NOTIFY_PATH: '/nontax/notify', LOG_LEVEL: 'info', LOG_FORMAT: 'json', CAPTURE_DIR: captureDir,
}
const baseline: Baseline | string = values.baseline === 'none' ? 'none' : checkoutBaseline(values.baseline ?? DEFAULT_BASELINE)
const variants: Array<{ name: string, script: string, env: Record<string, string> }> = [
  ...(values.bare ? [{ name: 'bare', script: 'bare.ts', env: {} }] : []),
  ...(values.edge ? [{ name: 'edge-plain', script: 'edge.ts', env: { ...env, EDGE_PLAIN: '1' } }, { name: 'edge', script: 'edge.ts', env }] : []),
  ...(typeof baseline === 'object' ? [{ name: 'b0', script: 'receiver.ts', env: { ...env, BENCH_SRC_ROOT: baseline.root } }] : []),
  { name: 'b', script: 'receiver.ts', env },
  ...(values.floor ? [{ name: 'floor', script: 'floor.ts', env }] : []),
  ...(values.mem ? [{ name: 'b-memory-store', script: 'receiver.ts', env: { ...env, BENCH_STORE: 'memory' } }] : []),
]
const results = new Map<string, number[]>()
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const v of round % 2 === 0 ? variants : [...variants].reverse()) {
      const server = await startServerChild(v.script, v.env, values['cpu-prof'])
      await runLoad({ url: server.url, requests, connections, amount: Math.min(3000, amount) })
      const start = await server.probe()
      const r = await runLoad({ url: server.url, requests, connections, amount })
      const end = await server.probe()
      await server.stop()
      const us = (end.cpuUs - start.cpuUs) / r.total
      const sys = (end.cpuSysUs - start.cpuSysUs) / r.total
      results.set(v.name, [...(results.get(v.name) ?? []), us])
      process.stderr.write(`${v.name}: ${us.toFixed(0)} µs CPU/delivery (${sys.toFixed(0)} kernel), ${Math.round(r.requestsPerS)} req/s, ${r.notOk} not ok, ${r.errors} errors\n`)
    }
  }
} finally {
  if (typeof baseline === 'object') baseline.remove()
  rmSync(captureDir, { recursive: true, force: true })
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
for (const [name, xs] of results) process.stderr.write(`${name}: mean ${mean(xs).toFixed(0)} µs (${xs.map(x => x.toFixed(0)).join(', ')})\n`)
const b = results.get('b'), b0 = results.get('b0'), bare = results.get('bare')
if (b && b0) process.stderr.write(`b/b0 = ${(mean(b) / mean(b0)).toFixed(2)}\n`)
const floor = results.get('floor')
if (b && floor) process.stderr.write(`floor/b = ${(mean(floor) / mean(b)).toFixed(2)}\n`)
if (b && bare) process.stderr.write(`bare/b (throughput-equivalent) = ${(mean(bare) / mean(b)).toFixed(2)}\n`)
