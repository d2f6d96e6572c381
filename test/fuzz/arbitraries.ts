import { createCipheriv } from 'node:crypto'
import { parse as parseQuery } from 'node:querystring'
import fc from 'fast-check'
import { deriveKey } from '../../src/profiles/keys.js'
import type { Query } from '../../src/protocol/envelope.js'
import { createWxBizMsgCryptProfile, type Secrets } from '../../src/protocol/profile.js'

/** Fixed, obviously fake secrets: a fixed seed must replay the same cases. */
export const FUZZ_SECRETS: Secrets = { appid: 'wxf0f0f0f0f0f0f0f0', token: 'FuzzToken123', encodingAESKey: 'FuzzKeyFuzzKeyFuzzKeyFuzzKeyFuzzKeyFuzzKey0' }
export const FUZZ_NOW_MS = 1_700_000_000_000
export const profile = createWxBizMsgCryptProfile()

/** Documented receiver errcodes (docs/PROTOCOL.md §2); 299 means the receiver itself failed. */
export const DOCUMENTED_ERRCODES = [0, 210, 298, 299, 300]

/** A fixed seed; search harder locally with FUZZ_SEED=<n> FUZZ_RUNS=20000 (a failure prints its seed and path). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_127)
export const runs = (n: number) => Number(process.env.FUZZ_RUNS ?? n)

const FIELD_NAMES = ['appid', 'encrypt', 'Encrypt', 'data', 'AppId', 'ToUserName', 'msg_signature', 'signature', 'sig', 'wxnontaxstr', 'nonce', 'timestamp', '__proto__', 'constructor', 'toString']

export const contentTypeArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constantFrom(undefined, '', ';', 'application/json', 'APPLICATION/JSON; charset=utf-8', 'application/vnd.wx+json', 'application/x-www-form-urlencoded',
    'text/xml', 'application/xml; charset=gbk', 'text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream', ' application/json '), weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
)

const queryValue = fc.oneof(fc.string({ maxLength: 50 }), fc.stringMatching(/^[0-9a-f]{40}$/), fc.stringMatching(/^\d{10}$/), fc.constant(''))
export const queryArb: fc.Arbitrary<Query> = fc.oneof(
  fc.record({ wxnontaxstr: queryValue, timestamp: queryValue, msg_signature: queryValue }, { requiredKeys: [] }),
  fc.webQueryParameters().map(q => parseQuery(q) as Query),
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fc.oneof(queryValue, fc.array(queryValue, { maxLength: 3 }))),
)

const fieldValue = fc.oneof(fc.string({ maxLength: 80 }), fc.base64String({ maxLength: 200 }), fc.integer(), fc.boolean(), fc.constant(null))
const fieldsArb = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fieldValue, { maxKeys: 6 })

export const jsonBodyArb = fc.oneof(fc.json({ maxDepth: 3 }), fieldsArb.map(f => JSON.stringify(f)), fc.jsonValue({ maxDepth: 2 }).map(v => JSON.stringify(v)))

export const formBodyArb = fc.oneof(
  fieldsArb.map(f => new URLSearchParams(Object.entries(f).map(([k, v]): [string, string] => [k, String(v)])).toString()),
  fc.string({ maxLength: 200 }),
)

const xmlText = fc.oneof(fc.string({ maxLength: 60 }), fc.base64String({ maxLength: 120 }), fc.constantFrom('&amp;', '&lt;', '&#x41;', '&unknown;', ']]>', '<![CDATA[x]]>', '<a>b</a>', '&#0;', '&#xFFFFFFFF;'))
const xmlField = fc.tuple(fc.constantFrom(...FIELD_NAMES.filter(n => /^[A-Za-z_]\w*$/.test(n)), 'Foo', 'xml'), xmlText, fc.boolean())
  .map(([name, text, cdata]) => `<${name}>${cdata ? `<![CDATA[${text}]]>` : text}</${name}>`)
export const xmlBodyArb = fc.oneof(
  fc.array(xmlField, { maxLength: 5 }).map(fields => `<xml>${fields.join('')}</xml>`),
  fc.tuple(fc.constantFrom('<xml>', '<?xml version="1.0"?><xml>', '<root>', '<xml attr="1">', '<!DOCTYPE xml [<!ENTITY e "x">]><xml>'), fc.array(xmlField, { maxLength: 3 }), fc.constantFrom('</xml>', '', '</root>', '</xml></xml>'))
    .map(([open, fields, close]) => open + fields.join('') + close),
  fc.string({ maxLength: 120 }).map(s => '<' + s),
)

export const bytesArb = fc.uint8Array({ maxLength: 512 }).map(b => Buffer.from(b))

/** Any body: bytes, or text in one of the envelope formats. */
export const bodyArb: fc.Arbitrary<Buffer> = fc.oneof(bytesArb, jsonBodyArb.map(s => Buffer.from(s)), formBodyArb.map(s => Buffer.from(s)), xmlBodyArb.map(s => Buffer.from(s)))

const aesKey = deriveKey(FUZZ_SECRETS.encodingAESKey, 'base64+=')
// wxbizmsgcrypt: the IV is the key's first 16 bytes.
const aes = { key: aesKey, iv: aesKey.subarray(0, 16) }

/**
 * Plaintext laid out as wxbizmsgcrypt does (random16 ‖ length ‖ msg ‖ appid ‖ pad), each part
 * possibly wrong, then AES-encrypted under the real key: reaches every check of the decoder.
 */
export const craftedCiphertextArb = fc.record({
  msg: fc.oneof(fc.uint8Array({ maxLength: 80 }).map(b => Buffer.from(b)), fc.json({ maxDepth: 1 }).map(j => Buffer.from(j))),
  lengthDelta: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.constant(0x7fffffff)),
  appid: fc.oneof(fc.constant(FUZZ_SECRETS.appid), fc.string({ maxLength: 20 })),
  padByte: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 255 })),
}).map(({ msg, lengthDelta, appid, padByte }) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(Math.max(0, Math.min(0xffffffff, msg.length + lengthDelta)))
  const content = Buffer.concat([Buffer.alloc(16, 9), len, msg, Buffer.from(appid, 'utf8')])
  // padByte -1: correct PKCS#7 to 32; otherwise that byte value, with the length rounded up to a whole block.
  const n = padByte < 0 ? 32 - (content.length % 32) : 16 - (content.length % 16) || 16
  const plain = Buffer.concat([content, Buffer.alloc(n, padByte < 0 ? n : padByte)])
  const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64')
})

const ciphertextArb = fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 100 }),
  fc.integer({ min: 0, max: 8 }).chain(k => fc.uint8Array({ minLength: 16 * k, maxLength: 16 * k })).map(b => Buffer.from(b).toString('base64')),
  craftedCiphertextArb)

/** Any ciphertext string with a valid signature over it, so the decoder is reached with a good signature. */
export const signedCiphertextArb = fc.tuple(ciphertextArb, fc.stringMatching(/^[0-9a-f]{16}$/))
  .map(([encrypt, nonce]) => {
    const timestamp = String(FUZZ_NOW_MS / 1000)
    return {
      body: Buffer.from(JSON.stringify({ appid: FUZZ_SECRETS.appid, encrypt })),
      query: { wxnontaxstr: nonce, timestamp, msg_signature: profile.sign({ token: FUZZ_SECRETS.token, timestamp, nonce, encrypt }) },
    }
  })
