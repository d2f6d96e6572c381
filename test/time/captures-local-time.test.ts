import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeRecord } from '../../src/capture/record-line.js'
import { fakeRecord } from '../capture/helpers/records.js'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
const BEIJING = { TZ: 'Asia/Shanghai', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ENV_FILE: 'none' }

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'captures-tz-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

async function cli (...argv: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'captures', ...argv], { cwd: ROOT, env: { ...process.env, ...BEIJING, CAPTURE_DIR: dir } })
  return stdout
}

async function inBeijing (code: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, ...BEIJING } })
  return JSON.parse(stdout)
}

describe('captures in local time (TZ=Asia/Shanghai)', () => {
  it('names capture IDs and day files for the local second and day', async () => {
    // 2026-11-27T17:00Z is 2026-11-28 01:00 in Beijing: the UTC day and the local day differ.
    const got = await inBeijing(`
      const { newCaptureId } = await import('./src/receiver/handle-delivery.ts')
      const { dayFileName } = await import('./src/capture/ndjson-files.ts')
      const { localIso } = await import('./src/time/local.ts')
      const ms = Date.parse('2026-11-27T17:00:00Z')
      console.log(JSON.stringify([newCaptureId(ms), dayFileName(localIso(ms), 0), localIso(ms)]))`)
    expect(got).toEqual([expect.stringMatching(/^20261128-010000-[0-9a-f]{6}$/), 'captures-2026-11-28.ndjson', '2026-11-28T01:00:00.000+08:00'])
  })

  it('lists new local-time and old UTC captures together in local time, newest first; --since takes a local date', async () => {
    // An old file named for its UTC day with a Z timestamp, and a new one named for the local day with +08:00.
    const old = fakeRecord({ id: '20261127-200000-aaaaaa', receivedAt: '2026-11-27T20:00:00.000Z', orderId: 'OLD' })
    const young = fakeRecord({ id: '20261128-010000-bbbbbb', receivedAt: '2026-11-28T01:00:00.000+08:00', orderId: 'NEW' })
    await writeFile(join(dir, 'captures-2026-11-27.ndjson'), serializeRecord(old) + '\n')
    await writeFile(join(dir, 'captures-2026-11-28.ndjson'), serializeRecord(young) + '\n')
    const all = (await cli('list', '--since', '2026-11-28')).trim().split('\n')
    expect(all).toHaveLength(2)
    expect(all[0]).toMatch(/^2026-11-28 04:00:00 \+08:00 .*20261127-200000-aaaaaa/)
    expect(all[1]).toMatch(/^2026-11-28 01:00:00 \+08:00 .*20261128-010000-bbbbbb/)
    // Local 02:00 on the 28th is after the new one (01:00 local) and before the old one (04:00 local).
    const late = (await cli('list', '--since', '2026-11-28 02:00')).trim().split('\n')
    expect(late).toEqual([expect.stringContaining('20261127-200000-aaaaaa')])
    expect(await cli('show', 'bbbbbb')).toContain('2026-11-28 01:00:00 +08:00')
  })
})
