import { describe, expect, it } from 'vitest'
import { encryptJson, frame } from '../../src/check/craft.js'
import type { CaseContext, CraftedRequest } from '../../src/check/types.js'
import { describeAccept, expectationFor, LARGE_BODY_BYTES } from '../../src/grade/expectation.js'
import { wrap } from '../../src/check/report-table.js'
import { computeVerdict } from '../../src/verdict/verdict.js'
import { displayWidth } from '../../src/messages/width.js'
import { listOf, render } from '../../src/messages/render.js'
import { inspectDelivery } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testSecrets } from '../check/helpers/secrets.js'
import { englishRuns } from './english-runs.js'

const profile = createWxBizMsgCryptProfile()
const secrets = testSecrets()
const ctx: CaseContext = { secrets, profile, nowMs: Date.now(), runId: 'T', first: { nonce: '0123456789abcdef', orderId: 'T-01', status: 3 } }
const payload = { appid: secrets.appid, order_id: 'E-1', status: 3 }
const expectFor = (r: CraftedRequest) => expectationFor(inspectDelivery(
  { body: r.body, contentType: r.contentType, query: Object.fromEntries(r.query) }, { secrets, profile, nowMs: ctx.nowMs },
), { bodyBytes: r.body.length })

describe('lists inside a sentence, joined once per language (src/messages/list.ts)', () => {
  it('English: commas, and "and"/"or" before the last; Chinese: 、 and 和/或, spaces only where Han meets Latin', () => {
    const three = listOf(['WECHAT_APPID', 'NONTAX_TOKEN', 'NONTAX_ENCODING_AES_KEY'], 'and')
    expect(render({ code: 'GOT_NO_ANSWER', params: { error: three } })).toBe('no answer: WECHAT_APPID, NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY')
    expect(render({ code: 'GOT_NO_ANSWER', params: { error: three } }, 'zh')).toBe('没有应答：WECHAT_APPID、NONTAX_TOKEN 和 NONTAX_ENCODING_AES_KEY')
    const han = listOf([{ code: 'ERRCODE_300' }, { code: 'ERRCODE_298' }], 'or')
    expect(render({ code: 'GOT_NO_ANSWER', params: { error: han } }, 'zh')).toBe('没有应答：签名错误或解密失败')
    const bracketed = listOf(['NONTAX_TOKEN（或 --token）', 'NONTAX_ENCODING_AES_KEY（或 --aes-key）'], 'and')
    expect(render({ code: 'GOT_NO_ANSWER', params: { error: bracketed } }, 'zh')).toBe('没有应答：NONTAX_TOKEN（或 --token）和 NONTAX_ENCODING_AES_KEY（或 --aes-key）')
    expect(render({ code: 'GOT_NO_ANSWER', params: { error: listOf(['a', 'b'], 'semi') } }, 'zh')).toBe('没有应答：a；b')
  })
})

describe('what a handler is expected to answer, and the latitude notes of forward mode, in both languages', () => {
  it('the long form keeps its English (JSON reports) and reads Chinese', () => {
    const e = describeAccept([{ errcode: 300, outcome: 'PASS' }, { errcode: 210, outcome: 'PASS' }, { errcode: 0, outcome: 'WARN' }])
    expect(render(e)).toBe('errcode 300 (signature error) or errcode 210 (data format error); also acceptable, with a warning: errcode 0 + signed, encrypted data')
    expect(render(e, 'zh')).toBe('errcode 300（签名错误）或 errcode 210（数据格式错误）；也可接受但有警告：errcode 0 且带签名的加密 data')
    expect(render(describeAccept([{ errcode: 'any-rejection', outcome: 'WARN' }]), 'zh')).toBe('可接受但有警告：任何拒绝')
  })

  it.each([
    ['upper-case hex', frame(ctx, encryptJson(ctx, payload), { upperHex: true }), 'accepted although the signature hex is upper-case', '虽然签名为大写十六进制，仍被接受'],
    ['the signature in "signature"', frame(ctx, encryptJson(ctx, payload), { sigParam: 'signature' }), 'accepted although the signature came in "signature", not "msg_signature"', '虽然签名放在 "signature" 中，而不是 "msg_signature"，仍被接受'],
    ['no content-type', frame(ctx, encryptJson(ctx, payload), { contentType: undefined }), 'accepted although the delivery has no content-type', '虽然推送没有 content-type，仍被接受'],
    ['a large body', frame(ctx, encryptJson(ctx, { ...payload, memo: 'x'.repeat(LARGE_BODY_BYTES) })), 'accepted although the body is over 64 KiB', '虽然报文体超过 64 KiB，仍被接受'],
  ] as const)('%s', (_name, req, en, zh) => {
    const note = expectFor(req).accept.find(a => a.outcome === 'WARN')?.note
    expect(note?.code).toBe('NOTE_ACCEPTED_ALTHOUGH')
    expect(render(note!)).toMatch(new RegExp(`^${en.replace(/[()]/g, '\\$&')} \\(docs`))
    expect(render(note!, 'zh')).toMatch(new RegExp(`^${zh}（docs`))
    expect(englishRuns(render(note!, 'zh'))).toEqual([])
  })
})

describe('wrapping a Chinese detail line (check report)', () => {
  it('never starts a line with closing punctuation: the character before it moves down too', () => {
    const text = `${'验'.repeat(40)}；按签名计算`
    const lines = wrap(text, '', '', 80)
    expect(lines).toEqual([`${'验'.repeat(39)}`, '验；按签名计算'])
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80)
  })

  it('cuts a run of Chinese and Latin next to a Chinese character: a value, a number or a signature moves down whole', () => {
    const json = '{"errcode":0,"errmsg":"ok","data","timestamp","nonce","msg_signature"}'
    const lines = wrap(`你的处理程序应答了 0，但微信无法使用这个应答。请应答${json}：data 按推送的方式加密`, '', '', 80)
    expect(lines.some(l => l.includes(json))).toBe(true)
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80)
  })
})

describe('the verdict says why the sender refused an answer in the reader\'s language', () => {
  it('a delivery our receiver did not answer (the emulator\'s coded report)', () => {
    const reason = { code: 'EMULATOR_NO_ANSWER', params: { origin: 'http://127.0.0.1:9', error: { code: 'EMULATOR_CLOSING' } } }
    const sender = { index: 1, ok: false, error: 'not answered: the emulator was closing', problems: [render(reason)], findings: { reason } }
    const base = { mode: 'embedded' as const, api: 'mocknotification', version: 1, callbackUrl: 'http://127.0.0.1:9/n', records: [], timedOut: false, senderReports: [sender], assumption: '', waitTimeoutMs: 1 }
    expect(computeVerdict({ ...base, lang: 'zh' }).reasons).toContain('发送方拒绝了我们对第 1 次推送的应答：http://127.0.0.1:9 没有应答：模拟器正在关闭；接收端在运行吗？url（协议、主机、端口、路径）指向它吗？')
    expect(computeVerdict(base).reasons.join('\n')).toContain('no answer from http://127.0.0.1:9: not answered: the emulator was closing; is the receiver running')
  })
})
