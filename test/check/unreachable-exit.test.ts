import { describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { freePort } from '../helpers/listen.js'
import { runCli } from '../helpers/cli-process.js'

// Exit codes: 1 means the handler was graded and failed; 2 that nothing could be tested. A handler
// that is not running was never graded, as `npm start -- --forward-to` already says (exit 2).
const secrets = { ENV_FILE: 'none', WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43) }

describe('check against a URL where nothing listens (real process)', () => {
  it('exits 2, not 1, and still says why: ECONNREFUSED, and that the rest was not sent', async () => {
    const port = await freePort()
    const r = await runCli(['check', '--target', `http://127.0.0.1:${port}/notify`], secrets)
    expect(r.code).toBe(2)
    expect(r.stdout).toContain(`ECONNREFUSED: nothing listens at http://127.0.0.1:${port}; start your handler`)
    expect(r.stdout).toContain('more classes were not sent: the first got no answer.')
  })

  it('--json too: exit 2, and every result says unreachable', async () => {
    const port = await freePort()
    const r = await runCli(['check', '--json', '--only', 'crypto-test', '--target', `http://127.0.0.1:${port}/notify`], secrets)
    expect(r.code).toBe(2)
    const report = JSON.parse(r.stdout) as { results: Array<{ reply: { unreachable: boolean } }> }
    expect(report.results.map(x => x.reply.unreachable)).toEqual([true])
  })
})
