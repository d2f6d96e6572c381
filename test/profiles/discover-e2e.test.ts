import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { createFileStore } from '../../src/capture/file-store.js'
import { runDiscover } from '../../src/cli/captures-discover.js'
import { startLoop } from '../../src/loop/loop.js'
import { testSecrets, captureIo } from '../check/helpers/secrets.js'
import { testConfig } from '../helpers/config.js'
import { logSink } from '../helpers/log-sink.js'

/** Each family, and a profile it fails under (the tolerant default reader also reads the XML family, so that one fails under Pay v2). */
const FAMILIES: Array<[string, string]> = [
  ['wxbizmsgcrypt', 'nontax-data-hmac'],
  ['wxbizmsgcrypt-xml', 'payv2-md5'],
  ['nontax-data-hmac', 'wxbizmsgcrypt'],
  ['nontax-data-sha256', 'wxbizmsgcrypt'],
  ['payv2-md5', 'wxbizmsgcrypt'],
  ['payv2-hmac', 'gcm-headers'],
  ['gcm-headers', 'wxbizmsgcrypt'],
]

async function round (env: Record<string, string>) {
  const config = testConfig({ WAIT_TIMEOUT_MS: '10000', LOG_LEVEL: 'info', ...env })
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: 100, now: Date.now, log: { warn: () => {} } })
  const sink = logSink()
  const l = await startLoop({ config, logger: pino({ level: 'info' }, sink.stream), store })
  try {
    const verdict = await l.run()
    // Oldest first: the crypto test, then the signature test.
    const ids = (await store.list()).map(r => r.id).reverse()
    return { verdict, ids, sink }
  } finally {
    await l.close()
  }
}

describe('discovery, end to end over loopback for every profile family', () => {
  it.each(FAMILIES)('%s (first received under %s): the receiver fails and says which profile; discover names it; under it the receiver answers 0', async (family, wrong) => {
    const s = testSecrets()
    const env = { WECHAT_APPID: s.appid, NONTAX_TOKEN: s.token, NONTAX_ENCODING_AES_KEY: s.encodingAESKey, CAPTURE_DIR: mkdtempSync(join(tmpdir(), 'nontax-discover-')) }
    const first = await round({ ...env, NONTAX_PROFILE: wrong, NONTAX_EMULATE_PROFILE: family })
    expect(first.verdict.pass).toBe(false)
    // The background search said so in the log and in the verdict, naming the family's profile.
    expect(first.verdict.hints[0]).toMatch(new RegExp(`verifies and decrypts under profile ${family}, not the configured one \\(${wrong}\\); set NONTAX_PROFILE=${family} `))
    expect(first.sink.lines().some(l => l.code === 'DISCOVERY_OTHER_PROFILE' && l.profileHint === family)).toBe(true)

    const crypto = first.ids[0] as string
    const c = captureIo({ ...env, NONTAX_PROFILE: wrong })
    expect(await runDiscover([crypto, '--json'], c.io)).toBe(0)
    const report = JSON.parse(c.out()) as { matches: Array<{ profile: string; decrypts: boolean; signatureVerifies: boolean }>; searched: { ms: number } }
    expect(report.matches[0]).toMatchObject({ profile: family, decrypts: true, signatureVerifies: true })

    const second = await round({ ...env, NONTAX_PROFILE: report.matches[0]?.profile ?? '', NONTAX_EMULATE_PROFILE: family })
    expect(second.verdict.reasons).toEqual([])
    expect(second.verdict.rows.map(r => [r.test, r.errcode, r.senderOk])).toEqual([['crypto', 0, true], ['signature', 300, true]])
    expect(second.verdict.pass).toBe(true)
  })
})
