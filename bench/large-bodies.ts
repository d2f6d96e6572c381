import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { AutocannonRequest } from 'autocannon'
import { randomAlnum } from '../src/config.js'
import { buildDelivery } from '../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../src/protocol/profile.js'
import { startServerChild } from './child.js'
import { NOTIFY_PATH } from './deliveries.js'
import { runLoad } from './load.js'

/**
 * npm run bench -- large [--records 2000 --max-in-memory 1000]: the receiver's RSS with bodies
 * near the 64 KiB limit, past MAX_CAPTURES_IN_MEMORY, so the per-record cost of what stays in
 * memory shows (the issue measured ~275 KB per record and 1.4 GB before records kept references).
 */
const { values } = parseArgs({ args: process.argv.slice(3), options: { records: { type: 'string', default: '2000' }, 'max-in-memory': { type: 'string', default: '1000' } } })
const records = Number(values.records)
const maxInMemory = Number(values['max-in-memory'])
const MB = 1_048_576
const say = (s: string) => process.stderr.write(s + '\n')

const secrets = { appid: 'wx' + randomBytes(8).toString('hex'), token: randomAlnum(32), encodingAESKey: randomAlnum(43) }
const profile = createWxBizMsgCryptProfile()
// ~46 KiB of plaintext → ~62 KiB of base64 ciphertext: a body just under BODY_LIMIT_BYTES (64 KiB).
const filler = 'x'.repeat(46 * 1024)
const requests: AutocannonRequest[] = Array.from({ length: 100 }, (_, i) => {
  const d = buildDelivery({ payload: { appid: secrets.appid, order_id: `LARGE-${i}`, status: 3, fee: 1, memo: filler }, secrets, profile, nowMs: Date.now() })
  return { method: 'POST', path: `${NOTIFY_PATH}?${new URLSearchParams(d.query).toString()}`, headers: { 'content-type': d.contentType }, body: d.body.toString('utf8') }
})
const bodyKiB = Buffer.byteLength(requests[0]?.body as string) / 1024
const captureDir = mkdtempSync(join(tmpdir(), 'nontax-bench-large-'))
const rx = await startServerChild('receiver.ts', {
  WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey,
  WECHAT_APPSECRET: '', WECHAT_ACCESS_TOKEN: '', NOTIFY_PATH, LOG_LEVEL: 'info', LOG_FORMAT: 'json', CAPTURE_DIR: captureDir,
  MAX_CAPTURES_IN_MEMORY: String(maxInMemory), BODY_LIMIT_BYTES: '65536',
})
try {
  say(`large bodies: ${records} deliveries of ${bodyKiB.toFixed(1)} KiB, MAX_CAPTURES_IN_MEMORY=${maxInMemory}`)
  const steps = 5
  const samples = [await rx.probe()]
  let notOk = 0
  for (let i = 0; i < steps; i++) {
    const r = await runLoad({ url: rx.url, requests, connections: 10, amount: Math.ceil(records / steps) })
    notOk += r.notOk + r.errors
    samples.push(await rx.probe())
  }
  const first = samples[0]?.rssBytes ?? 0
  const last = samples[samples.length - 1]?.rssBytes ?? 0
  const held = Math.min(records, maxInMemory)
  const lines = [
    '| bodies | deliveries | in memory | RSS start → end (MB) | peak RSS MB | RSS per in-memory record |',
    '|---|---|---|---|---|---|',
    `| ${bodyKiB.toFixed(1)} KiB | ${records} (${notOk} not errcode 0) | ${held} | ${samples.map(s => (s.rssBytes / MB).toFixed(0)).join(' → ')} | ${((samples[samples.length - 1]?.maxRssBytes ?? 0) / MB).toFixed(0)} | ${((last - first) / held / 1024).toFixed(1)} KB |`,
  ]
  process.stdout.write(lines.join('\n') + '\n')
} finally {
  await rx.stop()
  rmSync(captureDir, { recursive: true, force: true })
}
