import { execFile, spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { freePort } from '../helpers/listen.js'

const exec = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname

/** Every piped line of the README's ```sh blocks, as a user would paste it. */
function pipedExamples (): string[] {
  const lines: string[] = []
  let inSh = false
  for (const line of readFileSync(join(root, 'README.md'), 'utf8').split('\n')) {
    if (line.startsWith('```')) { inSh = line === '```sh'; continue }
    if (inSh && line.includes('|')) lines.push(line)
  }
  return lines
}

/**
 * A folder laid out like the clone (its package.json, bin, src, node_modules), without the
 * developer's .env or captures: `npx nontax-debugger` there runs the package's own bin, as in the clone.
 */
let clone: string
let env: Record<string, string>
beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'readme-clone-'))
  copyFileSync(join(root, 'package.json'), join(clone, 'package.json'))
  for (const f of ['bin', 'src', 'node_modules', 'tsconfig.json']) symlinkSync(join(root, f), join(clone, f))
  env = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? clone, PORT: String(await freePort()), MAX_EVENT_LOOP_DELAY_MS: '60000', INSPECTOR_PORT: '0',
    WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43),
  }
})
afterAll(() => { rmSync(clone, { recursive: true, force: true }) })

const paste = (line: string) => exec('bash', ['-o', 'pipefail', '-c', line], { cwd: clone, env, timeout: 60_000 })

/** `npx nontax-debugger serve` in its own process group, so the whole npx → node tree can be stopped. */
async function serve (): Promise<() => Promise<void>> {
  const child = spawn('npx', ['nontax-debugger', 'serve'], { cwd: clone, env: { ...env, LOG_FORMAT: 'json' }, detached: true, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (b: Buffer) => { seen += b.toString(); if (seen.includes('listening: deliveries to')) resolve() })
    child.once('exit', code => reject(new Error(`serve exited ${code}: ${seen}`)))
  })
  return async () => {
    const exited = new Promise(resolve => child.once('exit', resolve))
    process.kill(-(child.pid ?? 0), 'SIGTERM')
    await exited
  }
}

describe('the README\'s piped examples work when pasted', () => {
  it('pipe only the packaged command (npm start / npm run put banner lines on stdout)', () => {
    const lines = pipedExamples()
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const line of lines) expect(line, line).not.toMatch(/\bnpm (start|run)\b/)
  })

  it('each runs as pasted, in order, from the clone', async () => {
    let stop: (() => Promise<void>) | undefined
    try {
      for (const line of pipedExamples()) {
        if (line.includes('| bash')) stop = await serve()
        const { stdout } = await paste(line)
        expect(stdout.trim(), line).not.toBe('')
        if (line.includes('jq -r .pass')) expect(stdout.trim()).toBe('true')
        if (line.includes('.delivery.inspection.signature')) for (const l of stdout.trim().split('\n')) expect(JSON.parse(l), line).toHaveProperty('ok')
        if (line.includes('| bash')) expect(JSON.parse(stdout)).toHaveProperty('errcode')
      }
    } finally {
      await stop?.()
    }
  }, 120_000)
})
