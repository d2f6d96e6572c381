import { describe, expect, it } from 'vitest'
import { render } from '../../src/messages/render.js'
import { buildFailureAnswer, buildSuccessAnswer, checkAnswer } from '../../src/protocol/answer.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'

const profile = createWxBizMsgCryptProfile()
const secrets = { appid: 'wx1234567890abcdef', token: 'Tok123', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }

describe('checkAnswer (what a sender learns from an answer)', () => {
  it('reads a success answer: signature valid, data decrypted', () => {
    const a = buildSuccessAnswer({ order_id: 'O1', status: 3 }, secrets, profile, 1_790_000_000_000)
    expect(checkAnswer(200, JSON.stringify(a), secrets, profile)).toEqual({
      httpStatus: 200, errcode: 0, errmsg: 'ok', signatureOk: true, data: { order_id: 'O1', status: 3 }, problems: [], warnings: [],
    })
  })

  it('accepts an upper-case answer signature with a warning (docs/PROTOCOL.md §8)', () => {
    const a = buildSuccessAnswer({ order_id: 'O1', status: 3 }, secrets, profile, 1_790_000_000_000)
    const c = checkAnswer(200, JSON.stringify({ ...a, msg_signature: a.msg_signature?.toUpperCase() }), secrets, profile)
    expect(c.signatureOk).toBe(true)
    expect(c.warnings).toEqual([{ code: 'ANSWER_SIGNATURE_HEX_CASE', params: { got: 'upper-case', emits: 'lower-case' } }])
    expect(render(c.warnings[0]!)).toMatch(/upper-case hex/)
  })

  it('names each problem: wrong signature, missing data on 0, not JSON, other status', () => {
    const a = buildSuccessAnswer({}, secrets, profile, 1_790_000_000_000)
    const problems = (status: number, body: string) => checkAnswer(status, body, secrets, profile).problems
    expect(problems(200, JSON.stringify({ ...a, msg_signature: '0'.repeat(40) }))).toEqual([{ code: 'ANSWER_SIGNATURE_MISMATCH' }])
    expect(problems(200, '{"errcode":0,"errmsg":"ok"}')).toEqual([{ code: 'ANSWER_NO_DATA' }])
    expect(problems(200, 'success')).toEqual([{ code: 'ANSWER_NOT_JSON', params: { head: '"success"' } }])
    expect(checkAnswer(500, JSON.stringify(buildFailureAnswer(299, 'system error')), secrets, profile)).toMatchObject({
      errcode: 299, signatureOk: null, problems: [{ code: 'ANSWER_HTTP_STATUS', params: { status: 500 } }],
    })
    // What a person reads, rendered from the codes.
    expect(problems(200, '{"errcode":0,"errmsg":"ok"}').map(p => render(p))).toEqual(['errcode 0 but no encrypted "data" in the answer'])
    expect(problems(200, 'success').map(p => render(p))).toEqual(['answer is not JSON: "success"'])
    expect(render(problems(500, '{"errcode":299}')[0]!)).toBe('HTTP status 500; the answer should be HTTP 200 with an errcode')
  })
})
