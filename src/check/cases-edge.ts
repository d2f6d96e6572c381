import { chinesePaymentNotification, paymentNotification } from './payload.js'
import { unixSeconds } from '../protocol/sign.js'
import { cutBodyInHalf, encryptJson, frame } from './craft.js'
import { notification, orderOf } from './cases-core.js'
import { accepts0, build, rejects, replayedNonce } from '../grade/expectation.js'
import { finding } from '../messages/render.js'
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
      note: finding('CASE_SIGNATURE_PARAM_0'),
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
      note: finding('CASE_UPPER_HEX_0'),
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
      note: finding('CASE_STALE_TIMESTAMP_0'),
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
      { errcode: 298, outcome: 'WARN', note: finding('CASE_EMPTY_BODY_298') },
    ], undefined, { accepted: finding('CASE_EMPTY_BODY_ACCEPTED') }),
  },
  {
    name: 'bad-json',
    group: 'format',
    sent: 'JSON body cut in the middle',
    build: ctx => cutBodyInHalf(frame(ctx, encryptJson(ctx, notification(ctx, 15)))),
    expect: () => rejects(210, { why: { accepted: finding('CASE_BAD_JSON_ACCEPTED') } }),
  },
  {
    name: 'text-plain',
    group: 'format',
    sent: 'valid delivery sent as text/plain',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 16)), { contentType: 'text/plain' }),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 16), outcome: 'WARN',
      note: finding('CASE_TEXT_PLAIN_0'),
      also: [{ errcode: 210, outcome: 'PASS' }],
    }),
  },
  {
    name: 'replayed-nonce',
    group: 'latitude',
    sent: 'wxnontaxstr reused, new order',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 17)), { nonce: ctx.first.nonce }),
    expect: ctx => replayedNonce(echoOf(ctx, 17)),
  },
  {
    name: 'duplicate-order',
    group: 'business',
    sent: 'same order+status as delivery 1',
    build: ctx => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, ctx.first, ctx.nowMs, {}, ctx.overrides))),
    expect: ctx => accepts0({
      echo: { order_id: ctx.first.orderId, status: ctx.first.status },
      why: { rejected: finding('CASE_DUPLICATE_REJECTED') },
    }),
  },
  {
    name: 'one-mib',
    group: 'latitude',
    sent: '1 MiB body, valid and signed',
    build: largeDelivery,
    expect: ctx => build([
      { httpStatus: 413, outcome: 'PASS' }, { errcode: 210, outcome: 'PASS' },
      { errcode: 0, outcome: 'WARN', note: finding('CASE_ONE_MIB_0') },
    ], echoOf(ctx, 19)),
  },
  {
    name: 'chinese',
    group: 'format',
    sent: 'Chinese plaintext (UTF-8)',
    build: ctx => frame(ctx, encryptJson(ctx, chinesePaymentNotification(ctx.secrets.appid, orderOf(ctx, 20), ctx.nowMs, ctx.overrides))),
    expect: ctx => accepts0({
      echo: echoOf(ctx, 20),
      why: {
        errcode: {
          298: finding('CASE_CHINESE_298'),
          210: finding('CASE_CHINESE_210'),
        },
      },
    }),
  },
]
