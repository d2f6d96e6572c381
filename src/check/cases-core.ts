import { randomBytes } from 'node:crypto'
import { newWxNontaxStr } from '../protocol/delivery.js'
import { unixSeconds } from '../protocol/sign.js'
import { paymentNotification } from './payload.js'
import { corruptBase64, encryptJson, encryptWithPadByte, flipCiphertextByte, frame, encryptUnderOtherKey, truncateCiphertext } from './craft.js'
import { expectationForTest, rejects } from '../grade/expectation.js'
import { finding } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { CaseContext, CheckCase } from './types.js'
import type { Acceptable, Expectation } from '../grade/types.js'

/** Each class gets its own order, so a handler's idempotence never hides a failure of another class. */
export const orderOf = (ctx: CaseContext, n: number) => ({
  orderId: typeof ctx.overrides?.order_id === 'string' ? ctx.overrides.order_id : `${ctx.runId}-${String(n).padStart(2, '0')}`,
  status: typeof ctx.overrides?.status === 'number' ? ctx.overrides.status : 3,
})
export const notification = (ctx: CaseContext, n: number, extra?: Record<string, unknown>) => paymentNotification(ctx.secrets.appid, orderOf(ctx, n), ctx.nowMs, extra, ctx.overrides)

function decryptionFailure (accepted: MessageCode, also: Acceptable[] = []): Expectation {
  return rejects(298, {
    also,
    why: { accepted: finding(accepted), rejected: finding('CASE_DECRYPT_REJECTED'), errcode: { 300: finding('CASE_SIGNED_OK_300') } },
  })
}

/** The JSON starts with {"memo":" (9 bytes), so message byte 9 sits at plaintext byte 29: block 1, offset 13. */
const FLIP_BYTE_INDEX = 13

export const coreCases: CheckCase[] = [
  {
    name: 'crypto-test',
    group: 'version-1',
    sent: 'v1 delivery 1: valid, signed',
    build: ctx => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, ctx.first, ctx.nowMs, {}, ctx.overrides)), { nonce: ctx.first.nonce }),
    expect: ctx => expectationForTest('crypto', { order_id: ctx.first.orderId, status: ctx.first.status }),
  },
  {
    name: 'signature-test',
    group: 'version-1',
    sent: 'v1 delivery 2: bad msg_signature',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 2)), { token: randomBytes(16).toString('hex') }),
    expect: () => expectationForTest('signature'),
  },
  {
    name: 'flipped-byte',
    group: 'signature',
    sent: 'ciphertext altered after signing',
    build: ctx => {
      const encrypt = encryptJson(ctx, notification(ctx, 3, { memo: 'flip-target' }))
      // Signed over the original ciphertext, sent with the flipped one, each in the profile's place.
      const nonce = newWxNontaxStr()
      const timestamp = unixSeconds(ctx.nowMs)
      const signature = ctx.profile.sign({ token: ctx.secrets.token, timestamp, nonce, encrypt, appid: ctx.secrets.appid })
      return frame(ctx, flipCiphertextByte(encrypt, FLIP_BYTE_INDEX), { nonce, timestamp, signature })
    },
    expect: ctx => rejects(300, {
      why: {
        accepted: finding('CASE_FLIPPED_ACCEPTED'),
        // Only CBC with the key as IV and a random prefix keeps a flipped byte decryptable; elsewhere it breaks decryption too.
        rejected: finding(flipStaysValid(ctx) ? 'CASE_FLIPPED_REJECTED' : 'CASE_FLIPPED_REJECTED_UNDECRYPTABLE'),
      },
    }),
  },
  {
    name: 'missing-signature',
    group: 'signature',
    sent: 'no msg_signature in the query',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 4)), { sigParam: undefined }),
    expect: () => rejects(300, {
      also: [{ errcode: 210, outcome: 'WARN', note: finding('CASE_MISSING_SIGNATURE_210') }],
      why: { accepted: finding('CASE_MISSING_SIGNATURE_ACCEPTED') },
    }),
  },
  {
    name: 'other-token',
    group: 'signature',
    sent: 'signed with another token',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 5)), { token: 'AnotherAccountsToken2024' }),
    expect: () => rejects(300, { why: { accepted: finding('CASE_OTHER_TOKEN_ACCEPTED') } }),
  },
  {
    name: 'other-key',
    group: 'decryption',
    sent: 'encrypted under another AES key',
    build: ctx => frame(ctx, encryptUnderOtherKey(ctx, notification(ctx, 9))),
    expect: () => decryptionFailure('CASE_OTHER_KEY_ACCEPTED'),
  },
  {
    name: 'other-appid',
    group: 'decryption',
    sent: 'another appid in the plaintext',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 10), { ...ctx.secrets, appid: 'wx' + randomBytes(8).toString('hex') })),
    expect: () => decryptionFailure('CASE_OTHER_APPID_ACCEPTED'),
  },
  {
    name: 'truncated',
    group: 'decryption',
    sent: 'ciphertext minus its last block',
    build: ctx => frame(ctx, truncateCiphertext(encryptJson(ctx, notification(ctx, 11)))),
    expect: () => decryptionFailure('CASE_TRUNCATED_ACCEPTED'),
  },
  {
    name: 'bad-base64',
    group: 'decryption',
    sent: 'ciphertext with non-base64 chars',
    build: ctx => frame(ctx, corruptBase64(encryptJson(ctx, notification(ctx, 12)))),
    expect: () => decryptionFailure('CASE_BAD_BASE64_ACCEPTED',
      [{ errcode: 210, outcome: 'WARN', note: finding('CASE_BAD_BASE64_210') }]),
  },
  {
    name: 'bad-padding',
    group: 'decryption',
    sent: 'pad byte 0 (right key and appid)',
    build: ctx => frame(ctx, encryptWithPadByte(ctx, JSON.stringify(notification(ctx, 13)), 0)),
    expect: () => decryptionFailure('CASE_BAD_PADDING_ACCEPTED'),
  },
]

/** Whether the flipped byte leaves a valid message (docs/PROTOCOL.md §4: it lands in the random prefix). */
function flipStaysValid (ctx: CaseContext): boolean {
  const c = ctx.profile.descriptor.cipher
  return c.mode === 'aes-256-cbc' && c.iv === 'key' && c.framing === 'random-len-msg-appid'
}
