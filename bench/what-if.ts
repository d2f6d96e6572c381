import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomAlnum } from '../src/config.js'
import { startServerChild } from './child.js'
import { makeDeliveries } from './deliveries.js'
import { runLoad } from './load.js'
import { runPacedLoad } from './paced-load.js'

/**
 * npx tsx bench/what-if.ts [seconds]: the receiver as is against the fixes docs/benchmarks.md
 * proposes, same load, one process each. Prints a Markdown table.
 */
const seconds = Number(process.argv[2] ?? 5)
const secrets = { appid: 'wx' + randomBytes(8).toString('hex'), token: randomAlnum(32), encodingAESKey: randomAlnum(43) }
const requests = makeDeliveries(secrets, 200)
const base = { WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey, WECHAT_APPSECRET: '', WECHAT_ACCESS_TOKEN: '', NOTIFY_PATH: '/nontax/notify', LOG_FORMAT: 'json', LOG_LEVEL: 'info' }
const variants: Array<[string, Record<string, string>]> = [
  ['as is (file store, fdatasync, info log)', {}],
  ['randomBytes from a 4 KiB pool', { WHATIF_POOL: '1' }],
  ['no fdatasync', { WHATIF_NOSYNC: '1' }],
  ['pool + no fdatasync', { WHATIF_POOL: '1', WHATIF_NOSYNC: '1' }],
  ['pool + no fdatasync + LOG_LEVEL=warn', { WHATIF_POOL: '1', WHATIF_NOSYNC: '1', LOG_LEVEL: 'warn' }],
]
const rows = ['| variant | req/s (50 connections) | server CPU µs / request | p50 ms at 1,000 req/s | p99 ms at 1,000 req/s |', '|---|---:|---:|---:|---:|']
for (const [name, env] of variants) {
  const dir = mkdtempSync(join(tmpdir(), 'nontax-whatif-'))
  const s = await startServerChild('what-if.ts', { ...base, ...env, CAPTURE_DIR: dir })
  await runLoad({ url: s.url, requests, connections: 50, durationS: 2 })
  const a = await s.probe()
  const r = await runLoad({ url: s.url, requests, connections: 50, durationS: seconds })
  const b = await s.probe()
  const p = await runPacedLoad({ url: s.url, requests, rate: 1000, durationS: seconds })
  rows.push(`| ${name} | ${Math.round(r.requestsPerS)} | ${Math.round((b.cpuUs - a.cpuUs) / r.total)} | ${p.p50Ms.toFixed(2)} | ${p.p99Ms.toFixed(2)} |`)
  process.stderr.write(rows.at(-1) + '\n')
  await s.stop()
  rmSync(dir, { recursive: true, force: true })
}
process.stdout.write(rows.join('\n') + '\n')
