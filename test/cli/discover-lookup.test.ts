import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomAlnum } from '../../src/config.js'
import { runCli } from '../helpers/cli-process.js'

// README "Commands": wherever a command takes an ID, `last`, any unique part, a wxnontaxstr or an
// order_id will do, and "no such capture" / "matches several" exit 2. discover is one of them.
const dir = mkdtempSync(join(tmpdir(), 'discover-lookup-'))
const env = {
  ENV_FILE: 'none', CAPTURE_DIR: join(dir, 'captures'), PORT: '0', INSPECTOR_PORT: '0', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '60000',
  WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: randomAlnum(32), NONTAX_ENCODING_AES_KEY: randomAlnum(43),
}
let ids: string[] = []
beforeAll(async () => {
  const run = await runCli(['run', '--once'], env)
  expect(run.code).toBe(0)
  const list = await runCli(['captures', 'list', '--json'], env)
  ids = list.stdout.trim().split('\n').map(l => (JSON.parse(l) as { id: string }).id)
  expect(ids).toHaveLength(2)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('captures discover finds a capture as every other verb does (real process)', () => {
  it('discover last: the newest capture, the signature test, which decrypts but does not verify (exit 1)', async () => {
    const r = await runCli(['captures', 'discover', 'last', '--json'], env)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ capture: ids[0] })
  })

  it('discover by the random suffix alone: the crypto test, fully matched (exit 0)', async () => {
    const r = await runCli(['captures', 'discover', ids[1]!.slice(-6), '--json'], env)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ capture: ids[1] })
  })

  it('no such capture exits 2 (could not run), as show and verify do, not 1 (no match)', async () => {
    const r = await runCli(['captures', 'discover', 'nosuchcapture'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no capture matches "nosuchcapture"')
  })

  it('a part matching both captures exits 2 and lists them', async () => {
    const common = ids[0]!.slice(0, 9) // the day: both captures of the run share it
    const r = await runCli(['captures', 'discover', common], env)
    expect(r.code).toBe(2)
    for (const id of ids) expect(r.stderr).toContain(id)
  })
})
