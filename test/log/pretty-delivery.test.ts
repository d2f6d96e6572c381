import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaptureRecord } from '../../src/capture/record.js'
import { createDeliveryFormatter, REPLAY_HEADER } from '../../src/log/pretty-delivery.js'
import { deliver, startReceiver, testEnv, type Receiver } from '../capture/helpers/receiver.js'

let dir: string
let rc: Receiver
let crypto: CaptureRecord
let signature: CaptureRecord

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pretty-'))
  rc = await startReceiver(testEnv(dir))
  await deliver(rc.notifyUrl, rc.config.secrets)
  await deliver(rc.notifyUrl, rc.config.secrets, { badSignature: true })
  const records = await rc.store.list()
  crypto = records.find(r => r.test === 'crypto')!
  signature = records.find(r => r.test === 'signature')!
})
afterAll(async () => {
  await rc.close()
  await rm(dir, { recursive: true, force: true })
})

describe('a delivery block a person reads at a glance', () => {
  it('shortens the ciphertext to its length and digest (the capture keeps every byte)', () => {
    const cipher = crypto.inspection.envelope!.encrypt
    const block = createDeliveryFormatter()(crypto)
    expect(block).not.toContain(cipher)
    expect(block).toMatch(new RegExp(`"encrypt":"${cipher.slice(0, 12).replace(/[+/]/g, '\\$&')}…\\(${cipher.length} chars, sha256 [0-9a-f]{16}…\\)"`))
    expect(crypto.body.text).toContain(cipher)
  })

  it('shows the answer\'s data decrypted, so the user sees what was answered', () => {
    const block = createDeliveryFormatter()(crypto)
    expect(block).toContain('answered data (decrypted): {"order_id":"ORD-1001","status":3}')
  })

  it('shows x-forwarded-for and user-agent when present', () => {
    const r = { ...crypto, headers: { ...crypto.headers, 'x-forwarded-for': '203.0.113.9', 'user-agent': 'Mozilla/4.0 WeChat' } }
    expect(createDeliveryFormatter()(r)).toContain('from 127.0.0.1 · x-forwarded-for 203.0.113.9 · user-agent Mozilla/4.0 WeChat')
  })

  it('in the run command\'s round shows WeChat\'s signature test as expected, and its explanation once', () => {
    const format = createDeliveryFormatter({ mockRun: true })
    const first = format(signature)
    expect(first).toContain('signature test (wrong signature on purpose)')
    expect(first).toContain('signature: wrong, as expected')
    expect(first).toContain('this is WeChat\'s version-1 signature test')
    expect(first).not.toContain('warning:')
    const second = format({ ...signature, id: 'again' })
    expect(second).toContain('signature: wrong, as expected')
    expect(second).not.toContain('this is WeChat\'s version-1 signature test')
  })

  it('never calls a staging delivery (serve) or a tampered replay "WeChat\'s signature test"', () => {
    const serve = createDeliveryFormatter()(signature)
    expect(serve).toContain('bad signature')
    expect(serve).toContain('signature: FAIL (SIGNATURE_MISMATCH)')
    expect(serve).not.toMatch(/WeChat's .*signature test/)
    const replayed = { ...signature, headers: { ...signature.headers, [REPLAY_HEADER]: 'signature' } }
    const block = createDeliveryFormatter({ mockRun: true })(replayed)
    expect(block).toContain('REPLAY by nontax-debugger (signature)')
    expect(block).toContain('signature: FAIL (SIGNATURE_MISMATCH)')
    expect(block).not.toMatch(/WeChat's .*signature test/)
  })

  it('says the "not acted on" note once per log, not after every delivery', () => {
    const format = createDeliveryFormatter()
    expect(format(signature)).toContain('note: payload shown for debugging only')
    expect(format(signature)).not.toContain('note: payload shown for debugging only')
  })
})
