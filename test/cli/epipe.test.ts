import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { runCli } from '../helpers/cli-process.js'

const exec = promisify(execFile)
const bin = new URL('../../bin/nontax-debugger.js', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'epipe-'))
const env = {
  ENV_FILE: 'none', CAPTURE_DIR: join(dir, 'captures'), PORT: '0', INSPECTOR_PORT: '0', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '60000',
  WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43),
}

// Far more than a pipe holds (64 KiB): 100 records of the two a run makes, each under its own ID.
beforeAll(async () => {
  expect((await runCli(['run', '--once'], env)).code).toBe(0)
  const file = readdirSync(env.CAPTURE_DIR).find(f => f.endsWith('.ndjson'))!
  const lines = readFileSync(join(env.CAPTURE_DIR, file), 'utf8').trim().split('\n')
  const more = Array.from({ length: 100 }, (_, i) => {
    const r = JSON.parse(lines[i % lines.length]!) as { id: string }
    return JSON.stringify({ ...r, id: r.id.replace(/-[0-9a-f]{6}$/, `-${(0xa00000 + i).toString(16)}`) })
  })
  writeFileSync(join(env.CAPTURE_DIR, file), more.join('\n') + '\n', { flag: 'a' })
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('output piped into a reader that stops early (README: "| jq", "| head")', () => {
  it('captures list --json | head -c 10: the command ends quietly with exit 0, no stack trace', async () => {
    const script = `"${process.execPath}" "${bin}" captures list --json | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`
    const r = await exec('bash', ['-c', script], { env: { ...env, PATH: process.env.PATH ?? '' }, cwd: dir })
    expect(r.stdout.trim()).toBe('exit=0')
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|at .*\.ts:\d+/)
  })
})
