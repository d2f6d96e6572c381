import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli-process.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { englishRuns } from './english-runs.js'

const SECRETS = { WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: 'Token123456', NONTAX_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
const CHINA = { LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: 'auto', LOG_FORMAT: 'pretty', ...SECRETS }
const secrets = { appid: SECRETS.WECHAT_APPID, token: SECRETS.NONTAX_TOKEN, encodingAESKey: SECRETS.NONTAX_ENCODING_AES_KEY }

// Forward mode grades the user's handler with the one grader: its expected/got, fix, forensics and the
// verdict's notes are the same findings check shows, here in the log and the verdict of `npm start`.
describe('npm start -- --once --forward-to HANDLER in Chinese (real CLI, child processes)', { timeout: 120_000 }, () => {
  it('a handler that skips signature verification: the graded lines, the forensics and the verdict', async () => {
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const at = { ...CHINA, CAPTURE_DIR: join(mkdtempSync(join(tmpdir(), 'nontax-zh-forward-')), 'captures') }
    const r = await runCli(['run', '--once', '--forward-to', h.url], at)
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toContain(`推送将转发给你的处理程序 ${h.url}；结论评判的是它的应答。`)
    expect(r.stdout).toContain('评判 FAIL：应为 errcode 300（签名错误），实际 HTTP 200，errcode 0 "ok"，data 解密为 {')
    expect(r.stdout).toMatch(/│ {5}推送的 msg_signature：应为 [0-9a-f]{40}，收到 [0-9a-f]{40}（在 "msg_signature" 中）$/m)
    // Forward mode decrypts with this receiver's key, not check's.
    expect(r.stdout).toMatch(/│ {5}推送的密文可以解密（本接收端的密钥）：\d+ 字节/)
    expect(r.stdout).toMatch(/^ {3}不通过：发送方拒绝了我们对第 2 次推送的应答：你的处理程序对微信的签名测试应答了 0/m)
    expect(englishRuns(r.stdout + r.stderr)).toEqual([])
    // captures show of the relayed signature test: the handler's grade in the same words as the log.
    const show = await runCli(['captures', 'show', 'last'], at)
    expect(show.code, show.stderr).toBe(0)
    expect(show.stdout).toMatch(/^已转发给你的处理程序\n {2}你的处理程序：HTTP 200，用时 \d+ 毫秒 · 评判 FAIL：应为 errcode 300（签名错误），实际 HTTP 200，errcode 0 "ok"/m)
    expect(show.stdout).toMatch(/^ {2}推送的 msg_signature：应为 [0-9a-f]{40}，收到 [0-9a-f]{40}（在 "msg_signature" 中）$/m)
    expect(englishRuns(show.stdout + show.stderr)).toEqual([])
  })

  it('a handler that does not sign its answers: the answer forensics and the sender\'s refusal', async () => {
    const h = await startReferenceHandler({ secrets, unsignedAnswer: true })
    const r = await runCli(['run', '--once', '--forward-to', h.url], CHINA)
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/│ {5}应答的 msg_signature 可能的原因：/m)
    expect(r.stdout).toMatch(/^ {3}不通过：发送方拒绝了我们对第 1 次推送的应答：你的处理程序应答了 0，但微信无法使用这个应答/m)
    expect(englishRuns(r.stdout + r.stderr)).toEqual([])
  })

  it('nothing listens at the handler: the network cause in Chinese (exit 2)', async () => {
    const r = await runCli(['run', '--once', '--forward-to', 'http://127.0.0.1:9/notify'], CHINA)
    expect(r.code).toBe(2)
    expect(r.stderr + r.stdout).toContain('你的处理程序 http://127.0.0.1:9/notify 没有应答（ECONNREFUSED：http://127.0.0.1:9 上没有程序在监听')
    expect(englishRuns(r.stdout + r.stderr)).toEqual([])
  })
})
