import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { PAD_BLOCK_BYTES } from '../protocol/cipher.js'
import type { Secrets } from '../protocol/profile.js'
import { notification, orderOf } from './cases-core.js'
import { encryptJson, frame } from './craft.js'
import { paymentNotification } from './payload.js'
import { accepts0 } from '../grade/expectation.js'
import type { Reply } from '../grade/types.js'
import type { CaseContext, CheckCase } from './types.js'
import { SIGNAL } from './root-cause.js'

/**
 * The most common porting bug of this cipher: PKCS#7 to AES's 16-byte blocks instead of 32. It goes
 * unseen while the pad byte happens to be 1..16 (WeChat's fixed test payloads give 10 or 14), so
 * these classes size their messages to put the pad byte where only 32-byte padding works.
 */

/** random(16) ‖ uint32 length ‖ msg ‖ appid (docs/PROTOCOL.md §4). */
const contentBytes = (msg: string, appid: string) => 20 + Buffer.byteLength(msg) + Buffer.byteLength(appid)
const padOf = (content: number) => PAD_BLOCK_BYTES - (content % PAD_BLOCK_BYTES)
/** A 16-byte unpadder rejects any pad byte over 16; 24 is in the middle of what only 32-byte padding produces. */
export const LONG_PAD_BYTE = 24

/** A notification whose plaintext needs exactly LONG_PAD_BYTE pad bytes: its memo is sized to get there. */
export function longPadMessage (ctx: CaseContext): string {
  const base = contentBytes(JSON.stringify(notification(ctx, 21, { memo: '' })), ctx.secrets.appid)
  const memo = 'p'.repeat((((PAD_BLOCK_BYTES - LONG_PAD_BYTE) - base) % PAD_BLOCK_BYTES + PAD_BLOCK_BYTES) % PAD_BLOCK_BYTES)
  return JSON.stringify(notification(ctx, 21, { memo }))
}

/**
 * An order_id sized so the answer's plaintext, {"order_id":"…","status":3} compact or with spaces
 * after ':' and ',', ends 4..8 bytes into a 32-byte block: a 16-byte padder then writes a ciphertext
 * that is not a multiple of 32, or a pad byte 32-byte padding would not give.
 */
export function answerPadOrderId (ctx: CaseContext): string {
  const base = `${orderOf(ctx, 22).orderId}-`
  const compact = contentBytes(JSON.stringify({ order_id: base, status: orderOf(ctx, 22).status }), ctx.secrets.appid)
  return base + 'A'.repeat(((4 - compact) % PAD_BLOCK_BYTES + PAD_BLOCK_BYTES) % PAD_BLOCK_BYTES)
}

type Decrypt = (data: string, s: Secrets) => { cipherBytes: number; padByte: number; declaredLength: number; appid: string }

/** Whether the answer's data carries PKCS#7 padding to 16-byte blocks where 32-byte blocks differ. */
export function answerPads16 (reply: Reply, secrets: Secrets, decrypt: Decrypt): boolean {
  if (reply.kind !== 'answer') return false
  try {
    const data = (JSON.parse(reply.body.toString('utf8')) as { data?: unknown }).data
    if (typeof data !== 'string') return false
    const d = decrypt(data, secrets)
    const content = 20 + d.declaredLength + Buffer.byteLength(d.appid)
    return d.padByte !== padOf(content) && d.padByte === 16 - (content % 16)
  } catch { return false }
}

/** Whether the answer's data is PKCS#7-padded to 32-byte blocks; undefined when it is, or cannot be read. */
export function answerPaddingProblem (reply: Reply, secrets: Secrets, decrypt: (data: string, s: Secrets) => { cipherBytes: number; padByte: number; declaredLength: number; appid: string }): Finding | undefined {
  if (reply.kind !== 'answer') return undefined
  let d: ReturnType<typeof decrypt>
  try {
    const data = (JSON.parse(reply.body.toString('utf8')) as { data?: unknown }).data
    if (typeof data !== 'string') return undefined
    d = decrypt(data, secrets)
  } catch { return undefined } // an unreadable answer is graded already
  const content = 20 + d.declaredLength + Buffer.byteLength(d.appid)
  const want = padOf(content)
  if (d.cipherBytes % PAD_BLOCK_BYTES === 0 && d.padByte === want) return undefined
  const sixteen = d.padByte === 16 - (content % 16)
  const params = { cipherBytes: d.cipherBytes, padByte: d.padByte, wantBytes: content + want, wantPad: want }
  return finding(sixteen ? 'CASE_ANSWER_PADDING_16' : 'CASE_ANSWER_PADDING_OTHER', params)
}

export const paddingCases: CheckCase[] = [
  {
    name: 'long-padding',
    group: 'decryption',
    sent: `valid, pad byte ${LONG_PAD_BYTE} (not 1..16)`,
    build: ctx => frame(ctx, ctx.profile.encrypt(longPadMessage(ctx), ctx.secrets)),
    expect: ctx => accepts0({
      echo: { order_id: orderOf(ctx, 21).orderId, status: orderOf(ctx, 21).status },
      why: {
        errcode: {
          298: finding('CASE_LONG_PADDING_298', { padByte: LONG_PAD_BYTE }),
          210: finding('CASE_LONG_PADDING_210', { padByte: LONG_PAD_BYTE }),
        },
      },
    }),
  },
  {
    name: 'answer-padding',
    group: 'decryption',
    sent: 'valid; checks answer padding',
    build: ctx => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, { orderId: answerPadOrderId(ctx), status: orderOf(ctx, 22).status }, ctx.nowMs, {}, ctx.overrides))),
    expect: ctx => accepts0({ echo: { order_id: answerPadOrderId(ctx), status: orderOf(ctx, 22).status } }),
    answerProblem: (ctx, reply) => answerPaddingProblem(reply, ctx.secrets, (data, s) => ctx.profile.decrypt(data, s)),
    observe: (ctx, reply) => answerPads16(reply, ctx.secrets, (data, s) => ctx.profile.decrypt(data, s)) ? [SIGNAL.ANSWER_PAD16] : [],
  },
]
