import { describe, expect, it } from 'vitest'
import { buildFailureAnswer, buildSuccessAnswer } from '../../src/protocol/answer.js'
import { errmsgFor, inspectDelivery } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { batteryCases, CASE_ORDER } from '../../src/check/cases.js'
import { gradeReply } from '../../src/grade/grade.js'
import type { CaseContext, CraftedRequest } from '../../src/check/types.js'
import type { Reply } from '../../src/grade/types.js'
import { LARGE_BODY_TARGET_BYTES } from '../../src/check/cases-edge.js'
import { testSecrets } from './helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const secrets = testSecrets()
const ctx: CaseContext = { secrets, profile, nowMs: Date.now(), runId: 'CHKTEST', first: { nonce: '0123456789abcdef', orderId: 'CHKTEST-01', status: 3 } }
const inspect = (r: CraftedRequest) => inspectDelivery({ body: r.body, contentType: r.contentType, query: Object.fromEntries(r.query) }, { secrets, profile, nowMs: ctx.nowMs })

/** What this project's own receiver concludes about each crafted delivery: proof each class breaks exactly one thing. */
const REFERENCE: Record<(typeof CASE_ORDER)[number], { errcode: number; reason?: string; decrypts?: boolean }> = {
  'crypto-test': { errcode: 0 },
  'signature-test': { errcode: 300, reason: 'SIGNATURE_MISMATCH', decrypts: true },
  'flipped-byte': { errcode: 300, reason: 'SIGNATURE_MISMATCH', decrypts: true },
  'missing-signature': { errcode: 300, reason: 'SIGNATURE_MISSING', decrypts: true },
  'signature-param': { errcode: 0 },
  'upper-hex': { errcode: 0 },
  'stale-timestamp': { errcode: 0 },
  'other-token': { errcode: 300, reason: 'SIGNATURE_MISMATCH', decrypts: true },
  'other-key': { errcode: 298, decrypts: false },
  'other-appid': { errcode: 298, reason: 'APPID_MISMATCH' },
  truncated: { errcode: 298, decrypts: false },
  'bad-base64': { errcode: 298, reason: 'CIPHERTEXT_NOT_BASE64' },
  'bad-padding': { errcode: 298, reason: 'PADDING_INVALID' },
  'long-padding': { errcode: 0 },
  'answer-padding': { errcode: 0 },
  'empty-body': { errcode: 210, reason: 'BODY_EMPTY' },
  'bad-json': { errcode: 210, reason: 'ENVELOPE_UNPARSEABLE' },
  'text-plain': { errcode: 210, reason: 'CONTENT_TYPE_UNSUPPORTED' },
  'replayed-nonce': { errcode: 0 },
  'duplicate-order': { errcode: 0 },
  redelivery: { errcode: 0 },
  'one-mib': { errcode: 0 },
  chinese: { errcode: 0 },
}

describe('the battery classes', () => {
  it('are all defined, in the documented order, each with a short description that fits the table', () => {
    const cases = batteryCases()
    expect(cases.map(c => c.name)).toEqual([...CASE_ORDER])
    for (const c of cases) expect(c.sent.length, c.name).toBeLessThanOrEqual(33)
  })

  it.each(batteryCases().map(c => [c.name, c] as const))('%s: the receiver logic of this project reaches the documented conclusion', (name, c) => {
    const i = inspect(c.build(ctx))
    const want = REFERENCE[name as keyof typeof REFERENCE]
    expect(i.errcode).toBe(want.errcode)
    if (want.reason) expect(i.reason).toBe(want.reason)
    if (want.decrypts !== undefined) expect(i.decryption?.ok).toBe(want.decrypts)
  })

  it.each(batteryCases().map(c => [c.name, c] as const))('%s: the answer of a correct handler with no body limit never FAILs', (_name, c) => {
    const i = inspect(c.build(ctx))
    const answer = i.errcode === 0
      ? buildSuccessAnswer({ order_id: i.payload?.order_id, status: i.payload?.status }, secrets, profile, ctx.nowMs)
      : buildFailureAnswer(i.errcode, errmsgFor(i))
    const reply: Reply = { kind: 'answer', status: 200, headers: {}, body: Buffer.from(JSON.stringify(answer)), durationMs: 1 }
    const g = gradeReply(c.expect(ctx), reply, { secrets, profile })
    expect(g.outcome, `${g.reason ?? ''} ${g.notes.join(' ')}`).not.toBe('FAIL')
  })

  it('flips a ciphertext bit so the message still decrypts to JSON: only the signature can catch it', () => {
    const c = batteryCases().find(x => x.name === 'flipped-byte')!
    const i = inspect(c.build(ctx))
    expect(i.payload?.memo).toBe('glip-target')
  })

  it('builds the large body just over 1 MiB, and replays the nonce and order of delivery 1', () => {
    const byName = new Map(batteryCases().map(c => [c.name, c.build(ctx)]))
    const size = byName.get('one-mib')!.body.length
    expect(size).toBeGreaterThanOrEqual(LARGE_BODY_TARGET_BYTES)
    expect(size).toBeLessThan(LARGE_BODY_TARGET_BYTES + 1024)
    const nonce = (r: CraftedRequest) => r.query.find(([k]) => k === 'wxnontaxstr')?.[1]
    expect(nonce(byName.get('replayed-nonce')!)).toBe(ctx.first.nonce)
    expect(nonce(byName.get('duplicate-order')!)).not.toBe(ctx.first.nonce)
    expect(inspect(byName.get('duplicate-order')!).payload).toMatchObject({ order_id: ctx.first.orderId, status: ctx.first.status })
    expect(inspect(byName.get('chinese')!).payload?.department_name).toBe('北京市东城区财政局')
  })
})
