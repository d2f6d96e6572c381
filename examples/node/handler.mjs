// WeChat non-tax payment notification handler: Node.js, no dependencies (node:http + node:crypto).
//
// Implements the default profile "wxbizmsgcrypt" of docs/PROTOCOL.md §4:
//   POST <path>?wxnontaxstr=<nonce>&timestamp=<unix s>&msg_signature=<sha1 hex>
//   body {"appid": "...", "encrypt": "<base64 AES-256-CBC>"}
// and answers HTTP 200 JSON {"errcode", "errmsg"} (+ "data", "timestamp", "nonce", "msg_signature" on 0).
//
// Run:   NONTAX_TOKEN=... NONTAX_ENCODING_AES_KEY=... WECHAT_APPID=... PORT=8080 node handler.mjs
// Prove: npm run check -- --target http://127.0.0.1:8080/notify   (same three variables set)
// PORT=0 picks a free port; the bound URL is printed as "listening on http://...".
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'

const TOKEN = process.env.NONTAX_TOKEN ?? ''
const AES_KEY = process.env.NONTAX_ENCODING_AES_KEY ?? ''
const APPID = process.env.WECHAT_APPID ?? ''
const PORT = Number(process.env.PORT ?? 8080)
const HOST = process.env.HOST ?? '127.0.0.1'
if (!TOKEN || !APPID || !/^[A-Za-z0-9]{43}$/.test(AES_KEY)) {
  console.error('set NONTAX_TOKEN, WECHAT_APPID and NONTAX_ENCODING_AES_KEY (43 characters of A-Z a-z 0-9)')
  process.exit(2)
}

// key = base64(EncodingAESKey + "="), 32 bytes; iv = its first 16 bytes.
const KEY = Buffer.from(AES_KEY + '=', 'base64')
const IV = KEY.subarray(0, 16)
const BLOCK = 32 // PKCS#7 padding to 32-byte blocks (not AES's 16): pad byte 1..32
const BODY_LIMIT = 64 * 1024 // real notifications are a few KiB

class Reject extends Error {
  constructor (errcode, errmsg) { super(errmsg); this.errcode = errcode }
}

// sha1 over the four strings sorted lexicographically, lower-case hex.
function sign (timestamp, nonce, encrypt) {
  return createHash('sha1').update([TOKEN, timestamp, nonce, encrypt].sort().join('')).digest('hex')
}

// Constant time: timingSafeEqual needs equal lengths, and the length of a sha1 hex is public.
function sameSignature (expected, got) {
  const a = Buffer.from(expected)
  const b = Buffer.from(got)
  return a.length === b.length && timingSafeEqual(a, b)
}

function encrypt (msg) {
  const body = Buffer.from(msg, 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), len, body, Buffer.from(APPID, 'utf8')])
  const n = BLOCK - (plain.length % BLOCK)
  const cipher = createCipheriv('aes-256-cbc', KEY, IV).setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(n, n)])), cipher.final()]).toString('base64')
}

function decrypt (b64) {
  // Buffer.from(s, 'base64') silently skips bad characters: validate first.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Reject(298, 'decryption failed: not base64')
  const data = Buffer.from(b64, 'base64')
  if (data.length === 0 || data.length % 16 !== 0) throw new Reject(298, 'decryption failed: length not a multiple of 16')
  const decipher = createDecipheriv('aes-256-cbc', KEY, IV).setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(data), decipher.final()])
  const pad = plain[plain.length - 1]
  if (pad < 1 || pad > BLOCK) throw new Reject(298, 'decryption failed: bad padding')
  const content = plain.subarray(0, plain.length - pad)
  if (content.length < 20) throw new Reject(298, 'decryption failed: too short')
  const len = content.readUInt32BE(16) // the message length in UTF-8 bytes, not characters
  if (len > content.length - 20) throw new Reject(298, 'decryption failed: bad length')
  const appid = content.subarray(20 + len).toString('utf8')
  if (appid !== APPID) throw new Reject(298, 'decryption failed: appid mismatch')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(20, 20 + len))
  } catch { throw new Reject(210, 'data format error: message is not UTF-8') }
}

// Idempotence: WeChat delivers again when it lost your answer. Here an in-memory set; in your
// service use your database's unique key on (order_id, status) and treat "already there" as done.
const applied = new Set()
function applyOnce (order) {
  const key = `${order.order_id}:${order.status}`
  if (applied.has(key)) return console.log(`already applied order_id=${order.order_id} status=${order.status}`)
  applied.add(key) // your business logic goes here: mark the bill paid (3, 4) or refunded (5)
  console.log(`applied order_id=${order.order_id} status=${order.status}`)
}

function handle (url, contentType, body) {
  if (!/^application\/json\b/i.test(contentType ?? '')) throw new Reject(210, 'data format error: expected application/json')
  let envelope
  try { envelope = JSON.parse(body.toString('utf8')) } catch { throw new Reject(210, 'data format error: body is not JSON') }
  if (typeof envelope?.encrypt !== 'string' || envelope.encrypt === '') throw new Reject(210, 'data format error: no encrypt')
  const q = url.searchParams
  const [nonce, timestamp, signature] = [q.get('wxnontaxstr'), q.get('timestamp'), q.get('msg_signature')]
  if (!nonce || !timestamp || !signature) throw new Reject(300, 'signature error: missing wxnontaxstr, timestamp or msg_signature')
  // Verify before decrypting: an unsigned payload must not be acted on.
  if (!sameSignature(sign(timestamp, nonce, envelope.encrypt), signature)) throw new Reject(300, 'signature error')
  let order
  try { order = JSON.parse(decrypt(envelope.encrypt)) } catch (e) {
    if (e instanceof Reject) throw e
    throw new Reject(210, 'data format error: message is not JSON')
  }
  if (order === null || typeof order !== 'object' || order.order_id === undefined || order.status === undefined) {
    throw new Reject(210, 'data format error: no order_id or status')
  }
  try { applyOnce(order) } catch { throw new Reject(299, 'system error') } // never 0 unless recorded
  const data = encrypt(JSON.stringify({ order_id: order.order_id, status: order.status }))
  const ts = String(Math.floor(Date.now() / 1000))
  const nonceOut = randomBytes(8).toString('hex')
  return { errcode: 0, errmsg: 'ok', data, timestamp: ts, nonce: nonceOut, msg_signature: sign(ts, nonceOut, data) }
}

const server = createServer((req, res) => {
  const chunks = []
  let size = 0
  req.on('data', c => { size += c.length; if (size <= BODY_LIMIT) chunks.push(c) })
  req.on('end', () => {
    let answer
    try {
      if (req.method !== 'POST') throw new Reject(210, 'data format error: POST only')
      if (size > BODY_LIMIT) throw new Reject(210, 'data format error: body too large')
      answer = handle(new URL(req.url, 'http://localhost'), req.headers['content-type'], Buffer.concat(chunks))
    } catch (e) {
      answer = e instanceof Reject ? { errcode: e.errcode, errmsg: e.message } : { errcode: 299, errmsg: 'system error' }
      if (!(e instanceof Reject)) console.error(e)
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
  })
})
server.listen(PORT, HOST, () => console.log(`listening on http://${HOST}:${server.address().port}/notify`))
