import { createServer } from 'node:http'
import { describe, expect, it, onTestFinished } from 'vitest'
import { render } from '../../src/messages/render.js'
import { errcodeFinding, explainErrcode } from '../../src/wechat/errcodes.js'
import { runCli } from '../helpers/cli-process.js'
import { freePort } from '../helpers/listen.js'
import { englishRuns } from './english-runs.js'

const ctx = { path: '/nontax/mocknotification', appid: 'wx0123456789abcdef', baseUrl: 'https://api.weixin.qq.com' }

describe('WeChat refusing: what its errcode means and what to do, in both languages', () => {
  it.each([-1, 40001, 42001, 40002, 40013, 40125, 40164, 40243, 41001, 41002, 41004, 44002, 45009, 45011, 47001, 48001, 40097, 99999])('errcode %i', errcode => {
    const errmsg = errcode === 40164 ? 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6543-abc' : 'some errmsg rid: 6543-abc'
    const f = errcodeFinding(errcode, errmsg, ctx)
    expect(render(f)).toBe(explainErrcode(errcode, errmsg, ctx))
    expect(render(f)).toMatch(new RegExp(`^WeChat says ${errcode} on /nontax/mocknotification: `))
    const zh = render(f, 'zh')
    expect(zh).toMatch(new RegExp(`^微信对 /nontax/mocknotification 返回 ${errcode}：`))
    // The unknown code quotes WeChat's own errmsg, as sent: a value, not our sentence.
    expect(englishRuns(zh.replace(/"some errmsg rid: 6543-abc"/, ''))).toEqual([])
  })
})

/** A stand-in for api.weixin.qq.com that refuses the token: this machine's IP is not whitelisted. */
async function refusingWechat (): Promise<string> {
  const srv = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ errcode: 40164, errmsg: 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6543-abc' }))
  })
  await new Promise<void>(resolve => srv.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => { srv.close() })
  return `http://127.0.0.1:${(srv.address() as { port: number }).port}`
}

describe('npm start with real credentials that WeChat refuses, in Chinese (real CLI)', { timeout: 60_000 }, () => {
  it('the refusal and its fix in Chinese, exit 2; English with LANG=en', async () => {
    // PORT is fixed because PUBLIC_URL must name it before the receiver starts (the tunnel probe reaches it).
    const port = String(await freePort())
    const env = {
      ENV_FILE: 'none', PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}`, WECHAT_API_BASE: await refusingWechat(),
      WECHAT_APPID: 'wx0123456789abcdef', WECHAT_APPSECRET: 'abcdef0123456789abcdef', NONTAX_TOKEN: 'Token123456', NONTAX_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    }
    const zh = await runCli(['run', '--once'], { ...env, LANG: 'zh_CN.UTF-8' })
    expect(zh.code).toBe(2)
    expect(zh.stderr).toContain('微信对 /cgi-bin/stable_token 返回 40164：本机 IP 1.2.3.4 不在账号的接口 IP 白名单中；请在公众号后台（设置与开发 → 基本配置 → IP白名单）添加，等几分钟生效后重试（rid: 6543-abc）')
    expect(englishRuns(zh.stdout + zh.stderr)).toEqual([])
    const en = await runCli(['run', '--once'], { ...env, LANG: 'en_US.UTF-8' })
    expect(en.code).toBe(2)
    expect(en.stderr).toContain('WeChat says 40164 on /cgi-bin/stable_token: this machine\'s IP 1.2.3.4 is not on the account\'s API IP whitelist')
  })
})
