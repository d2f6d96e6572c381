import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliResult } from '../helpers/cli-process.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { englishRuns } from './english-runs.js'

const root = new URL('../..', import.meta.url).pathname
/** A Chinese desktop in Beijing, no .env, pretty logs (what a person at a terminal sees). */
const CHINA = { LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: 'auto', LOG_FORMAT: 'pretty' }
const cli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli(args, { ...CHINA, ...env })
const shown = (r: CliResult) => r.stdout + r.stderr
const SECRETS = { WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: 'Token123456', NONTAX_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }

describe('englishRuns: what counts as untranslated English', () => {
  it('finds sentences, not commands, paths, identifiers, flags, wire values or lists of names', () => {
    expect(englishRuns('[t] INFO: Server listening at http://127.0.0.1:1')).toEqual(['Server listening at'])
    expect(englishRuns('校验：the ciphertext is intact，所以')).toEqual(['the ciphertext is intact'])
    expect(englishRuns([
      '用法：npm run check -- --target URL [--json] [--timeout-ms N]',
      '  replay ID --to URL [--tamper signature|body|timestamp|appid] [--token T]',
      '  └─ <-- HTTP 200 errcode 300 "signature error" · 0.9 毫秒',
      '  └─ <-- HTTP 200 errcode 210 "data format error" · 0.9 毫秒',
      'AES-256-CBC，密钥：密钥加 "=" 后 base64 解码（EncodingAESKey）',
      '已命名的配置有 wxbizmsgcrypt, wxbizmsgcrypt-xml, nontax-data-hmac（或给出 JSON 描述）',
      '{"appid":"wx1","item_name":"a b c d"}',
    ].join('\n'))).toEqual([])
  })
})

// Each test waits on a sequence of child processes to exit (up to a dozen): the timeout only guards
// against a hang, it is no measure of speed, so it is set for a busy 2-core machine.
describe('everything a zh user sees is Chinese (real CLI, child processes)', { timeout: 120_000 }, () => {
  it('npm start -- --once: the whole run, Fastify\'s listening lines and the level labels', async () => {
    const r = await cli(['run', '--once'])
    expect(r.code, r.stderr).toBe(0)
    expect(englishRuns(shown(r))).toEqual([])
    const out = r.stdout
    expect(out).toMatch(/\] 信息: 服务在 http:\/\/127\.0\.0\.1:\d+ 监听$/m)
    expect(out).toMatch(/\] 符合预期: POST \/nontax\/notify wxnontaxstr=\w+ → errcode 300（签名测试）/)
    expect(out).toContain('签名算法 SHA-1，对排序后的 token、timestamp、wxnontaxstr 和 encrypt 计算，小写十六进制')
    expect(out).not.toMatch(/Server listening|EXPECTED|\] INFO:/)
  })

  it('check --help, and check with a flag it does not know (Node\'s parseArgs error, by its code)', async () => {
    const help = await cli(['check', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^用法：npm run check -- --target URL/)
    expect(help.stdout).toContain('扮演微信后台')
    expect(englishRuns(shown(help))).toEqual([])
    const bad = await cli(['check', '--target'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^check: 选项 --target 需要一个值（例如 --target VALUE）/)
    expect(englishRuns(shown(bad))).toEqual([])
  })

  it('check against a handler that skips signature verification: table, fixes and every detail line (expected, got, forensics) in Chinese; --json keeps English text', async () => {
    const secrets = { appid: SECRETS.WECHAT_APPID, token: SECRETS.NONTAX_TOKEN, encodingAESKey: SECRETS.NONTAX_ENCODING_AES_KEY }
    const h = await startReferenceHandler({ secrets, skipSignature: true })
    const r = await cli(['check', '--target', h.url], SECRETS)
    expect(r.code, r.stderr).toBe(1)
    const out = r.stdout
    expect(out).toMatch(/^ 2 {2}signature-test: FAIL$/m)
    expect(out).toContain('      应为      errcode 300（签名错误）\n')
    expect(out).toContain('      应为      errcode 300（签名错误）；也可接受但有警告：errcode 210（数据格式错误）\n')
    expect(out).toMatch(/^ {6}实际 {6}HTTP 200 errcode 0 "ok"，用时 \d+ 毫秒$/m)
    expect(out).toContain('      修复      你的处理程序对微信的签名测试应答了 0，而该推送的 msg_signature 是错误的：')
    expect(out).toMatch(/^ {6}取证 {6}推送的 msg_signature：发送的是 [0-9a-f]{40}（在$/m)
    expect(out).toMatch(/^ {6}取证 {6}推送的 msg_signature：没有发送签名；正确的是$/m)
    expect(out).toMatch(/^ {6}取证 {6}推送的 msg_signature：验签的处理程序会计算签名（SHA-1，对排序后的/m)
    expect(out).toMatch(/^ {6}取证 {6}推送的密文可以解密（check 的密钥）：\d+ 字节，填充字节 \d+，消息 \d+ 字节，appid/m)
    expect(out).toMatch(/^19 +replayed-nonce +.+ +\[0\/拒绝\] +0\+data +WARN$/m)
    expect(out).toMatch(/^21 +redelivery +.+ +0 +0\+data，然后 0\+data +PASS$/m)
    expect(englishRuns(shown(r))).toEqual([])
    // A handler whose success answers are not signed: the answer's forensics, and the table's short form.
    const unsigned = await startReferenceHandler({ secrets, unsignedAnswer: true })
    const u = await cli(['check', '--target', unsigned.url, '--only', 'crypto-test'], SECRETS)
    expect(u.code, u.stderr).toBe(1)
    expect(u.stdout).toMatch(/^1 +crypto-test +.+ +0 +0，应答不可用 +FAIL$/m)
    expect(u.stdout).toContain('      应为      errcode 0 且带签名的加密 data\n')
    expect(u.stdout).toMatch(/^ {6}取证 {6}应答的 msg_signature：应为 [0-9a-f]{40}，收到\n {16}f{40}（在 "msg_signature" 中）$/m)
    expect(u.stdout).toMatch(/^ {6}取证 {6}应答的 msg_signature 可能的原因：/m)
    expect(englishRuns(shown(u))).toEqual([])
    // Machine output does not change with the language: the JSON report keeps its English text.
    const json = JSON.parse((await cli(['check', '--target', h.url, '--only', 'signature-test,missing-signature', '--json'], SECRETS)).stdout) as { results: Array<{ expected: string; got: string; forensics: string[] }> }
    expect(json.results.map(x => [x.expected, x.got])).toEqual([['errcode 300 (signature error)', '0+data'], ['errcode 300 (signature error); also acceptable, with a warning: errcode 210 (data format error)', '0+data']])
    expect(json.results[0]?.forensics[0]).toMatch(/^delivery msg_signature: sent [0-9a-f]{40} in "msg_signature"; the correct one is [0-9a-f]{40}$/)
  })

  it('captures --help, captures list with a bad option, an unknown verb, an empty capture folder', async () => {
    const help = await cli(['captures', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^用法：captures <子命令> \[选项\]/)
    const bad = await cli(['captures', 'list', '--bogus'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^未知选项 --bogus（本命令接受：--since --errcode --order --limit --json）\n\n用法：captures/)
    const verb = await cli(['captures', 'lst'])
    expect(verb.stderr).toMatch(/^未知的子命令 "lst"/)
    const empty = await cli(['captures', 'list'])
    expect(empty.code).toBe(0)
    expect(empty.stderr).toMatch(/提示：CAPTURE_DIR ".+" 还不存在/)
    for (const r of [help, bad, verb, empty]) expect(englishRuns(shown(r))).toEqual([])
  })

  it('a bad NONTAX_PROFILE names the field, the cause and the fix in Chinese (exit 2)', async () => {
    const descriptor = { body: 'json', fields: { ciphertext: { in: 'body', name: 'encrypt' }, signature: { in: 'query', name: 'msg_signature' } }, cipher: { mode: 'aes-256-ecb', key: { from: 'aesKey', as: 'base64+=' }, iv: 'key', framing: 'msg' }, signature: { alg: 'sha1', over: ['token', 'ciphertext'], order: 'sorted', join: 'concat', encoding: 'hex' } }
    const shape = await cli(['run', '--once'], { NONTAX_PROFILE: JSON.stringify({ ...descriptor, body: 'yaml', extra: 1 }) })
    expect(shape.code).toBe(2)
    expect(shape.stderr).toContain('NONTAX_PROFILE：body 的值是 "yaml"；它只能是 "json", "form", "xml" 之一（docs/PROTOCOL.md §5）')
    expect(shape.stderr).toContain('NONTAX_PROFILE：(top level) 中有描述不认识的键（extra）；请删除或检查拼写')
    const rule = await cli(['run', '--once'], { NONTAX_PROFILE: JSON.stringify(descriptor) })
    expect(rule.stderr).toContain('NONTAX_PROFILE：cipher.iv：AES-256-ECB 没有 IV：请写 "iv": "none"')
    const name = await cli(['run', '--once'], { NONTAX_PROFILE: 'nope' })
    expect(name.stderr).toMatch(/NONTAX_PROFILE：没有名为 "nope" 的配置；已命名的配置有 wxbizmsgcrypt, /)
    for (const x of [shape, rule, name]) expect(englishRuns(shown(x))).toEqual([])
  })

  it('an unreadable TLS file is a Chinese configuration error with its fix', async () => {
    const r = await cli(['run', '--once'], { TLS_CERT_FILE: '/nonexistent/cert.pem', TLS_KEY_FILE: '/nonexistent/key.pem' })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('无法读取 TLS_CERT_FILE=/nonexistent/cert.pem（ENOENT）；运行 "npm run certs"')
    expect(englishRuns(shown(r))).toEqual([])
  })

  it('captures show / verify / discover of a real run\'s deliveries: Chinese, local times; discover without the keys refuses (exit 2); --json identical in both languages', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nontax-zh-captures-')), 'captures')
    const at = { ...SECRETS, CAPTURE_DIR: dir }
    expect((await cli(['run', '--once'], at)).code).toBe(0)
    const show = await cli(['captures', 'show', 'last'], at)
    expect(show.code, show.stderr).toBe(0)
    expect(show.stdout).toMatch(/^记录 \d{8}-\d{6}-\w+\n  收到时间   \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00，来自 127\.0\.0\.1，/)
    expect(show.stdout).toContain('  测试       signature（能解密、签名错误：微信的签名测试）')
    expect(show.stdout).toContain('验签       失败（SIGNATURE_MISMATCH）')
    expect(show.stdout).toContain('  算法      SHA-1，对排序后的 token、timestamp、wxnontaxstr 和 encrypt 计算，小写十六进制')
    const verify = await cli(['captures', 'verify', 'last'], at)
    expect(verify.code, verify.stderr).toBe(0)
    expect(verify.stdout).toMatch(/^复验 \S+（wxnontaxstr \w+，收到时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00）/)
    expect(verify.stdout).toContain('密钥        Token 来自 NONTAX_TOKEN（已设置，11 个字符）')
    expect(verify.stdout).toContain('变化        没有变化：两次都是 errcode 300（SIGNATURE_MISMATCH）')
    expect(verify.stdout).toContain('验签        不通过 → 不通过（SIGNATURE_MISMATCH）\n解密        通过 → 通过\n')
    expect(verify.stdout).toMatch(/^记录时      errcode 300  SIGNATURE_MISMATCH：密文完好/m)
    const discover = await cli(['captures', 'discover', 'last'], at)
    expect(discover.code, discover.stderr).toBe(1)
    expect(discover.stdout).toMatch(/^识别 \S+ · POST \/nontax\/notify · application\/json · \d+ 字节 · 收到时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00$/m)
    expect(discover.stdout).toContain('1. wxbizmsgcrypt（当前配置）：能解密；没有匹配的签名算法')
    expect(discover.stdout).toContain('结构分析（推送携带的每个字段）：')
    const keyless = await cli(['captures', 'discover', 'last'], { CAPTURE_DIR: dir })
    expect(keyless.code).toBe(2)
    expect(keyless.stdout).toBe('')
    expect(keyless.stderr).toMatch(/captures discover 需要微信签名和加密所用的密钥，而 NONTAX_TOKEN（或 --token） ?和 NONTAX_ENCODING_AES_KEY（或 --aes-key） ?未设置。.*或加 --demo-keys/)
    for (const r of [show, verify, discover, keyless]) expect(englishRuns(shown(r))).toEqual([])
    // An English reader gets the same report in English; machine output does not depend on the language.
    const en = { ...at, LANG: 'en_US.UTF-8' }
    const enShow = await cli(['captures', 'show', 'last'], en)
    expect(enShow.stdout).toContain('  test       signature (decrypts, signature wrong: WeChat\'s signature test)')
    expect((await cli(['captures', 'verify', 'last'], en)).stdout).toContain('change      no change: errcode 300 both times (SIGNATURE_MISMATCH)')
    const enDiscover = await cli(['captures', 'discover', 'last'], en)
    expect(enDiscover.stdout).toMatch(/^discover \S+ · POST \/nontax\/notify · application\/json · \d+ bytes · received \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00$/m)
    expect((await cli(['captures', 'discover', 'last'], { CAPTURE_DIR: dir, LANG: 'en_US.UTF-8' })).stderr).toContain('captures discover needs the secrets WeChat signs and encrypts with, and NONTAX_TOKEN (or --token) and NONTAX_ENCODING_AES_KEY (or --aes-key) are not set')
    for (const args of [['show', 'last', '--json'], ['discover', 'last', '--json']]) {
      const [zhJson, enJson] = await Promise.all([cli(['captures', ...args], at), cli(['captures', ...args], en)])
      expect(zhJson.stdout.replace(/"ms":\d+/, '')).toBe(enJson.stdout.replace(/"ms":\d+/, ''))
    }
  })

  it('serve: the start-up lines, Fastify\'s and ours, why each of check\'s hostile deliveries failed, and the stop line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'nontax-zh-serve-'))
    const child = spawn(process.execPath, [join(root, 'bin/nontax-debugger.js'), 'serve'], {
      cwd, env: { PATH: process.env.PATH ?? '', CAPTURE_DIR: join(cwd, 'captures'), ...CHINA, ...SECRETS, MAX_EVENT_LOOP_DELAY_MS: '60000' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
    const waiters = new Set<() => void>()
    const collect = (d: Buffer) => { out += d.toString(); for (const w of waiters) w() }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const seen = (re: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => { const m = re.exec(out); if (m) { waiters.delete(check); resolve(m) } }
      waiters.add(check)
      check()
      void exited.then(() => reject(new Error(`serve exited before ${re}:\n${out}`)))
    })
    const url = (await seen(/正在监听：发到 (\S+) 的推送/))[1] ?? ''
    await seen(/检查器：/)
    // Answered and logged: the receiver is past start-up (its signal handlers are set), so Ctrl-C is a clean stop.
    await fetch(url)
    await seen(/GET 请求没有报文体：微信用 POST 向这个地址推送/)
    // check's hostile battery against this receiver: every way a delivery can fail is explained in the log.
    const battery = await runCli(['check', '--target', url, '--only', 'other-key,other-appid,bad-base64,bad-padding,missing-signature,empty-body,bad-json,text-plain,truncated'], { ...SECRETS, LANG: 'zh_CN.UTF-8', ENV_FILE: 'none' })
    expect(battery.code, battery.stderr).toBe(0)
    expect(battery.stdout).toMatch(/other-key +用另一个 AES 密钥加密/)
    expect(englishRuns(shown(battery))).toEqual([])
    await seen(/已拒绝：不支持 content-type "text\/plain"/)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(out).toMatch(/\] 信息: 服务在 http:\/\/127\.0\.0\.1:\d+ 监听$/m)
    expect(out).toMatch(/\] 信息: 正在监听：发到 http:\/\/127\.0\.0\.1:\d+\/nontax\/notify 的推送会被验签、解密、记录并应答（Ctrl-C 停止）/)
    expect(out).toContain('已停止：收到的每次推送都已应答并记录（退出码 0）')
    for (const line of ['解密：失败（PADDING_INVALID）填充字节为', '解密：失败（APPID_MISMATCH）密文中的 appid 是', '已拒绝：报文体为空：推送应包含',
      '可能的原因：没有签名（查找了 query 中的字段 "msg_signature", signature, sig）', 'SHA-1，对排序后的 token、timestamp、wxnontaxstr 和 encrypt 计算，小写十六进制: [']) expect(out, line).toContain(line)
    expect(englishRuns(out)).toEqual([])
  })
})
