import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { tempCheckout } from '../helpers/serve-process.js'

/**
 * `npm start` keeps receiving after the verdict, under npm → sh → node like `npm run serve`. When npm
 * alone gets SIGTERM (a container's PID 1), it passes it to its shell only: the receiver must notice
 * its launcher has gone and close gracefully, as serve does (README "Shutdown"), not stay orphaned.
 */
describe('npm start (no --once) under npm', () => {
  it('SIGTERM to npm alone: the receiver notices its launcher ended, closes, and every writer of the output goes', async () => {
    const checkout = tempCheckout()
    const env = {
      PATH: process.env.PATH, HOME: checkout, npm_config_update_notifier: 'false', ENV_FILE: 'none',
      WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43),
      CAPTURE_DIR: join(checkout, 'captures'), HOST: '127.0.0.1', PORT: '0', INSPECTOR_PORT: '0', LOG_FORMAT: 'json', MAX_EVENT_LOOP_DELAY_MS: '60000',
    }
    const npm = spawn('npm', ['start'], { cwd: checkout, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env })
    onTestFinished(() => { try { process.kill(-(npm.pid ?? 0), 'SIGKILL') } catch { /* gone */ } })
    let out = ''
    const waiters = new Set<() => void>()
    for (const s of [npm.stdout, npm.stderr]) s.setEncoding('utf8').on('data', (d: string) => { out += d; for (const w of waiters) w() })
    const closed = (s: NodeJS.ReadableStream) => new Promise<void>(resolve => s.once('close', resolve))
    const gone = Promise.all([closed(npm.stdout), closed(npm.stderr)])
    await new Promise<void>(resolve => { const w = () => { if (/Still receiving at /.test(out)) { waiters.delete(w); resolve() } }; waiters.add(w); w() })
    expect(out).toContain('== Verdict: PASS')

    process.kill(npm.pid ?? 0, 'SIGTERM')
    await gone // npm, its shell and the receiver have all closed the output
    expect(out).toMatch(/the npm script that started this receiver has ended: no new connections/)
    expect(out).toMatch(/session: 2 deliveries received/)
  }, 90_000)
})
