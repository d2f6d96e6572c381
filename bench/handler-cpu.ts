import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { createFileStore } from '../src/capture/file-store.js'
import { randomAlnum } from '../src/config.js'
import { createLogger, deliveryLog } from '../src/log/logger.js'
import { createWxBizMsgCryptProfile } from '../src/protocol/profile.js'
import { createDeliveryHandler } from '../src/receiver/handle-delivery.js'
import type { ReceivedRequest } from '../src/receiver/received-request.js'
import { makeDeliveries } from './deliveries.js'

/**
 * npx tsx bench/handler-cpu.ts [n]: CPU per delivery of the delivery handler alone, in process
 * (file store with fdatasync stubbed, JSON log to /dev/null): what the HTTP edge adds is the rest.
 */
const n = Number(process.argv[2] ?? 20000)
const secrets = { appid: 'wx' + randomBytes(8).toString('hex'), token: randomAlnum(32), encodingAESKey: randomAlnum(43) }
const reqs: ReceivedRequest[] = makeDeliveries(secrets, 200).map(d => {
  const path = d.path ?? ''
  const q = path.indexOf('?')
  return { method: 'POST', path: path.slice(0, q), query: path.slice(q + 1), headers: { host: '127.0.0.1:3000', 'content-type': d.headers?.['content-type'] ?? '', 'content-length': String(d.body?.length) }, body: Buffer.from(String(d.body)), remoteAddress: '127.0.0.1', mayForward: true }
})
const dir = mkdtempSync(join(tmpdir(), 'nontax-handler-cpu-'))
const store = await createFileStore({ dir, maxInMemory: 1000, ...(process.env.REAL_SYNC ? {} : { sync: async () => {} }) })
const logger = createLogger({ logLevel: 'info', logFormat: 'json' }, pino.destination({ dest: '/dev/null', sync: true }))
const handle = createDeliveryHandler({ store, profile: createWxBizMsgCryptProfile(), secrets, now: Date.now, onDelivery: () => {}, log: deliveryLog(logger) })
const run = async (count: number) => {
  // 50 in flight, as the bench's 50 connections: batches form as they do in the server.
  let i = 0
  await Promise.all(Array.from({ length: 50 }, async () => { while (i < count) { const r = await handle(reqs[i++ % reqs.length] as ReceivedRequest); if (!r.recorded) throw new Error('not recorded') } }))
}
await run(3000)
const c0 = process.cpuUsage()
await run(n)
const c = process.cpuUsage(c0)
process.stdout.write(`handler alone: ${((c.user + c.system) / n).toFixed(1)} µs CPU per delivery (${(c.system / n).toFixed(1)} kernel), ${n} deliveries\n`)
if (!process.env.DUMP) rmSync(dir, { recursive: true, force: true })
if (process.env.DUMP) { const r = await handle(reqs[0] as ReceivedRequest); const { serializeRecord } = await import('../src/capture/record-line.js'); process.stdout.write(serializeRecord(r.record) + '\n') }
