/**
 * Setup problems a new user hits (found in review): each ends the command with exit 2 and the
 * catalogue's text naming the cause and the fix, never "internal error … a bug" or a wrong cause.
 */
import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { render } from '../../src/messages/render.js'
import { runCli } from '../helpers/cli-process.js'
import { runMain } from '../helpers/main-io.js'
import { receiverWithOneDelivery } from '../capture/helpers/receiver.js'

const root = new URL('../..', import.meta.url).pathname
const quiet = { ENV_FILE: 'none', HOST: '127.0.0.1', PORT: '0', INSPECTOR_PORT: '0', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '60000' }

interface Result { code: number; stdout: string; stderr: string }

/**
 * The CLI as a user who may not write (or not even read) `dir`: as root (who may do anything) the
 * child runs as nobody over a root-owned folder; otherwise the folder's own mode takes the access away.
 */
async function asUserWhoCannot (access: 'write' | 'read', args: string[], env: Record<string, string>): Promise<Result & { dir: string }> {
  const home = mkdtempSync(join(tmpdir(), 'nontax-setup-'))
  chmodSync(home, 0o755)
  const dir = join(home, 'captures')
  mkdirSync(dir, { mode: access === 'write' ? 0o755 : 0o700 })
  const asRoot = process.getuid?.() === 0
  if (!asRoot) chmodSync(dir, access === 'write' ? 0o500 : 0o000)
  const r = await new Promise<Result>(resolve => {
    execFile(process.execPath, [join(root, 'bin/nontax-debugger.js'), ...args], {
      cwd: home, env: { PATH: process.env.PATH ?? '', HOME: home, CAPTURE_DIR: dir, ...quiet, ...env }, timeout: 60_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }))
  })
  return { ...r, dir }
}

describe('CAPTURE_DIR that cannot hold the captures (real process)', () => {
  it('run --once stops with exit 2 before WeChat is asked, naming the folder, instead of a FAIL verdict blaming the sender', async () => {
    // Before: both deliveries answered 299, "received 0 of 2", a verdict FAIL and exit 1.
    const r = await asUserWhoCannot('write', ['run', '--once', '--lang', 'en'], { WAIT_TIMEOUT_MS: '2000' })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'CAPTURE_DIR_NOT_WRITABLE', params: { dir: r.dir, path: r.dir, cause: 'EACCES' } }, 'en'))
    expect(r.stdout).not.toContain('Verdict')
  })

  it('serve says the same in Chinese under --lang zh', async () => {
    const r = await asUserWhoCannot('write', ['serve', '--demo-keys', '--lang', 'zh'], {})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'CAPTURE_DIR_NOT_WRITABLE', params: { dir: r.dir, path: r.dir, cause: 'EACCES' } }, 'zh'))
  })

  it('a file where the folder should be: exit 2 with the fix, not "internal error … a bug" and a stack', async () => {
    const home = mkdtempSync(join(tmpdir(), 'nontax-setup-'))
    const file = join(home, 'captures')
    writeFileSync(file, 'not a folder')
    const r = await runCli(['serve', '--demo-keys'], { ...quiet, CAPTURE_DIR: file })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'CAPTURE_DIR_NOT_DIR', params: { dir: file, path: file } }, 'en'))
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
  })
})

describe('errors that are not about ports do not speak of ports (real process)', () => {
  it('captures list on a folder this user cannot read: the folder, not "Ports below 1024"', async () => {
    const r = await asUserWhoCannot('read', ['captures', 'list'], {})
    const dir = r.dir
    expect(r.code).toBe(2)
    expect(r.stderr).not.toContain('1024')
    expect(r.stderr).toContain(render({ code: 'FILE_ACCESS', params: { path: dir, cause: 'EACCES', syscall: 'scandir' } }, 'en'))
  })

  it('a HOST that does not resolve: exit 2 naming HOST and the fix, not "internal error"', async () => {
    const r = await runCli(['serve', '--demo-keys'], { ...quiet, HOST: 'no-such-host.invalid' })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'LISTEN_HOST_UNKNOWN', params: { detail: 'no-such-host.invalid:0' } }, 'en'))
    expect(r.stderr).not.toMatch(/internal error/)
  })
})

describe('serve --forward-to that is not a URL (real process)', () => {
  it('is a usage error (exit 2, the same words as run --forward-to, serve usage after), not "internal error"', async () => {
    const r = await runCli(['serve', '--demo-keys', '--forward-to', 'notaurl'], quiet)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'LOOP_FORWARD_URL', params: { got: 'notaurl' } }, 'en'))
    expect(r.stderr).toContain(render({ code: 'USAGE_SERVE' }, 'en').split('\n')[0])
    expect(r.stderr).not.toMatch(/internal error/)
  })
})

describe('.env written on Windows (real process)', () => {
  const secrets = 'WECHAT_APPID=wx0123456789abcdef\r\nNONTAX_TOKEN=MyToken123\r\nNONTAX_ENCODING_AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\r\n'

  it('a UTF-8 BOM before the first name (Notepad) does not hide that name', async () => {
    // Before: the first name read as "\uFEFFWECHAT_APPID", so check said WECHAT_APPID was not set.
    const file = join(mkdtempSync(join(tmpdir(), 'nontax-env-')), '.env')
    writeFileSync(file, '\uFEFF' + secrets)
    const r = await runCli(['check', '--target', 'http://127.0.0.1:1/notify', '--only', 'crypto-test'], { ENV_FILE: file })
    expect(r.stderr + r.stdout).toContain(render({ code: 'PREFLIGHT_OK_APPID', params: { appid: 'wx0123456789abcdef', source: render({ code: 'SOURCE_ENV_FILE' }) } }))
    expect(r.stderr + r.stdout).not.toContain(render({ code: 'CHECK_SECRET_NAME', params: { name: 'WECHAT_APPID', flag: 'appid' } }))
  })

  it('a lower-case name is named with the one it means, not silently ignored', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nontax-env-')), '.env')
    writeFileSync(file, secrets.replace('NONTAX_TOKEN', 'nontax_token'))
    const r = await runCli(['check', '--target', 'http://127.0.0.1:1/notify'], { ENV_FILE: file })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'PREFLIGHT_UNKNOWN_VAR_DID_YOU_MEAN', params: { name: 'nontax_token', source: '.env', suggestion: 'NONTAX_TOKEN' } }))
  })
})

describe('real WeChat with no public URL (real process)', () => {
  // No PUBLIC_URL and no ngrok agent (NGROK_API_URL on a port nothing listens on): exit 2 before WeChat is called.
  const realEnv = {
    ...quiet, WECHAT_APPID: 'wx0123456789abcdef', WECHAT_APPSECRET: '0123456789abcdef0123456789abcdef', NONTAX_TOKEN: 'MyToken123',
    NONTAX_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', NGROK_API_URL: 'http://127.0.0.1:1', WECHAT_API_BASE: 'http://127.0.0.1:1',
  }

  it('says what to start and set in the reader\'s language (it was English-only under --lang zh)', async () => {
    const r = await runCli(['run', '--once', '--lang', 'zh'], realEnv)
    expect(r.code).toBe(2)
    const port = /PORT (\d+)/.exec(r.stderr)?.[1] ?? /（PORT (\d+)）/.exec(r.stderr)?.[1]
    expect(port).toMatch(/^\d+$/)
    expect(r.stderr).toContain(render({ code: 'NO_PUBLIC_URL', params: { port } }, 'zh'))
    expect(r.stderr).not.toContain('WeChat needs a public URL')
  })

  it('and the same words as before in English', async () => {
    const r = await runCli(['run', '--once', '--lang', 'en'], realEnv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/WeChat needs a public URL to deliver to, and none is configured\.\nStart a tunnel to this receiver \(PORT \d+\)/)
  })
})

describe('a --to that is not an http(s) URL, in Chinese (main() in process)', () => {
  it('export and replay say it in the reader\'s language (the text was rendered in English before it was thrown)', async () => {
    const one = await receiverWithOneDelivery('nontax-to-zh-')
    try {
      for (const args of [['export', one.cryptoId, '--curl'], ['replay', one.cryptoId]]) {
        const r = await runMain(['captures', ...args, '--to', 'gopher://127.0.0.1:6379/', '--lang', 'zh'], one.env)
        expect(r.code).toBe(2)
        expect(r.err).toContain(render({ code: 'EXPORT_BAD_TARGET', params: { to: 'gopher://127.0.0.1:6379/' } }, 'zh'))
        expect(r.out).toBe('')
      }
    } finally {
      await one.close()
    }
  })
})
