import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { en, type MessageCode } from '../../src/messages/en/index.js'
import { displayWidth } from '../../src/messages/width.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { testSecrets } from '../check/helpers/secrets.js'

const exec = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname
/** A Chinese desktop in Beijing: what most of the tool's users have. */
const CHINA = { LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' }

/** The real CLI (the package's bin) in a child process, from an empty folder, with no .env. */
async function cli (args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'nontax-zh-'))
  try {
    const r = await exec(process.execPath, [join(root, 'bin/nontax-debugger.js'), ...args], {
    cwd, env: { PATH: process.env.PATH ?? '', ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: 'auto', CAPTURE_DIR: join(cwd, 'captures'), ...env }, timeout: 60_000,
    })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** The fixed words of an English template (between its placeholders) long enough to be a sentence of ours. */
function englishPieces (codes: MessageCode[]): string[] {
  return codes.flatMap(code => en[code].split(/\{@?\w+\}/).map(p => p.trim()).filter(p => p.length >= 12 && /[a-z]{3,} [a-z]{3,}/.test(p)))
}

describe('Chinese output (LANG=zh_CN.UTF-8, TZ=Asia/Shanghai, child processes)', () => {
  it('npm start -- --once prints the whole run and the verdict in Chinese, with local times', async () => {
    const r = await cli(['run', '--once'], { ...CHINA, LOG_FORMAT: 'pretty' })
    expect(r.code, r.stderr).toBe(0)
    const out = r.stdout
    expect(out.split('\n')[0]).toMatch(/^正在使用内置微信模拟器运行/)
    for (const s of ['预检：', '接收端在', '假定的协议：微信没有公开非税回调的加解密方式', '微信应答 errcode 0；等待推送', '加密测试（已签名 + 已加密）',
      '验签：通过', '解密：成功', '验签：不通过，符合预期', '这是微信版本 1 的签名测试', '== 结论：通过（PASS）（2/2 次推送', '解密和验签都通过', '发现签名错误', '这个“通过”的含义']) {
      expect(out, s).toContain(s)
    }
    // Log times in Beijing time with the offset; capture IDs name the local second.
    expect(out).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+08:00\] 信息: /m)
    const id = /┌─ (\d{8}-\d{6})-[0-9a-f]{6}/.exec(out)?.[1]
    const shown = /^\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.\d{3} \+08:00\] 信息: POST/m.exec(out)
    // The ID's hour is the log's (Beijing) hour, or the one before if the line came just after the hour; UTC would be 8 off.
    const hour = Number(shown?.[4])
    expect([hour, (hour + 23) % 24]).toContain(Number(id?.slice(9, 11)))
    const codes: MessageCode[] = ['RUN_EMULATOR_GENERATED', 'PREFLIGHT_OK_VARS', 'PREFLIGHT_DEMO_KEYS', 'PREFLIGHT_NOT_NEEDED_TUNNEL', 'LOG_RECEIVER_LISTENING', 'PROFILE_ASSUMPTION',
    'LOG_CALLING_MOCK', 'LOG_MOCK_ACCEPTED', 'LOG_CAPTURES_FOUND', 'INSPECTOR_LISTENING', 'BLOCK_CRYPTO_TEST', 'BLOCK_SIGNATURE_TEST', 'BLOCK_NOT_ACTED_ON', 'LOG_SIGNATURE_TEST_EXPECTED',
    'BLOCK_ANSWERED_DATA', 'NOTE_CRYPTO_OK', 'NOTE_SIGNATURE_OK', 'NEXT_PASS_EMULATOR', 'RUN_STILL_RECEIVING']
    const pieces = englishPieces(codes)
    expect(pieces.length).toBeGreaterThan(15)
    for (const p of pieces) expect(out, p).not.toContain(p)
    expect(out).not.toMatch(/== Verdict|signature: OK|decrypted: OK|preflight:/)
  })

  it('check against a handler that skips signatures gives Chinese fix texts', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const r = await cli(['check', '--target', h.url], { ...CHINA, WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey })
    expect(r.code, r.stderr).toBe(1)
    const out = r.stdout
    expect(out).toMatch(/修复 +你的处理程序对微信的签名测试应答了 0/)
    expect(out).toContain('它没有验证 msg_signature')
    expect(out).toContain('验签失败时先应答 300')
    expect(out).toMatch(/共 \d+ 类：\d+ 个 PASS，\d+ 个 WARN，[1-9]\d* 个 FAIL/)
    const pieces = englishPieces(['WHY_SIGNATURE_TEST_ACCEPTED', 'FIX_VERIFY', 'CASE_FLIPPED_ACCEPTED', 'CASE_MISSING_SIGNATURE_ACCEPTED', 'CASE_OTHER_TOKEN_ACCEPTED', 'CHECK_SUMMARY', 'CHECK_EXPECTED_LEGEND', 'PROFILE_ASSUMPTION'])
    for (const p of pieces) expect(out, p).not.toContain(p)
    // 100 terminal columns: a Chinese character takes two.
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100)
  })

  it('--lang en forces English under a Chinese locale', async () => {
    const secrets = testSecrets()
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const r = await cli(['check', '--target', h.url, '--lang', 'en'], { ...CHINA, WECHAT_APPID: secrets.appid, NONTAX_TOKEN: secrets.token, NONTAX_ENCODING_AES_KEY: secrets.encodingAESKey })
    expect(r.stdout).toMatch(/fix {7}your handler answered 0 to WeChat's signature test/)
    expect(r.stdout).not.toMatch(/\p{Script=Han}{2}/u)
  })
})
