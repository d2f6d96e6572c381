import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { openSync, writeSync, fdatasyncSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Fastify from 'fastify'
import { pino } from 'pino'
import { serveOverIpc } from './ipc.js'

// (f) The floor: a receiver that keeps every promise the issue names (verify the signature, decrypt,
// answer signed and encrypted, a durable record synced before the answer, a JSON log line per
// delivery at info) and does nothing else: no diagnosis, no duplicate or replay flags, no limits,
// no 210/298/300 explanations, no events. Not a product: it sizes what any receiver must spend
// here, so the bench can show how much of (b)'s CPU is the product's own.
const token = process.env.NONTAX_TOKEN ?? ''
const appid = process.env.WECHAT_APPID ?? ''
const key = Buffer.from((process.env.NONTAX_ENCODING_AES_KEY ?? '') + '=', 'base64')
const iv = key.subarray(0, 16)
const dir = process.env.CAPTURE_DIR ?? '/tmp'
mkdirSync(dir, { recursive: true })
const fd = openSync(join(dir, 'minimal.ndjson'), 'a')
const log = pino({ base: undefined }, pino.destination({ dest: '/dev/null', sync: true }))
const sha1 = (parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex')

let queue: string[] = []
let waiters: Array<() => void> = []
let scheduled = false
function durable (line: string): Promise<void> {
  queue.push(line)
  const p = new Promise<void>(resolve => waiters.push(resolve))
  if (!scheduled) { scheduled = true; setImmediate(flush) }
  return p
}
function flush () {
  const lines = queue, ws = waiters
  queue = []; waiters = []; scheduled = false
  writeSync(fd, lines.join(''))
  fdatasyncSync(fd)
  for (const w of ws) w()
}

const app = Fastify({ logger: false })
app.removeAllContentTypeParsers()
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
app.post('/nontax/notify', async (req, reply) => {
  const q = req.query as Record<string, string>
  const text = (req.body as Buffer).toString('utf8')
  const env = JSON.parse(text) as { encrypt: string }
  const expected = sha1([token, q.timestamp ?? '', q.wxnontaxstr ?? '', env.encrypt])
  const sigOk = expected.length === (q.msg_signature ?? '').length && timingSafeEqual(Buffer.from(expected), Buffer.from(q.msg_signature ?? ''))
  const d = createDecipheriv('aes-256-cbc', key, iv); d.setAutoPadding(false)
  const plain = Buffer.concat([d.update(env.encrypt, 'base64'), d.final()])
  const unpadded = plain.subarray(0, plain.length - (plain[plain.length - 1] ?? 0))
  const len = unpadded.readUInt32BE(16)
  const msg = unpadded.subarray(20, 20 + len).toString('utf8')
  const payload = JSON.parse(msg) as Record<string, unknown>
  const inner = Buffer.from(JSON.stringify({ errcode: 0, order_id: payload.order_id }))
  const lenBuf = Buffer.alloc(4); lenBuf.writeUInt32BE(inner.length)
  const raw = Buffer.concat([randomBytes(16), lenBuf, inner, Buffer.from(appid)])
  const pad = 32 - (raw.length % 32)
  const c = createCipheriv('aes-256-cbc', key, iv); c.setAutoPadding(false)
  const data = Buffer.concat([c.update(Buffer.concat([raw, Buffer.alloc(pad, pad)])), c.final()]).toString('base64')
  const ts = String(Math.floor(Date.now() / 1000)), nonce = randomBytes(8).toString('hex')
  const answer = { errcode: sigOk ? 0 : 300, errmsg: 'ok', data, timestamp: ts, nonce, msg_signature: sha1([token, ts, nonce, data]) }
  const record = JSON.stringify({ id: Date.now().toString(36), receivedAt: new Date().toISOString(), url: req.url, headers: req.headers, body: text, signature: { ok: sigOk, expected }, plaintext: msg, answer })
  log.info({ delivery: record }, 'delivery')
  await durable(record + '\n')
  return reply.code(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(answer))
})
const url = await app.listen({ host: '127.0.0.1', port: 0 })
serveOverIpc(app, url)
