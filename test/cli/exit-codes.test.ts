import { createServer } from 'node:net'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCerts } from '../../src/cli/certs.js'
import { demoSecrets } from '../../src/config.js'
import { buildEmulator } from '../../src/emulator/app.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { freePort, listenLoopback } from '../helpers/listen.js'
import { runMain } from '../helpers/main-io.js'

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'exit-codes-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

const base = () => ({ PORT: '0', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', CAPTURE_DIR: join(dir, 'captures'), MAX_EVENT_LOOP_DELAY_MS: '60000' })

describe('exit codes: 0 pass, 1 failed, 2 could not run (main() in process)', () => {
  it('an unknown command is named, with the list of commands (exit 2)', async () => {
    const r = await runMain(['srve'], base())
    expect(r.code).toBe(2)
    expect(r.err).toContain('unknown command "srve" (commands: run, serve, check, captures, certs; see --help)')
  })

  it('an unknown flag is named, with the usage of that command (exit 2)', async () => {
    const r = await runMain(['run', '--jsn'], base())
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^run: unknown option --jsn \(this command takes: --once --json/)
    expect(r.err).toContain('usage: npm start -- [--once]')
  })

  it.each([
    ['run', 'usage: npm start --'], ['serve', 'usage: npm run serve'], ['certs', 'usage: npm run certs'],
    ['check', 'usage: npm run check'], ['captures', 'usage: captures <verb>'],
  ])('%s --help prints its own usage (exit 0)', async (cmd, head) => {
    const r = await runMain([cmd, '--help'], base())
    expect(r.code).toBe(0)
    expect(r.out).toContain(head)
  })

  it('a configuration error exits 2 and names the variable', async () => {
    const r = await runMain(['run', '--once'], { ...base(), PORT: 'abc' })
    expect(r.code).toBe(2)
    expect(r.err).toContain('PORT must be an integer 0-65535 (e.g. PORT=3000)')
  })

  it('a port in use exits 2 and says how to fix it', async () => {
    const busy = createServer()
    await new Promise<void>(resolve => busy.listen(0, '127.0.0.1', resolve))
    try {
      const port = (busy.address() as { port: number }).port
      const r = await runMain(['run', '--once'], { ...base(), PORT: String(port) })
      expect(r.code).toBe(2)
      expect(r.err).toContain(`could not listen: 127.0.0.1:${port}. Another program (maybe an earlier run) holds that port: stop it, or set PORT to a free port in .env.`)
    } finally {
      busy.close()
    }
  })

  it('WeChat refusing the credentials exits 2, not 1 (nothing was tested)', async () => {
    const d = demoSecrets()
    const emulator = await buildEmulator({ accounts: [{ appid: d.appid, appsecret: d.appsecret, secrets: d }], profile: createWxBizMsgCryptProfile() })
    const apiBase = await listenLoopback(emulator)
    const port = await freePort()
    const r = await runMain(['run', '--once'], {
      ...base(), WECHAT_APPID: d.appid, WECHAT_APPSECRET: 'x'.repeat(32), NONTAX_TOKEN: d.token, NONTAX_ENCODING_AES_KEY: d.encodingAESKey,
      WECHAT_API_BASE: apiBase, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, NGROK_API_URL: 'http://127.0.0.1:1', WAIT_TIMEOUT_MS: '5000',
    })
    expect(r.code).toBe(2)
    expect(r.err).toContain('40125')
  })

  it('certs refuses to overwrite an existing pair without --force (exit 2)', async () => {
    const certs = join(dir, 'certs')
    await mkdir(certs)
    await writeFile(join(certs, 'cert.pem'), 'x')
    const out: string[] = []
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), env: base(), isTTY: false }
    await expect(runCerts([], io, certs)).rejects.toMatchObject({ code: 'CERTS_EXIST', exitCode: 2, message: `${join(certs, 'cert.pem')} already exist; not overwritten (a server may be using them). Run "npm run certs -- --force" to replace them.` })
    expect(await runCerts(['--force'], io, certs)).toBe(0)
    expect(out.join('\n')).toContain(`wrote ${join(certs, 'cert.pem')}`)
  })
})
