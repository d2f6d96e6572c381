import { gzipSync } from 'node:zlib'
import { buildDelivery, type SignedDelivery } from '../../src/protocol/delivery.js'
import type { CryptoProfile, Secrets } from '../../src/protocol/profile.js'

/**
 * The hostile-sender corpus, kept as data: each class is the raw bytes a sender puts on one
 * connection. The suite (hostile.test.ts) sends every class to a real receiver on loopback and
 * checks the same promises for each (README "Security"). `slow` classes stop sending and wait for
 * the receiver to cut them (its timeouts are short in the test config).
 */
export interface Ctx { secrets: Secrets; profile: CryptoProfile; path: string; nowMs: number }
export interface HostileClass {
  name: string
  group: string
  bytes: (c: Ctx) => string | Buffer
  /** The errcode the answer must carry when the receiver answers with one (else any documented one). */
  errcode?: number
  /** The sender stops without finishing its request (the receiver's timeout or EOF ends it). */
  slow?: boolean
}

const CRLF = '\r\n'
interface Req { method?: string; target?: string; query?: string; headers?: Record<string, string> | Array<[string, string]>; body?: string | Buffer; version?: string }

/** One HTTP/1.1 request as bytes; Content-Length is added unless a header list already sets it. */
export function http (c: Ctx, r: Req = {}): Buffer {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body ?? Buffer.alloc(0)
  const headers: Array<[string, string]> = Array.isArray(r.headers) ? r.headers : Object.entries(r.headers ?? {})
  const names = new Set(headers.map(([k]) => k.toLowerCase()))
  if (!names.has('host')) headers.unshift(['Host', '127.0.0.1'])
  if (!names.has('content-length') && !names.has('transfer-encoding') && (r.body !== undefined || (r.method ?? 'POST') === 'POST')) headers.push(['Content-Length', String(body.length)])
  const target = r.target ?? `${c.path}${r.query === undefined ? '' : `?${r.query}`}`
  const head = `${r.method ?? 'POST'} ${target} ${r.version ?? 'HTTP/1.1'}${CRLF}${headers.map(([k, v]) => `${k}: ${v}`).join(CRLF)}${CRLF}${CRLF}`
  return Buffer.concat([Buffer.from(head, 'latin1'), body])
}

export function signed (c: Ctx, payload: unknown, o: { badSignature?: boolean; nonce?: string } = {}): SignedDelivery {
  return buildDelivery({ payload, secrets: c.secrets, profile: c.profile, nowMs: c.nowMs, ...o })
}

type Entry = Omit<HostileClass, 'group'>
const inGroup = (group: string, list: Entry[]): HostileClass[] => list.map(x => ({ ...x, group }))
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString()
const order = (c: Ctx, extra: Record<string, unknown> = {}) => ({ appid: c.secrets.appid, order_id: 'NT-HOSTILE', status: 3, fee: 100, ...extra })

/** A correctly signed delivery of `payload`, with its query and body reshaped by `edit`. */
function delivery (c: Ctx, payload: unknown, edit: (d: SignedDelivery) => Req = () => ({}), o: { badSignature?: boolean; nonce?: string } = {}): Buffer {
  const d = signed(c, payload, o)
  return http(c, { query: qs(d.query), headers: { 'Content-Type': d.contentType }, body: d.body, ...edit(d) })
}
const withQuery = (c: Ctx, q: string, body = '{"encrypt":"AAAA"}') => http(c, { query: q, headers: { 'Content-Type': 'application/json' }, body })
const withBody = (c: Ctx, body: string | Buffer, contentType = 'application/json') => http(c, { query: 'wxnontaxstr=hostile&timestamp=1&msg_signature=00', headers: { 'Content-Type': contentType }, body })
const nested = (n: number, open = '[', close = ']', inner = '1') => open.repeat(n) + inner + close.repeat(n)
const encryptOf = (d: SignedDelivery) => (JSON.parse(d.body.toString()) as { encrypt: string }).encrypt

const requestLine = inGroup('malformed HTTP', [
  { name: 'garbage bytes', bytes: () => Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]) },
  { name: 'TLS ClientHello to the plain port', bytes: () => Buffer.from('1603010200010001fc0303', 'hex') },
  { name: 'HTTP/2 preface', bytes: () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
  { name: 'HTTP/0.9 request line', bytes: c => `GET ${c.path}\r\n\r\n` },
  { name: 'unknown HTTP version', bytes: c => http(c, { version: 'HTTP/3.7' }) },
  { name: 'lower-case method', bytes: c => http(c, { method: 'post' }) },
  { name: 'method of 300 letters', bytes: c => http(c, { method: 'P'.repeat(300) }) },
  { name: 'bare LF line endings', bytes: c => `POST ${c.path} HTTP/1.1\nHost: x\nContent-Length: 0\n\n` },
  { name: 'bare CR in request line', bytes: c => `POST ${c.path}\r HTTP/1.1\r\nHost: x\r\n\r\n` },
  { name: 'NUL in request target', bytes: c => `POST ${c.path}\x00x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n` },
  { name: 'tab between request-line parts', bytes: c => `POST\t${c.path}\tHTTP/1.1\r\nHost: x\r\n\r\n` },
  { name: 'absolute-form target naming another host', bytes: c => http(c, { target: `http://169.254.169.254${c.path}?wxnontaxstr=abs` }) },
  { name: 'asterisk-form target', bytes: c => http(c, { method: 'OPTIONS', target: '*' }) },
  { name: 'CONNECT authority-form', bytes: c => http(c, { method: 'CONNECT', target: '127.0.0.1:22' }) },
  { name: 'empty request line', bytes: () => '\r\n\r\n\r\n' },
  { name: 'request line of spaces', bytes: () => ' '.repeat(100) + '\r\n\r\n' },
])

const headerGames = inGroup('headers', [
  { name: 'header value of 20 KiB', bytes: c => http(c, { headers: { 'X-Big': 'a'.repeat(20_000) } }) },
  { name: '2,000 headers', bytes: c => http(c, { headers: Array.from({ length: 2000 }, (_, i) => [`X-H${i}`, 'v'] as [string, string]) }) },
  { name: 'header line without a colon', bytes: c => `POST ${c.path} HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nContent-Length: 0\r\n\r\n` },
  { name: 'obs-fold continuation line', bytes: c => `POST ${c.path} HTTP/1.1\r\nHost: x\r\nX-Fold: a\r\n  b\r\nContent-Length: 0\r\n\r\n` },
  { name: 'space before the colon', bytes: c => `POST ${c.path} HTTP/1.1\r\nHost: x\r\nContent-Length : 0\r\n\r\n` },
  { name: 'two different Content-Length', bytes: c => http(c, { headers: [['Content-Length', '2'], ['Content-Length', '5']], body: '{}' }) },
  { name: 'Content-Length with Transfer-Encoding (smuggling)', bytes: c => http(c, { headers: [['Content-Length', '4'], ['Transfer-Encoding', 'chunked']], body: '0\r\n\r\nGET /_captures HTTP/1.1\r\nHost: x\r\n\r\n' }) },
  { name: 'chunked with an invalid size', bytes: c => http(c, { headers: [['Transfer-Encoding', 'chunked']], body: 'zz\r\nabc\r\n0\r\n\r\n' }) },
  { name: 'chunked with a huge size', bytes: c => http(c, { headers: [['Transfer-Encoding', 'chunked']], body: 'ffffffffffffffff\r\nabc\r\n0\r\n\r\n' }) },
  { name: 'chunked with extensions and trailers', bytes: c => http(c, { headers: [['Transfer-Encoding', 'chunked'], ['Content-Type', 'application/json']], body: '2;ext="x"\r\n{}\r\n0\r\nX-Trailer: \x1b[2J\r\n\r\n' }) },
  { name: 'Transfer-Encoding gzip, chunked', bytes: c => http(c, { headers: [['Transfer-Encoding', 'gzip, chunked']], body: '0\r\n\r\n' }) },
  { name: 'negative Content-Length', bytes: c => http(c, { headers: [['Content-Length', '-1']] }) },
  { name: 'non-numeric Content-Length', bytes: c => http(c, { headers: [['Content-Length', '1e3']] }) },
  { name: 'Content-Length larger than the body, then EOF', slow: true, bytes: c => http(c, { headers: [['Content-Length', '500'], ['Content-Type', 'application/json']], body: '{"encrypt":"' }) },
  { name: 'two Host headers', bytes: c => http(c, { headers: [['Host', 'a.example'], ['Host', 'b.example'], ['Content-Type', 'application/json']], body: '{}' }) },
  { name: 'no Host header', bytes: c => `POST ${c.path} HTTP/1.1\r\nContent-Length: 0\r\n\r\n` },
  { name: 'Host naming a metadata service', errcode: 210, bytes: c => http(c, { headers: { Host: '169.254.169.254', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'X-Forwarded-Proto gopher with a crafted query', bytes: c => http(c, { query: 'wxnontaxstr=x%0D%0Aset%20k%20v', headers: { 'X-Forwarded-Proto': 'gopher', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'X-Forwarded-Proto starting with -', bytes: c => http(c, { headers: { 'X-Forwarded-Proto': '-K/etc/passwd', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'X-Forwarded-Host and Forwarded to elsewhere', bytes: c => http(c, { headers: { 'X-Forwarded-Host': 'evil.example', Forwarded: 'host=evil.example;proto=file', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'Expect: 100-continue', bytes: c => http(c, { headers: { Expect: '100-continue', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'Expect: something else', bytes: c => http(c, { headers: { Expect: 'x-evil', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'Upgrade: websocket', bytes: c => http(c, { headers: { Upgrade: 'websocket', Connection: 'Upgrade', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'Authorization and Cookie headers (must be redacted)', bytes: c => http(c, { headers: { Authorization: 'Bearer hostile-secret-bearer', Cookie: 'sid=hostile-cookie', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'x-admin-token on the callback path', bytes: c => http(c, { headers: { 'X-Admin-Token': 'guess', 'Content-Type': 'application/json' }, body: '{}' }) },
])

const ESCAPES = ['%0A', '%0D%0A', '%1B%5B2J', '%1B%5D0%3Btitle%07', '%C2%9B31m', '%E2%80%AE', '%00', '%7F', '%E2%80%A8', '%0AINFO%20forged%20errcode%200%20(crypto%20test)']
const controlChars = inGroup('control characters', [
  ...ESCAPES.map(e => ({ name: `wxnontaxstr carrying ${e}`, bytes: (c: Ctx) => withQuery(c, `wxnontaxstr=abc${e}def&timestamp=1&msg_signature=00`) })),
  { name: 'control chars in parameter names', bytes: c => withQuery(c, 'wx%1B%5B2Jnontaxstr=1&%0Aa=b') },
  { name: 'percent-encoded newline in the path', bytes: c => http(c, { target: `${c.path}%0AINFO%20forged` }) },
  { name: 'ESC in a header value', bytes: c => http(c, { headers: { 'X-Title': '\x1b]0;owned\x07', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'ESC in the content-type', bytes: c => http(c, { headers: { 'Content-Type': 'application/json\x1b[31m' }, body: '{}' }) },
  { name: 'C1 bytes in a header value', bytes: c => http(c, { headers: { 'X-C1': Buffer.from([0x9b, 0x32, 0x4a]).toString('latin1'), 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'ESC sequences in the body', errcode: 210, bytes: c => withBody(c, '\x1b[2J\x1b[H\x1b]0;owned\x07 not json') },
  { name: 'newline-forged log lines in the body', errcode: 210, bytes: c => withBody(c, 'x\n12:00:00.000 INFO: POST /nontax/notify → errcode 0 (crypto test)\n') },
  { name: 'bidi override in the body', bytes: c => withBody(c, '{"encrypt":"\u202eAAAA\u202c"}') },
  { name: 'envelope appid with ESC and newline', bytes: c => withBody(c, JSON.stringify({ appid: 'wx\u001b[31m\nINFO forged', encrypt: 'AAAA' })) },
  { name: 'JSON keys with control characters', errcode: 210, bytes: c => withBody(c, '{"\\u001b[2Jencrypt":"AAAA"}') },
  { name: 'signed payload with ESC in order_id', bytes: c => delivery(c, order(c, { order_id: '\u001b[2J\u001b]0;pwn\u0007\nINFO forged' })) },
  { name: 'signed payload with ESC in appid', bytes: c => delivery(c, { ...order(c), appid: '\u001b[31mwx\r\n' }) },
  { name: 'signed plaintext that is ESC sequences, not JSON', errcode: 210, bytes: c => delivery(c, '\u001b[2J\u001b[3J\r\nINFO forged') },
  { name: 'badly signed plaintext with ESC (needs only the AES key)', errcode: 300, bytes: c => delivery(c, order(c, { order_id: '\u001b]0;t\u0007' }), () => ({}), { badSignature: true }) },
])

const encodings = inGroup('encodings', [
  { name: 'invalid UTF-8 body', errcode: 210, bytes: c => withBody(c, Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0xaf, 0x7d])) },
  { name: 'UTF-16LE body with BOM', errcode: 210, bytes: c => withBody(c, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"encrypt":"AAAA"}', 'utf16le')])) },
  { name: 'UTF-8 BOM before JSON', bytes: c => withBody(c, '\ufeff{"encrypt":"AAAA"}') },
  { name: 'overlong UTF-8 for "/"', errcode: 210, bytes: c => withBody(c, Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])) },
  { name: 'lone surrogate escapes in JSON', bytes: c => withBody(c, '{"encrypt":"\\ud800\\udfff\\ud800"}') },
  { name: 'charset=gbk declared', bytes: c => withBody(c, '{"encrypt":"AAAA"}', 'application/json; charset=gbk') },
  { name: 'Content-Encoding gzip on plain bytes', bytes: c => http(c, { headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' }, body: '{}' }) },
  { name: 'gzip bomb (1 MB of zeros compressed)', bytes: c => http(c, { headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' }, body: gzipSync(Buffer.alloc(1_000_000)) }) },
  { name: 'encrypt that is not base64', errcode: 300, bytes: c => withBody(c, '{"encrypt":"!!!not base64!!!"}') },
  { name: 'encrypt in URL-safe base64', bytes: c => delivery(c, order(c), d => ({ body: JSON.stringify({ encrypt: encryptOf(d).replaceAll('+', '-').replaceAll('/', '_') }) })) },
  { name: 'encrypt with embedded whitespace', bytes: c => delivery(c, order(c), d => ({ body: JSON.stringify({ encrypt: encryptOf(d).replace(/(.{10})/g, '$1\n') }) })) },
  { name: 'invalid percent-encoding in the query', bytes: c => withQuery(c, 'wxnontaxstr=%ZZ%&timestamp=%&msg_signature=%G0') },
  { name: 'double percent-encoding', bytes: c => withQuery(c, 'wxnontaxstr=%250A%251B&msg_signature=%2500') },
  { name: 'plus versus %20 in the signature', errcode: 300, bytes: c => delivery(c, order(c), d => ({ query: qs({ ...d.query }).replace('msg_signature=', 'msg_signature=+') })) },
  { name: 'non-ASCII bytes raw in the query', bytes: c => http(c, { target: `${c.path}?wxnontaxstr=\u00e9\u00ff`, headers: { 'Content-Type': 'application/json' }, body: '{}' }) },
])

const nesting = inGroup('nesting', [
  { name: 'body of 10,000 nested arrays', errcode: 210, bytes: c => withBody(c, nested(10_000)) },
  { name: 'body of 5,000 nested objects', errcode: 210, bytes: c => withBody(c, nested(5000, '{"a":', '}')) },
  { name: 'encrypt is an object', bytes: c => withBody(c, '{"encrypt":{"toString":1}}') },
  { name: 'encrypt is an array', bytes: c => withBody(c, '{"encrypt":["AAAA"]}') },
  { name: 'encrypt is a number', bytes: c => withBody(c, '{"encrypt":1e999}') },
  { name: 'encrypt is null', bytes: c => withBody(c, '{"encrypt":null}') },
  { name: 'body is JSON null', errcode: 210, bytes: c => withBody(c, 'null') },
  { name: 'body is a JSON string', errcode: 210, bytes: c => withBody(c, '"encrypt"') },
  { name: 'signed plaintext nested 300 levels', errcode: 210, bytes: c => delivery(c, `{"appid":"${c.secrets.appid}","order_id":"N","status":3,"x":${nested(300)}}`) },
  { name: 'signed plaintext nested 5,000 levels', errcode: 210, bytes: c => delivery(c, `{"appid":"${c.secrets.appid}","order_id":"N","status":3,"x":${nested(5000)}}`) },
  { name: 'signed plaintext nested 20,000 levels', errcode: 210, bytes: c => delivery(c, `{"appid":"${c.secrets.appid}","order_id":"N","status":3,"x":${nested(20_000, '{"a":', '}')}}`) },
  { name: 'signed plaintext that is a JSON array', errcode: 210, bytes: c => delivery(c, '[1,2,3]') },
  { name: 'signed plaintext that is "null"', errcode: 210, bytes: c => delivery(c, 'null') },
])

const duplicates = inGroup('duplicate parameters', [
  { name: 'two wxnontaxstr', bytes: c => delivery(c, order(c), d => ({ query: `${qs(d.query)}&wxnontaxstr=second` })) },
  { name: 'two msg_signature', bytes: c => delivery(c, order(c), d => ({ query: `${qs(d.query)}&msg_signature=${'0'.repeat(40)}` })) },
  { name: 'two timestamps', bytes: c => delivery(c, order(c), d => ({ query: `${qs(d.query)}&timestamp=1` })) },
  { name: 'array-style msg_signature[]', bytes: c => delivery(c, order(c), d => ({ query: qs(d.query).replace('msg_signature=', 'msg_signature[]=') })) },
  { name: '__proto__ in the query', bytes: c => delivery(c, order(c), d => ({ query: `${qs(d.query)}&__proto__=x&constructor=y&hasOwnProperty=z` })) },
  { name: 'encrypt twice in the JSON body', bytes: c => delivery(c, order(c), d => ({ body: `{"encrypt":"AAAA","encrypt":${JSON.stringify(encryptOf(d))}}` })) },
  { name: 'Encrypt twice in XML', bytes: c => delivery(c, order(c), d => ({ headers: { 'Content-Type': 'text/xml' }, body: `<xml><Encrypt>AAAA</Encrypt><Encrypt>${encryptOf(d)}</Encrypt></xml>` })) },
  { name: 'encrypt twice in a form body', bytes: c => delivery(c, order(c), d => ({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `encrypt=AAAA&encrypt=${encodeURIComponent(encryptOf(d))}` })) },
  { name: 'two Content-Type headers', bytes: c => http(c, { headers: [['Content-Type', 'application/json'], ['Content-Type', 'text/xml']], body: '{}' }) },
  { name: 'same valid delivery twice (duplicate order + nonce reuse)', bytes: c => { const d = http(c, { query: qs(signed(c, order(c), { nonce: 'replayednonce01' }).query) }); return d } },
])

const contentTypes = inGroup('content-type games', [
  { name: 'no content-type', bytes: c => http(c, { query: 'wxnontaxstr=ct', body: '{"encrypt":"AAAA"}' }) },
  { name: 'text/plain', errcode: 210, bytes: c => withBody(c, '{"encrypt":"AAAA"}', 'text/plain') },
  { name: 'multipart/form-data', errcode: 210, bytes: c => withBody(c, '--b\r\nContent-Disposition: form-data; name="encrypt"\r\n\r\nAAAA\r\n--b--\r\n', 'multipart/form-data; boundary=b') },
  { name: 'JSON content-type with an XML body', bytes: c => withBody(c, '<xml><Encrypt>AAAA</Encrypt></xml>') },
  { name: 'XML content-type with a JSON body', bytes: c => withBody(c, '{"encrypt":"AAAA"}', 'text/xml') },
  { name: 'mixed-case content-type with odd parameters', bytes: c => withBody(c, '{"encrypt":"AAAA"}', 'APPLICATION/Json ; charset="utf-8"; x=";"') },
  { name: 'content-type of 6 KiB', bytes: c => withBody(c, '{"encrypt":"AAAA"}', `application/json; ${'p=v; '.repeat(1200)}`) },
  { name: 'content-type */*', bytes: c => withBody(c, '{"encrypt":"AAAA"}', '*/*') },
  { name: 'form content-type with a JSON body', bytes: c => withBody(c, '{"encrypt":"AAAA"}', 'application/x-www-form-urlencoded') },
  { name: 'application/octet-stream', errcode: 210, bytes: c => withBody(c, Buffer.from([0, 1, 2, 3]), 'application/octet-stream') },
  { name: 'content-type with a NUL-free but empty value', bytes: c => withBody(c, '{"encrypt":"AAAA"}', '') },
])

const XML = 'text/xml'
const xml = inGroup('XML entity attacks', [
  { name: 'billion laughs', bytes: c => withBody(c, `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><xml><Encrypt>&j;</Encrypt></xml>`, XML) },
  { name: 'external entity to /etc/passwd', bytes: c => withBody(c, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>', XML) },
  { name: 'external entity to a URL', bytes: c => withBody(c, '<!DOCTYPE x [<!ENTITY e SYSTEM "http://169.254.169.254/latest/meta-data/">]><xml><Encrypt>&e;</Encrypt></xml>', XML) },
  { name: 'parameter entities', bytes: c => withBody(c, '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><xml><Encrypt>AAAA</Encrypt></xml>', XML) },
  { name: 'XInclude', bytes: c => withBody(c, '<xml xmlns:xi="http://www.w3.org/2001/XInclude"><Encrypt><xi:include href="file:///etc/passwd" parse="text"/></Encrypt></xml>', XML) },
  { name: 'XML nested 10,000 elements', bytes: c => withBody(c, `<xml>${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}<Encrypt>AAAA</Encrypt></xml>`, XML) },
  { name: 'XML element with 20,000 attributes', bytes: c => withBody(c, `<xml ${Array.from({ length: 20_000 }, (_, i) => `a${i}="v"`).join(' ')}><Encrypt>AAAA</Encrypt></xml>`, XML) },
  { name: 'CDATA with control characters and a fake end', bytes: c => withBody(c, '<xml><Encrypt><![CDATA[AA\u001b[2J]]]]><![CDATA[>AA]]></Encrypt></xml>', XML) },
  { name: 'processing instructions and comments', bytes: c => withBody(c, '<?xml-stylesheet href="http://evil/"?><!-- \u001b[2J --><xml><?php system("id") ?><Encrypt>AAAA</Encrypt></xml>', XML) },
  { name: 'unclosed XML', errcode: 210, bytes: c => withBody(c, '<xml><Encrypt>AAAA', XML) },
  { name: 'numeric character references to control chars', bytes: c => withBody(c, '<xml><AppId>&#27;[2J&#10;INFO forged</AppId><Encrypt>AAAA</Encrypt></xml>', XML) },
])

const paths = inGroup('path tricks', [
  { name: 'trailing slash', bytes: c => http(c, { target: `${c.path}/` }) },
  { name: 'double leading slash', bytes: c => http(c, { target: `/${c.path}` }) },
  { name: 'dot segments', bytes: c => http(c, { target: `${c.path}/../notify` }) },
  { name: 'upper-case path', bytes: c => http(c, { target: c.path.toUpperCase() }) },
  { name: 'encoded slash', bytes: c => http(c, { target: c.path.replace(/\/(?=[^/]*$)/, '%2F') }) },
  { name: 'matrix parameter', bytes: c => http(c, { target: `${c.path};jsessionid=1` }) },
  { name: 'admin route on the receiver port', bytes: () => 'GET /_captures HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' },
  { name: 'admin route with forged X-Real-IP and Via', bytes: () => 'GET /_captures HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Real-IP: 127.0.0.1\r\nVia: 1.1 localhost\r\nCF-Connecting-IP: 127.0.0.1\r\nTrue-Client-IP: 127.0.0.1\r\n\r\n' },
  { name: 'admin route through dot segments', bytes: c => `GET ${c.path}/../../_captures HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n` },
  { name: 'inspector API path on the receiver port', bytes: () => 'GET /api/captures HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' },
  { name: 'path of 7 KiB', bytes: c => http(c, { target: `${c.path}/${'a'.repeat(7000)}` }) },
  { name: 'query of 60 KiB', bytes: c => http(c, { query: `wxnontaxstr=${'a'.repeat(60_000)}` }) },
  { name: 'unicode path', bytes: () => 'POST /nontax/通知 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n' },
  { name: 'fragment in the request target', bytes: c => http(c, { target: `${c.path}#frag?wxnontaxstr=x` }) },
  { name: 'healthz with a body', bytes: () => 'POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}' },
])

const methods: HostileClass[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'SEARCH', 'QUERY'].map(m => ({
  name: `${m} on the callback path`, group: 'method games', bytes: (c: Ctx) => http(c, { method: m, query: 'wxnontaxstr=meth', ...(m === 'GET' || m === 'HEAD' ? {} : { body: '{}' }) }),
}))
methods.push({ name: 'X-HTTP-Method-Override: GET', group: 'method games', bytes: c => http(c, { headers: { 'X-HTTP-Method-Override': 'GET', 'Content-Type': 'application/json' }, body: '{}' }) })

const slow = inGroup('slow senders', [
  { name: 'headers never finished', slow: true, bytes: c => `POST ${c.path}?wxnontaxstr=slow1 HTTP/1.1\r\nHost: x\r\nContent-Type: appl` },
  { name: 'body never finished', slow: true, bytes: c => http(c, { query: 'wxnontaxstr=slow2', headers: [['Content-Length', '100'], ['Content-Type', 'application/json']], body: '{"encr' }) },
  { name: 'chunked body never finished', slow: true, bytes: c => http(c, { query: 'wxnontaxstr=slow3', headers: [['Transfer-Encoding', 'chunked'], ['Content-Type', 'application/json']], body: '5\r\n{"enc\r\n' }) },
  { name: 'only the request line', slow: true, bytes: c => `POST ${c.path} HTTP/1.1\r\n` },
  { name: 'connection opened, nothing sent', slow: true, bytes: () => '' },
])

const pipelining = inGroup('pipelining', [
  { name: 'two valid deliveries pipelined', bytes: c => Buffer.concat([delivery(c, order(c, { order_id: 'P1' })), delivery(c, order(c, { order_id: 'P2' }))]) },
  { name: 'valid delivery followed by garbage', bytes: c => Buffer.concat([delivery(c, order(c, { order_id: 'G1' })), Buffer.from('\x00\x01garbage\r\n\r\n')]) },
  { name: '30 pipelined small requests', bytes: c => Buffer.concat(Array.from({ length: 30 }, (_, i) => withQuery(c, `wxnontaxstr=pipe${i}`))) },
  { name: 'data after Connection: close', bytes: c => Buffer.concat([http(c, { headers: { Connection: 'close', 'Content-Type': 'application/json' }, body: '{}' }), withQuery(c, 'wxnontaxstr=afterclose')]) },
  { name: 'HTTP/1.0 keep-alive pair', bytes: c => Buffer.concat([http(c, { version: 'HTTP/1.0', headers: { Connection: 'keep-alive', 'Content-Type': 'application/json' }, body: '{}' }), http(c, { version: 'HTTP/1.0', body: '{}' })]) },
])

const sizes = inGroup('sizes', [
  { name: 'body over the limit', bytes: c => withBody(c, `{"encrypt":"${'A'.repeat(70_000)}"}`) },
  { name: 'Content-Length of 10 GB announced', bytes: c => http(c, { headers: [['Content-Length', '10000000000'], ['Content-Type', 'application/json']], body: '{}' }) },
  { name: 'body of one byte', errcode: 210, bytes: c => withBody(c, '{') },
  { name: 'empty body', errcode: 210, bytes: c => withBody(c, '') },
  { name: 'encrypt of 60 KiB', bytes: c => withBody(c, `{"encrypt":"${'QUFB'.repeat(15_000)}"}`) },
])

const signatures = inGroup('signature games', [
  { name: 'upper-case hex signature', bytes: c => delivery(c, order(c), d => ({ query: qs({ ...d.query, msg_signature: (d.query.msg_signature ?? '').toUpperCase() }) })) },
  { name: 'signature of the wrong length', errcode: 300, bytes: c => delivery(c, order(c), d => ({ query: qs({ ...d.query, msg_signature: 'abc' }) })) },
  { name: 'signature of 10 KiB', errcode: 300, bytes: c => delivery(c, order(c), d => ({ query: qs({ ...d.query, msg_signature: 'a'.repeat(10_240) }) })) },
  { name: 'timestamp far in the future', bytes: c => delivery(c, order(c), d => ({ query: qs({ ...d.query, timestamp: '99999999999999999999' }) })) },
  { name: 'negative timestamp', bytes: c => delivery(c, order(c), d => ({ query: qs({ ...d.query, timestamp: '-1' }) })) },
  { name: 'signature of another body', errcode: 300, bytes: c => { const a = signed(c, order(c)); const b = signed(c, order(c, { fee: 1 })); return http(c, { query: qs(a.query), headers: { 'Content-Type': a.contentType }, body: b.body }) } },
  { name: 'truncated ciphertext, signature recomputed', errcode: 298, bytes: c => { const d = signed(c, order(c)); const enc = encryptOf(d).slice(0, 24); const sig = c.profile.sign({ token: c.secrets.token, timestamp: d.query.timestamp ?? '', nonce: d.query.wxnontaxstr ?? '', encrypt: enc, appid: c.secrets.appid }); return http(c, { query: qs({ ...d.query, msg_signature: sig }), headers: { 'Content-Type': d.contentType }, body: JSON.stringify({ encrypt: enc }) }) } },
  { name: 'bad signature, ciphertext under another key (oracle probe)', errcode: 300, bytes: c => { const other = { ...c.secrets, encodingAESKey: 'b'.repeat(43) }; const d = buildDelivery({ payload: order(c), secrets: other, profile: c.profile, nowMs: c.nowMs, badSignature: true }); return http(c, { query: qs(d.query), headers: { 'Content-Type': d.contentType }, body: d.body }) } },
  { name: 'bad signature, ciphertext under our key (oracle probe)', errcode: 300, bytes: c => delivery(c, order(c), () => ({}), { badSignature: true }) },
])

const poison = inGroup('poison payloads', [
  { name: 'order_id {"toString":1,"valueOf":1}, bad signature', errcode: 300, bytes: c => delivery(c, order(c, { order_id: { toString: 1, valueOf: 1 } }), () => ({}), { badSignature: true }) },
  { name: 'order_id {"toString":1,"valueOf":1}, signed', bytes: c => delivery(c, order(c, { order_id: { toString: 1, valueOf: 1 }, status: { valueOf: 1 } })) },
  { name: '__proto__ and constructor keys in the plaintext', bytes: c => delivery(c, `{"appid":"${c.secrets.appid}","order_id":"PR","status":3,"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}`) },
  { name: 'status as an array', bytes: c => delivery(c, order(c, { status: [3, 4] })) },
  { name: 'order_id of 50 KiB', bytes: c => delivery(c, order(c, { order_id: 'N'.repeat(40_000) })) },
  { name: 'a record-shaped plaintext (fake capture fields)', bytes: c => delivery(c, order(c, { id: '20200101-000000-aaaaaa', answer: { status: 200, body: { errcode: 0 } }, inspection: null })) },
  { name: 'payload fields with bidi overrides', bytes: c => delivery(c, order(c, { department_name: '\u202eknab\u202c', order_id: '\u2066x\u2069' })) },
  { name: 'items with 5,000 entries', bytes: c => delivery(c, order(c, { items: Array.from({ length: 5000 }, (_, i) => ({ no: i })) })) },
  { name: 'numbers beyond double precision', bytes: c => delivery(c, `{"appid":"${c.secrets.appid}","order_id":12345678901234567890123,"status":1e400,"fee":-0}`) },
])

export const CORPUS: readonly HostileClass[] = [
  ...requestLine, ...headerGames, ...controlChars, ...encodings, ...nesting, ...duplicates, ...contentTypes,
  ...xml, ...paths, ...methods, ...slow, ...pipelining, ...sizes, ...signatures, ...poison,
]
