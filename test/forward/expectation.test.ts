import { render } from '../../src/messages/render.js'
import { describe, expect, it } from 'vitest'
import { corruptBase64, encryptJson, frame } from '../../src/check/craft.js'
import { expectationFor, shortExpected } from '../../src/grade/expectation.js'
import { finding } from '../../src/messages/render.js'
import { edgeCases } from '../../src/check/cases-edge.js'
import { inspectDelivery } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import type { CaseContext, CraftedRequest } from '../../src/check/types.js'
import { testSecrets } from '../check/helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const secrets = testSecrets()
const ctx: CaseContext = { secrets, profile, nowMs: Date.now(), runId: 'T', first: { nonce: '0123456789abcdef', orderId: 'T-01', status: 3 } }
const payload = { appid: secrets.appid, order_id: 'E-1', status: 3 }
const expectFor = (r: CraftedRequest, nowMs = ctx.nowMs) => {
  const i = inspectDelivery({ body: r.body, contentType: r.contentType, query: Object.fromEntries(r.query) }, { secrets, profile, nowMs })
  return expectationFor(i, { bodyBytes: r.body.length })
}

/** Forward mode grades real deliveries: what our receiver concluded, widened by docs/PROTOCOL.md §8. */
describe('expectationFor (forward mode)', () => {
  it.each([
    ['a canonical delivery', frame(ctx, encryptJson(ctx, payload)), '0', undefined],
    ['upper-case hex', frame(ctx, encryptJson(ctx, payload), { upperHex: true }), '300 [0]', /upper-case/],
    ['the signature in "signature"', frame(ctx, encryptJson(ctx, payload), { sigParam: 'signature' }), '300 [0]', /"signature", not "msg_signature"/],
    ['no content-type', frame(ctx, encryptJson(ctx, payload), { contentType: undefined }), '210 [0]', /no content-type/],
    ['text/plain', frame(ctx, encryptJson(ctx, payload), { contentType: 'text/plain' }), '210 [0]', /sniffed/],
    ['a wrong signature', frame(ctx, encryptJson(ctx, payload), { token: 'SomeoneElsesToken' }), '300', undefined],
    ['bad base64', frame(ctx, corruptBase64(encryptJson(ctx, payload))), '298 [210]', /not base64/],
  ] as const)('%s → %s', (_name, req, short, note) => {
    const e = expectFor(req)
    expect(render(shortExpected(e))).toBe(short)
    const warn = e.accept.find(a => a.outcome === 'WARN')
    if (note) expect(render(warn!.note!)).toMatch(note)
    else expect(warn).toBeUndefined()
  })

  it('a day-old timestamp lets the handler reject (300) and warns on accepting', () => {
    const e = expectFor(frame(ctx, encryptJson(ctx, payload)), ctx.nowMs + 86_400_000)
    expect(render(shortExpected(e))).toBe('300 [0]')
  })

  it('a body over 64 KiB may be refused with 413 or 210', () => {
    const e = expectFor(frame(ctx, encryptJson(ctx, { ...payload, memo: 'x'.repeat(70_000) })))
    expect(render(shortExpected(e))).toBe('210/413 [0]')
  })

  it('a successful payment notification must be echoed in the answer', () => {
    expect(expectFor(frame(ctx, encryptJson(ctx, payload))).echo).toEqual({ order_id: 'E-1', status: 3 })
  })

  it('a repeated wxnontaxstr may be accepted or rejected, each with a warning, as check grades it', () => {
    const r = frame(ctx, encryptJson(ctx, payload))
    const i = inspectDelivery({ body: r.body, contentType: r.contentType, query: Object.fromEntries(r.query) }, { secrets, profile, nowMs: ctx.nowMs })
    i.warnings.push(finding('WARN_NONCE_REUSED', { nonce: ctx.first.nonce, earlier: 'X' }))
    const e = expectationFor(i, { bodyBytes: r.body.length })
    expect(render(shortExpected(e))).toBe('[0/reject]')
    expect(render(shortExpected(e), 'zh')).toBe('[0/拒绝]')
    const replayed = edgeCases.find(c => c.name === 'replayed-nonce')
    expect(e.accept).toEqual(replayed?.expect(ctx).accept)
    expect(e.echo).toEqual({ order_id: 'E-1', status: 3 })
  })
})
