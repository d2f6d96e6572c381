import { describe, expect, it } from 'vitest'
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

  it('accepts an upper-case answer signature with a warning (PROTOCOL.md C)', () => {
    const a = buildSuccessAnswer({ order_id: 'O1', status: 3 }, secrets, profile, 1_790_000_000_000)
    const c = checkAnswer(200, JSON.stringify({ ...a, msg_signature: a.msg_signature?.toUpperCase() }), secrets, profile)
    expect(c.signatureOk).toBe(true)
    expect(c.warnings).toEqual([expect.stringMatching(/upper-case hex/)])
  })

  it('names each problem: wrong signature, missing data on 0, not JSON, other status', () => {
    const a = buildSuccessAnswer({}, secrets, profile, 1_790_000_000_000)
    expect(checkAnswer(200, JSON.stringify({ ...a, msg_signature: '0'.repeat(40) }), secrets, profile).problems)
      .toEqual(['answer msg_signature does not match its data, timestamp and nonce'])
    expect(checkAnswer(200, '{"errcode":0,"errmsg":"ok"}', secrets, profile).problems).toEqual(['errcode 0 but no encrypted "data" in the answer'])
    expect(checkAnswer(200, 'success', secrets, profile).problems).toEqual(['answer is not JSON: "success"'])
    expect(checkAnswer(500, JSON.stringify(buildFailureAnswer(299, 'system error')), secrets, profile)).toMatchObject({
      errcode: 299, signatureOk: null, problems: ['HTTP status 500; the answer should be HTTP 200 with an errcode'],
    })
  })
})
