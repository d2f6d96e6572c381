import { createServer, type Server } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { render } from '../../src/messages/render.js'
import { runCli } from '../helpers/cli-process.js'

// A port held by another program: the README's "port in use" exit 2, with the catalogue's text in the reader's language.
let busy: Server
let port: number
beforeEach(async () => {
  busy = createServer()
  await new Promise<void>(resolve => busy.listen(0, '127.0.0.1', resolve))
  port = (busy.address() as { port: number }).port
})
afterEach(() => new Promise<void>(resolve => busy.close(() => resolve())))

const env = () => ({ ENV_FILE: 'none', HOST: '127.0.0.1', PORT: String(port), INSPECTOR_PORT: '0', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '60000' })
const detail = () => `127.0.0.1:${port}`

describe('a receiver port already in use (real process)', () => {
  it('serve --lang zh says it in Chinese, naming the port and the fix (exit 2)', async () => {
    const r = await runCli(['serve', '--demo-keys', '--lang', 'zh'], env())
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'LISTEN_EADDRINUSE', params: { detail: detail() } }, 'zh'))
  })

  it('run --once in English: the catalogue text, one wording for serve and run (exit 2)', async () => {
    const r = await runCli(['run', '--once', '--lang', 'en'], env())
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(render({ code: 'LISTEN_EADDRINUSE', params: { detail: detail() } }, 'en'))
  })

  it('run --json: stdout is one object with the stable code', async () => {
    const r = await runCli(['run', '--json'], env())
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ pass: false, error: { code: 'LISTEN_EADDRINUSE', exitCode: 2 } })
  })
})
