import { render } from '../../src/messages/render.js'
import { describe, expect, it } from 'vitest'
import { answerForensics } from '../../src/grade/forensics.js'
import { gradeReply } from '../../src/grade/grade.js'
import { accepts0 } from '../../src/grade/expectation.js'
import { buildSuccessAnswer } from '../../src/protocol/answer.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import type { Reply } from '../../src/grade/types.js'
import { testSecrets } from './helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const secrets = testSecrets()
const sent = { timestamp: '1700000000', nonce: '2ba37f90d155d390', encrypt: profile.encrypt('{"order_id":"A"}', secrets) }
const good = buildSuccessAnswer({ order_id: 'A', status: 3 }, secrets, profile, 1_700_000_001_000, 'aaaaaaaaaaaaaaaa')
const reply = (body: unknown): Reply => ({ kind: 'answer', status: 200, headers: {}, body: Buffer.from(JSON.stringify(body)), durationMs: 1 })

describe('answer forensics', () => {
  it.each([
    ['the delivery\'s encrypt instead of the answer\'s data', { timestamp: good.timestamp!, nonce: good.nonce!, encrypt: sent.encrypt }, /signed the delivery's ciphertext instead of the answer's data/],
    ['the delivery\'s timestamp and wxnontaxstr', { timestamp: sent.timestamp, nonce: sent.nonce, encrypt: good.data! }, /signed with the delivery's timestamp and nonce/],
    ['the delivery\'s three inputs', { timestamp: sent.timestamp, nonce: sent.nonce, encrypt: sent.encrypt }, /copied the delivery's signature inputs/],
  ])('recognises an answer signed over %s', (_name, input, cause) => {
    const bad = { ...good, msg_signature: profile.sign({ token: secrets.token, ...input }) }
    const lines = answerForensics(JSON.stringify(bad), secrets, profile, sent)
    expect(lines.map(l => render(l)).join('\n')).toMatch(cause)
    expect(lines[0]?.code).toBe('FX_SIG_MISMATCH')
    expect(render(lines[0]!)).toBe(`answer msg_signature: expected ${good.msg_signature}, received ${bad.msg_signature} in "msg_signature"`)
  })

  it('gives the numbers of an answer whose data does not decrypt, never the token', () => {
    const other = { ...secrets, encodingAESKey: testSecrets().encodingAESKey }
    const foreign = buildSuccessAnswer({ order_id: 'A', status: 3 }, other, profile, 1_700_000_001_000)
    const g = gradeReply(accepts0({ echo: { order_id: 'A', status: 3 } }), reply(foreign), { secrets, profile, sent })
    expect(g).toMatchObject({ outcome: 'FAIL', failure: 'answer' })
    expect(g.forensics.map(l => render(l)).join('\n')).toMatch(/answer data: (PADDING_INVALID|DECLARED_LENGTH_INVALID|APPID_MISMATCH): .* \{"cipherBytes":\d+/)
    expect(JSON.stringify(g)).not.toContain(secrets.token)
  })

  it('never shows part of a secret, even where an excerpt would cut through it', () => {
    const body = `${'x'.repeat(100)} ${secrets.token} ${secrets.encodingAESKey}`
    const g = gradeReply(accepts0(), { kind: 'answer', status: 500, headers: {}, body: Buffer.from(body), durationMs: 1 }, { secrets, profile })
    expect(g.outcome).toBe('FAIL')
    const shown = JSON.stringify(g)
    expect(shown).toContain('x'.repeat(99))
    expect(shown).not.toContain(secrets.token.slice(0, 8))
    expect(shown).not.toContain(secrets.encodingAESKey.slice(0, 8))
  })

  it('a valid answer that does not echo the order is a warning, not a failure', () => {
    const g = gradeReply(accepts0({ echo: { order_id: 'B', status: 3 } }), reply(good), { secrets, profile })
    expect(g.outcome).toBe('WARN')
    expect(g.notes[0]?.code).toBe('NOTE_NO_ECHO')
    expect(render(g.notes[0]!)).toMatch(/does not echo order_id="B"/)
  })

  it('the right errcode on a status other than 200 is a warning', () => {
    const g = gradeReply(accepts0(), { ...reply(good), status: 201 } as Reply, { secrets, profile })
    expect(g).toMatchObject({ outcome: 'WARN', notes: [{ code: 'NOTE_HTTP_STATUS', params: { status: 201 } }] })
    expect(render(g.notes[0]!)).toMatch(/^HTTP 201: docs\/PROTOCOL.md §4 answers HTTP 200/)
  })
})
