import { chinesePaymentNotification, paymentNotification } from './payload.js'
import { unixSeconds } from '../protocol/sign.js'
import { encryptJson, frame } from './craft.js'
import { notification, orderOf } from './cases-core.js'
import { accepts0, build, rejects } from '../grade/expectation.js'
import { FIX } from '../grade/explain.js'
import type { CaseContext, CheckCase, CraftedRequest } from './types.js'

const DAY_MS = 86_400_000
/** Just over the 1 MiB default body limit of Fastify and many proxies. */
export const LARGE_BODY_TARGET_BYTES = 1_048_576 + 256

/** A valid delivery whose body is just over 1 MiB: one long field in the notification. */
function largeDelivery (ctx: CaseContext): CraftedRequest {
  let memoBytes = Math.floor(LARGE_BODY_TARGET_BYTES * 3 / 4) - 1024
  let req = frame(ctx, encryptJson(ctx, notification(ctx, 19, { memo: 'x'.repeat(memoBytes) })))
  // Base64 and the 32-byte padding make the size step; a few rounds always reach the target.
  for (let i = 0; i < 5 && req.body.length < LARGE_BODY_TARGET_BYTES; i++) {
    memoBytes += Math.ceil((LARGE_BODY_TARGET_BYTES - req.body.length) * 3 / 4) + 32
    req = frame(ctx, encryptJson(ctx, notification(ctx, 19, { memo: 'x'.repeat(memoBytes) })))
  }
  return req
}

const echoOf = (ctx: CaseContext, n: number) => ({ order_id: orderOf(ctx, n).orderId, status: orderOf(ctx, n).status })

export const edgeCases: CheckCase[] = [
  {
    name: 'signature-param',
    group: 'latitude',
    sent: 'signature in "signature" param',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 6)), { sigParam: 'signature' }),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 6), outcome: 'WARN',
      note: 'accepted the signature from the non-canonical "signature" parameter; WeChat sends msg_signature (docs/PROTOCOL.md §8 allows either)',
      also: [{ errcode: 300, outcome: 'PASS' }, { errcode: 210, outcome: 'PASS' }],
    }),
  },
  {
    name: 'upper-hex',
    group: 'latitude',
    sent: 'msg_signature in upper-case hex',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 7)), { upperHex: true }),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 7), outcome: 'WARN',
      note: 'compared the signature case-insensitively; this profile emits lower-case hex (docs/PROTOCOL.md §8 allows either)',
      also: [{ errcode: 300, outcome: 'PASS' }],
    }),
  },
  {
    name: 'stale-timestamp',
    group: 'latitude',
    sent: 'timestamp a day old, signed',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 8)), { timestamp: unixSeconds(ctx.nowMs - DAY_MS) }),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 8), outcome: 'WARN',
      note: 'accepted a delivery signed a day ago: WeChat documents no freshness window (docs/PROTOCOL.md §8 allows either); a replayed old delivery would pass too',
      also: [{ errcode: 300, outcome: 'PASS' }],
    }),
  },
  {
    name: 'empty-body',
    group: 'format',
    sent: 'empty body, signed query',
    build: ctx => ({ ...frame(ctx, encryptJson(ctx, notification(ctx, 14))), body: Buffer.alloc(0) }),
    expect: () => build([
      { errcode: 210, outcome: 'PASS' }, { errcode: 300, outcome: 'PASS' },
      { errcode: 298, outcome: 'WARN', note: 'rejected as a decryption failure; an empty body is a format error (210)' },
    ], undefined, { accepted: `your handler answered 0 to an empty body: it reported success without reading a notification; ${FIX.envelope}, and answer 210 when there is none` }),
  },
  {
    name: 'bad-json',
    group: 'format',
    sent: 'JSON body cut in the middle',
    build: ctx => {
      const req = frame(ctx, encryptJson(ctx, notification(ctx, 15)))
      return { ...req, body: req.body.subarray(0, Math.floor(req.body.length / 2)) }
    },
    expect: () => rejects(210, { why: { accepted: 'your handler answered 0 to a body that is not valid JSON: it reported success without a notification; answer 210 when the body does not parse' } }),
  },
  {
    name: 'text-plain',
    group: 'format',
    sent: 'valid delivery sent as text/plain',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 16)), { contentType: 'text/plain' }),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 16), outcome: 'WARN',
      note: 'sniffed and accepted a text/plain body; WeChat sends application/json (docs/PROTOCOL.md §8 allows either)',
      also: [{ errcode: 210, outcome: 'PASS' }],
    }),
  },
  {
    name: 'replayed-nonce',
    group: 'latitude',
    sent: 'wxnontaxstr reused, new order',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 17)), { nonce: ctx.first.nonce }),
    expect: ctx => build([
      { errcode: 0, outcome: 'WARN', note: 'accepted a wxnontaxstr it had already seen: a captured delivery could be replayed (docs/PROTOCOL.md §8 allows it; WeChat documents no replay window)' },
      { errcode: 'any-rejection', outcome: 'WARN', note: 'rejected a repeated wxnontaxstr: fine if WeChat never reuses one, but if its retries do, this drops them (undocumented; docs/PROTOCOL.md §8 allows either)' },
    ], echoOf(ctx, 17)),
  },
  {
    name: 'duplicate-order',
    group: 'business',
    sent: 'same order+status as delivery 1',
    build: ctx => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, ctx.first, ctx.nowMs))),
    expect: ctx => accepts0({
      echo: { order_id: ctx.first.orderId, status: ctx.first.status },
      why: { rejected: 'your handler rejected a repeated notification of the same order_id and status: WeChat delivers again when it lost your first answer, so answer 0 again (and do not apply it twice)' },
    }),
  },
  {
    name: 'one-mib',
    group: 'latitude',
    sent: '1 MiB body, valid and signed',
    build: largeDelivery,
    expect: ctx => build([
      { httpStatus: 413, outcome: 'PASS' }, { errcode: 210, outcome: 'PASS' },
      { errcode: 0, outcome: 'WARN', note: 'accepted a 1 MiB notification: real ones are a few KiB, so a body limit near 64 KiB bounds the memory a sender can make the handler use (docs/PROTOCOL.md §8 allows either)' },
    ], echoOf(ctx, 19)),
  },
  {
    name: 'chinese',
    group: 'format',
    sent: 'Chinese plaintext (UTF-8)',
    build: ctx => frame(ctx, encryptJson(ctx, chinesePaymentNotification(ctx.secrets.appid, orderOf(ctx, 20), ctx.nowMs))),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 20),
      why: {
        errcode: {
          298: `your handler could not decrypt a Chinese plaintext (298). If crypto-test passes, the 4-byte length counts UTF-8 bytes, not characters: take that many bytes, then decode them as UTF-8. If crypto-test fails too, fix that first: ${FIX.key}`,
          210: 'your handler decrypted a Chinese plaintext to something that is not JSON: decode the message bytes as UTF-8 (not latin1 or GBK) after taking the declared byte length',
        },
      },
    }),
  },
]
