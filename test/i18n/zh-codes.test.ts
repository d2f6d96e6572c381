import { describe, expect, it } from 'vitest'
import { flagProblem, parseFlags, UsageError } from '../../src/cli/args.js'
import { loadConfig } from '../../src/config.js'
import { ConfigError } from '../../src/errors.js'
import { levelLabel } from '../../src/log/pretty-level.js'
import { logText } from '../../src/log/pretty-message.js'
import { errorText } from '../../src/messages/error-text.js'
import { finding, render } from '../../src/messages/render.js'
import { namedDescriptor } from '../../src/profiles/named.js'
import { parseProfileSetting } from '../../src/profiles/resolve.js'
import { profileWords } from '../../src/profiles/words.js'
import { describeCipher } from '../../src/profiles/cipher-engine.js'
import { describeSignature } from '../../src/profiles/signer.js'
import { readTls } from '../../src/tls/read.js'
import { pressureFinding } from '../../src/plugins/overload-guard.js'
import { startReceiver } from '../hardening/helpers.js'

const OPTIONS = { to: { type: 'string' }, json: { type: 'boolean' } } as const
const problem = (argv: string[], positionals = false) => {
  try { parseFlags(argv, OPTIONS, positionals); return undefined } catch (e) { return e as UsageError }
}

describe('codes first, text per language', () => {
  it('parseArgs errors: Node\'s error code picks the entry, its tokens name the flag', () => {
    const cases: Array<[string[], string, string]> = [
      [['--nope'], 'FLAG_UNKNOWN', '未知选项 --nope（本命令接受：--to --json）'],
      [['--to'], 'FLAG_NEEDS_VALUE', '选项 --to 需要一个值（例如 --to VALUE）'],
      [['--to', '--json'], 'FLAG_NEEDS_VALUE', '选项 --to 需要一个值（例如 --to VALUE）'],
      [['--json=yes'], 'FLAG_TAKES_NO_VALUE', '选项 --json 不带值：只写 --json'],
      [['extra'], 'FLAG_UNEXPECTED_ARGUMENT', '多余的参数 "extra"：本命令只接受选项（见 --help）'],
    ]
    for (const [argv, code, zh] of cases) {
      const e = problem(argv)
      expect(e, argv.join(' ')).toBeInstanceOf(UsageError)
      expect(e?.code).toBe(code)
      expect(errorText(e!, 'zh')).toBe(zh)
    }
    expect(problem(['--nope'])?.message).toBe('unknown option --nope (this command takes: --to --json)')
    // A code Node may add later still reads as a sentence of ours, with Node's detail.
    expect(flagProblem(Object.assign(new Error('odd'), { code: 'ERR_PARSE_ARGS_SOMETHING_NEW' }), [], OPTIONS, false)).toEqual({ code: 'FLAG_INVALID', params: { detail: 'odd' } })
  })

  it('NONTAX_PROFILE: each zod issue becomes a finding naming the field', () => {
    const d = namedDescriptor('wxbizmsgcrypt')!
    const s = parseProfileSetting(JSON.stringify({ ...d, body: 'yaml', cipher: { ...d.cipher, padBlock: 8 }, signature: { ...d.signature, over: [] }, extra: 1 }))
    expect(s.ok).toBe(false)
    if (s.ok) return
    expect(s.findings.map(f => [f.code, f.params?.field])).toEqual(expect.arrayContaining([
      ['PROFILE_FIELD_ONE_OF', 'body'], ['PROFILE_FIELD_ONE_OF', 'cipher.padBlock'], ['PROFILE_FIELD_EMPTY', 'signature.over'], ['PROFILE_FIELD_UNKNOWN_KEYS', '(top level)'],
    ]))
    expect(s.findings.map(f => render(f, 'zh'))).toContain('NONTAX_PROFILE：cipher.padBlock 的值是 8；它只能是 16, 32 之一（docs/PROTOCOL.md §5）')
    expect(s.problem).toContain('NONTAX_PROFILE: body is "yaml"; it must be one of "json", "form", "xml"')
    const missing = parseProfileSetting(JSON.stringify({ ...d, fields: { signature: d.fields.signature } }))
    expect(missing.ok ? [] : missing.findings.map(f => render(f, 'zh'))).toEqual(['NONTAX_PROFILE：缺少 fields.ciphertext；请补上（类型 object，docs/PROTOCOL.md §5）'])
  })

  it('a key the profile cannot read: a code per key form, rendered in the chosen language', () => {
    const hex = JSON.stringify({ ...namedDescriptor('nontax-data-hmac'), cipher: { ...namedDescriptor('nontax-data-hmac')!.cipher, key: { from: 'aesKey', as: 'hex' } } })
    const err = (lang: 'en' | 'zh') => { try { loadConfig({ NONTAX_PROFILE: hex, NONTAX_ENCODING_AES_KEY: 'a'.repeat(43) }, { lang }); return undefined } catch (e) { return e as ConfigError } }
    expect(err('zh')?.problems).toContain('NONTAX_ENCODING_AES_KEY 必须是 64 个十六进制字符，配置 nontax-data-hmac 这样读取它（key "hex"，docs/PROTOCOL.md §5）；收到 43 个字符')
    expect(err('en')?.problems.join('\n')).toMatch(/NONTAX_ENCODING_AES_KEY must be 64 hex characters/)
  })

  it('an unreadable TLS file: CONFIG_INVALID with the fix, in the chosen language', () => {
    const e = (() => { try { readTls({ certFile: '/nonexistent/c.pem', keyFile: '/nonexistent/k.pem' }, 'zh'); return undefined } catch (x) { return x as ConfigError } })()
    expect(e?.code).toBe('CONFIG_INVALID')
    expect(e?.problems).toEqual(['无法读取 TLS_CERT_FILE=/nonexistent/c.pem（ENOENT）；运行 "npm run certs" 在 certs/ 中写入一对自签名证书，或让 TLS_CERT_FILE 指向一个可读的 PEM 文件'])
  })

  it('the pretty log: level labels, and a logged finding rendered in the run\'s language', () => {
    expect(levelLabel({}, { label: 'INFO', labelColorized: '\u001b[32mINFO\u001b[39m' }, { lang: 'zh', mockRun: false })).toBe('\u001b[32m信息\u001b[39m')
    expect(levelLabel({}, { label: 'WARN', labelColorized: 'WARN' }, { lang: 'en', mockRun: false })).toBe('WARN')
    const f = finding('OVERLOAD_LOG_NOTIFY', { method: 'POST', path: '/n', cause: pressureFinding('eventLoopDelay', 34.2, { maxEventLoopDelayMs: 10, maxHeapUsedBytes: 1 }) })
    expect(logText({ msg: render(f), finding: f }, 'msg', 'zh')).toBe('POST /n → 503 errcode 299：接收端过载（事件循环延迟 34 毫秒 > 上限 10 毫秒）；未处理即应答，微信会重发')
    expect(logText({ msg: render(f), finding: f }, 'msg', 'en')).toBe('POST /n → 503 errcode 299: receiver overloaded (event loop delay 34 ms > limit 10 ms); answered without processing, WeChat will retry')
  })

  it('profile words: English equals what records keep; Chinese for the reader', () => {
    const d = namedDescriptor('wxbizmsgcrypt')!
    expect(profileWords(d).cipher).toBe(describeCipher(d.cipher))
    expect(profileWords(d).signature).toBe(describeSignature(d.signature, d.fields))
    expect(profileWords(d).signature).toBe('SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex')
    expect(profileWords(d, 'zh').signature).toBe('SHA-1，对排序后的 token、timestamp、wxnontaxstr 和 encrypt 计算，小写十六进制')
    expect(profileWords(d, 'zh').envelope).toBe('JSON 报文体，encrypt、appid 取自报文体；msg_signature、timestamp、wxnontaxstr 取自查询参数（URL）')
  })

  it('a rejected GET keeps its English message in the capture and adds the code', async () => {
    const { app, config } = await startReceiver({}, 'info')
    await app.inject({ method: 'GET', url: config.notifyPath })
    const [rec] = await app.nontax.store.list()
    expect(rec?.inspection.message).toBe('GET has no body: WeChat POSTs deliveries to this URL')
    expect(rec?.inspection.messageFinding).toEqual({ code: 'REJECT_GET' })
    expect(render(rec!.inspection.messageFinding!, 'zh')).toBe('GET 请求没有报文体：微信用 POST 向这个地址推送')
  })
})

describe('check\'s "sent" column', () => {
  it('has an entry per class, equal in English to the case\'s own `sent` (kept for JSON reports), and Chinese', async () => {
    const { selectChecks } = await import('../../src/check/select.js')
    const { LONG_PAD_BYTE } = await import('../../src/check/cases-padding.js')
    const cases = [...selectChecks({}).cases, ...selectChecks({ api: 'mockqueryfee' }).cases]
    expect(cases.length).toBeGreaterThan(25)
    for (const c of cases) {
      const code = `CHECK_SENT_${c.name.toUpperCase().replaceAll('-', '_')}`
      expect(render({ code, params: { pad: LONG_PAD_BYTE } }, 'en'), c.name).toBe(c.sent)
      expect(render({ code, params: { pad: LONG_PAD_BYTE } }, 'zh'), c.name).toMatch(/\p{Script=Han}/u)
    }
  })
})

describe('why a delivery could not be read: coded where the receiver explains it', () => {
  const secrets = { appid: 'wx0123456789abcdef', token: 'tok', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
  const inspectPlaintext = async (plaintext: string) => {
    const { buildDelivery } = await import('../../src/protocol/delivery.js')
    const { createWxBizMsgCryptProfile } = await import('../../src/protocol/profile.js')
    const { inspectDelivery } = await import('../../src/protocol/inspect.js')
    const profile = createWxBizMsgCryptProfile()
    const d = buildDelivery({ payload: plaintext, secrets, profile, nowMs: Date.now() })
    return inspectDelivery({ body: d.body, contentType: d.contentType, query: d.query }, { secrets, profile, nowMs: Date.now() })
  }

  it('a decrypted message that is not a JSON object: the same English in the capture, the code for the reader', async () => {
    const cases: Array<[string, string, RegExp, RegExp]> = [
      ['plain text', 'PAYLOAD_NOT_JSON', /^decrypted message is not JSON \(.+\): plain text$/, /^解密后的消息不是 JSON（解析器报告：".+"）：plain text$/],
      ['[1,2]', 'PAYLOAD_NOT_OBJECT', /^decrypted message is JSON but not an object: \[1,2\]$/, /^解密后的消息是 JSON，但不是对象：\[1,2\]$/],
      ['['.repeat(70) + ']'.repeat(70), 'PAYLOAD_TOO_DEEP', /^decrypted message nests 70 levels deep, more than the 64 this receiver parses; kept as text only$/, /^解密后的消息嵌套 70 层，超过本接收端解析的 64 层；只按文本保存$/],
    ]
    for (const [plaintext, code, en, zh] of cases) {
      const i = await inspectPlaintext(plaintext)
      expect(i.errcode, code).toBe(210)
      expect(i.messageFinding?.code).toBe(code)
      expect(i.message).toMatch(en)
      expect(render(i.messageFinding!, 'zh')).toMatch(zh)
    }
  })

  it('a profile that finds no ciphertext where its descriptor says, or an empty body', async () => {
    const { namedDescriptor } = await import('../../src/profiles/named.js')
    const { readEnvelope } = await import('../../src/profiles/wire.js')
    const d = namedDescriptor('nontax-data-hmac')!
    const { NotificationError } = await import('../../src/protocol/errors.js')
    const problem = (body: string) => {
      try { readEnvelope(d, { body: Buffer.from(body), contentType: 'application/json', query: {} }) } catch (e) { if (e instanceof NotificationError) return e }
      return undefined
    }
    const noField = problem('{"appid":"wx1","nonce":"n"}')
    expect(noField?.finding?.code).toBe('PROFILE_NO_CIPHERTEXT')
    expect(noField?.message).toBe('no ciphertext in body field "data" (body fields: appid, nonce)')
    expect(render(noField!.finding!, 'zh')).toBe('body 字段 "data" 中没有密文（报文体字段：appid, nonce）')
    expect(problem('{}')?.finding?.code).toBe('PROFILE_NO_BODY_FIELDS')
    expect(problem('{}')?.message).toBe('no ciphertext in body field "data" (body fields: none)')
    const empty = problem('')
    expect(empty?.finding?.code).toBe('PROFILE_BODY_EMPTY')
    expect(render(empty!.finding!, 'zh')).toBe('报文体为空：此配置要求 JSON 报文体')
  })
})
