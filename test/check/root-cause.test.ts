import { describe, expect, it } from 'vitest'
import { runBattery } from '../../src/check/battery.js'
import { renderReport } from '../../src/check/report-table.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { startNodeHandler } from './helpers/buggy-node.js'
import { testSecrets } from './helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()

async function checkAgainst (bug: Parameters<typeof startNodeHandler>[1]) {
  const secrets = testSecrets()
  const url = await startNodeHandler(secrets, bug)
  const report = await runBattery({ target: url, secrets, profile, timeoutMs: 30_000 })
  return { report, text: renderReport(report) }
}

/** The root-cause block sits between the table and the first per-class detail. */
const causeBlock = (text: string) => flat(text.slice(text.indexOf('Root cause'), text.search(/\n\s*\d+ {2}[a-z0-9-]+: (FAIL|WARN)/)))
/** Wrapped lines joined, so a phrase reads the same wherever the line broke. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('check names the root cause once, above the per-class detail', () => {
  it('a correct handler: no root cause, no block', async () => {
    const { report, text } = await checkAgainst('none')
    expect(report.summary.fail).toBe(0)
    expect(report.causes).toEqual([])
    expect(text).not.toContain('Root cause')
  }, 60_000)

  it('upper-case hex: one cause naming the case, not the token, and each 300 points to it', async () => {
    const { report, text } = await checkAgainst('upperHex')
    expect(report.causes.map(c => c.finding.code)).toEqual(['CHECK_CAUSE_HEX_CASE'])
    const cause = report.causes[0]!
    expect(cause.classes).toContain('crypto-test')
    expect(cause.classes.length).toBeGreaterThanOrEqual(9)
    for (const name of cause.classes) expect(report.results.find(r => r.class === name)).toMatchObject({ outcome: 'FAIL', reply: { errcode: 300 }, cause: 1 })
    const block = causeBlock(text)
    expect(block).toContain('your handler compares msg_signature in upper-case hex')
    expect(block).toContain('WeChat sends lower-case hex')
    // Said once: the per-class detail points at it instead of repeating a token fix nine times.
    expect(flat(text).split('compares msg_signature in upper-case hex')).toHaveLength(2)
    expect(text.match(/fix +see root cause 1 above/g)?.length).toBe(cause.classes.length)
    expect(text.indexOf('Root cause')).toBeLessThan(text.indexOf(' crypto-test: FAIL'))
  }, 60_000)

  it('16-byte unpadding: crypto-test passes, long-padding fails, the cause says 32-byte blocks', async () => {
    const { report, text } = await checkAgainst('unpad16')
    expect(report.results.find(r => r.class === 'crypto-test')?.outcome).toBe('PASS')
    expect(report.causes.map(c => c.finding.code)).toEqual(['CHECK_CAUSE_UNPAD16'])
    expect(report.causes[0]!.classes).toContain('long-padding')
    expect(causeBlock(text)).toContain('your handler unpads to 16-byte blocks')
    expect(causeBlock(text)).toContain('AES/CBC/NoPadding')
  }, 60_000)

  it('16-byte padding of answers: the cause names the answers, not decryption', async () => {
    const { report, text } = await checkAgainst('pad16Answer')
    expect(report.causes.map(c => c.finding.code)).toEqual(['CHECK_CAUSE_PAD16_ANSWER'])
    expect(report.causes[0]!.classes).toEqual(['answer-padding'])
    expect(causeBlock(text)).toContain('your handler pads its answers to 16-byte blocks')
  }, 60_000)

  it('a handler without a signature check: no pattern cause is invented', async () => {
    const { report } = await checkAgainst('skipSignature')
    expect(report.summary.fail).toBeGreaterThan(0)
    expect(report.causes).toEqual([])
  }, 60_000)
})
