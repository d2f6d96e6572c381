import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const MODULE = new URL('../../src/time/local.ts', import.meta.url).href

/** Evaluates an expression over the time module in a child node whose TZ is set: the zone is read at start. */
async function inZone (tz: string, expr: string): Promise<unknown> {
  const code = `const t = await import(${JSON.stringify(MODULE)}); console.log(JSON.stringify(${expr}))`
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, TZ: tz } })
  return JSON.parse(stdout)
}

const AT = Date.parse('2026-11-27T06:03:05.123Z')

describe('local time', () => {
  it('shows Beijing time with its offset, and stores ISO-8601 with the offset', async () => {
    expect(await inZone('Asia/Shanghai', `[t.localTime(${AT}), t.localIso(${AT}), t.localCompact(${AT}), t.localDay(${AT}), Date.parse(t.localIso(${AT}))]`))
      .toEqual(['2026-11-27 14:03:05 +08:00', '2026-11-27T14:03:05.123+08:00', '20261127-140305', '2026-11-27', AT])
  })

  it('says +00:00 in UTC, a negative offset west of it, and DST where the zone has it', async () => {
    expect(await inZone('UTC', `t.localTime(${AT})`)).toBe('2026-11-27 06:03:05 +00:00')
    expect(await inZone('America/St_Johns', `[t.offsetAt(${AT}), t.offsetAt(Date.parse('2026-07-01T12:00:00Z'))]`)).toEqual(['-03:30', '-02:30'])
  })

  it('reads a typed date as local unless it names its zone; an old UTC "Z" timestamp is shown in local time', async () => {
    expect(await inZone('Asia/Shanghai', `[t.parseLocalDate('2026-11-27'), t.parseLocalDate('2026-11-27 14:03'), t.parseLocalDate('2026-11-27T06:03Z'), t.parseLocalDate('yesterday'), t.localTime('2026-11-27T06:03:05.000Z')]`))
      .toEqual([Date.parse('2026-11-26T16:00:00Z'), Date.parse('2026-11-27T06:03:00Z'), Date.parse('2026-11-27T06:03:00Z'), null, '2026-11-27 14:03:05 +08:00'])
  })

  it('refuses a day or a time that does not exist instead of rolling it over (2026-13-45 is not 2027-02-14)', async () => {
    expect(await inZone('Asia/Shanghai', `['2026-13-45', '2026-02-30', '2026-02-30 10:00', '2026-11-27 24:00', '2026-11-27 14:60', '2026-11-27T14:00:61Z', '2028-02-29', '2026-11-27 23:59:59'].map(d => t.parseLocalDate(d))`))
      .toEqual([null, null, null, null, null, null, Date.parse('2028-02-28T16:00:00Z'), Date.parse('2026-11-27T15:59:59Z')])
  })
})
