import { randomBytes } from 'node:crypto'
import { paymentNotification } from './payload.js'
import { corruptBase64, encryptJson, encryptWithPadByte, flipCiphertextByte, frame, otherEncodingAesKey, truncateCiphertext } from './craft.js'
import { expectationForTest, rejects } from '../grade/expectation.js'
import { FIX } from '../grade/explain.js'
import type { CaseContext, CheckCase } from './types.js'
import type { Acceptable, Expectation } from '../grade/types.js'

/** Each class gets its own order, so a handler's idempotence never hides a failure of another class. */
export const orderOf = (ctx: CaseContext, n: number) => ({ orderId: `${ctx.runId}-${String(n).padStart(2, '0')}`, status: 3 })
export const notification = (ctx: CaseContext, n: number, extra?: Record<string, unknown>) => paymentNotification(ctx.secrets.appid, orderOf(ctx, n), ctx.nowMs, extra)

const SIGNED_OK_300 = `your handler answered 300 (signature error) to a correctly signed delivery: ${FIX.token}`

function decryptionFailure (what: string, check: string, also: Acceptable[] = []): Expectation {
  return rejects(298, {
    also,
    why: {
      accepted: `your handler answered 0 to ${what}: ${check}; answer 298 when decryption does not check out`,
      rejected: 'your handler rejected it, but docs/PROTOCOL.md §4 answers 298 (decryption failed) for a ciphertext that does not decrypt to a valid message',
      errcode: { 300: SIGNED_OK_300 },
    },
  })
}

/** The JSON starts with {"memo":" (9 bytes), so message byte 9 sits at plaintext byte 29: block 1, offset 13. */
const FLIP_BYTE_INDEX = 13

export const coreCases: CheckCase[] = [
  {
    name: 'crypto-test',
    group: 'version-1',
    sent: 'v1 delivery 1: valid, signed',
    build: ctx => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, ctx.first, ctx.nowMs)), { nonce: ctx.first.nonce }),
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
      const signed = frame(ctx, encrypt)
      const flipped = flipCiphertextByte(encrypt, FLIP_BYTE_INDEX)
      return { ...signed, body: Buffer.from(JSON.stringify({ appid: ctx.secrets.appid, encrypt: flipped })) }
    },
    expect: () => rejects(300, {
      why: {
        accepted: `your handler answered 0 to a body altered after signing (one ciphertext bit; it still decrypts to valid JSON): it does not verify msg_signature; ${FIX.verify}`,
        rejected: 'your handler rejected the altered body, but not as a signature error: the ciphertext still decrypts to valid JSON under check\'s key, so it decrypts before it verifies (or uses another key); verify msg_signature first and answer 300',
      },
    }),
  },
  {
    name: 'missing-signature',
    group: 'signature',
    sent: 'no msg_signature in the query',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 4)), { sigParam: undefined }),
    expect: () => rejects(300, {
      also: [{ errcode: 210, outcome: 'WARN', note: 'rejected as a format error; docs/PROTOCOL.md §4 answers 300 for a missing signature' }],
      why: { accepted: `your handler answered 0 to a delivery without any signature: it does not require msg_signature; ${FIX.verify}` },
    }),
  },
  {
    name: 'other-token',
    group: 'signature',
    sent: 'signed with another token',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 5)), { token: 'AnotherAccountsToken2024' }),
    expect: () => rejects(300, { why: { accepted: `your handler answered 0 to a delivery signed with another token: it does not verify msg_signature; ${FIX.verify}` } }),
  },
  {
    name: 'other-key',
    group: 'decryption',
    sent: 'encrypted under another AES key',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 9), { ...ctx.secrets, encodingAESKey: otherEncodingAesKey() })),
    expect: () => decryptionFailure('a ciphertext encrypted under another EncodingAESKey', 'it ignores decryption failures; check the pad byte (1..32), the declared length and the appid after decrypting'),
  },
  {
    name: 'other-appid',
    group: 'decryption',
    sent: 'another appid in the plaintext',
    build: ctx => frame(ctx, encryptJson(ctx, notification(ctx, 10), { ...ctx.secrets, appid: 'wx' + randomBytes(8).toString('hex') })),
    expect: () => decryptionFailure('a message encrypted for another appid', 'it does not compare the appid at the end of the plaintext with its own WECHAT_APPID'),
  },
  {
    name: 'truncated',
    group: 'decryption',
    sent: 'ciphertext minus its last block',
    build: ctx => frame(ctx, truncateCiphertext(encryptJson(ctx, notification(ctx, 11)))),
    expect: () => decryptionFailure('a truncated ciphertext', 'it does not check the pad byte, the declared length and the appid after decrypting'),
  },
  {
    name: 'bad-base64',
    group: 'decryption',
    sent: 'ciphertext with non-base64 chars',
    build: ctx => frame(ctx, corruptBase64(encryptJson(ctx, notification(ctx, 12)))),
    expect: () => decryptionFailure('a ciphertext that is not base64', 'it does not validate the base64 (Node\'s Buffer.from(s, "base64") silently skips bad characters)',
      [{ errcode: 210, outcome: 'WARN', note: 'rejected as a format error; docs/PROTOCOL.md §4 answers 298 for ciphertext that is not base64' }]),
  },
  {
    name: 'bad-padding',
    group: 'decryption',
    sent: 'pad byte 0 (right key and appid)',
    build: ctx => frame(ctx, encryptWithPadByte(ctx, JSON.stringify(notification(ctx, 13)), 0)),
    expect: () => decryptionFailure('a ciphertext whose padding is invalid (pad byte 0)', 'it does not check that the pad byte is 1..32'),
  },
]
