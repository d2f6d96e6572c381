import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileStore } from '../../src/capture/file-store.js'
import { createGroupCommitter } from '../../src/capture/group-commit.js'
import { parseRecordLine } from '../../src/capture/ndjson-files.js'
import { serializeRecord } from '../../src/capture/record-line.js'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { createDeliveryHandler } from '../../src/receiver/handle-delivery.js'
import { testConfig } from '../helpers/config.js'

const FIXTURE = new URL('../fixtures/capture-before-shared-ciphertext.ndjson', import.meta.url)
let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'record-line-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

async function oldRecord (): Promise<CaptureRecord> {
  return JSON.parse(await readFile(FIXTURE, 'utf8')) as CaptureRecord
}

/** A record as the receiver makes it today. */
async function freshRecord (): Promise<CaptureRecord> {
  const profile = createWxBizMsgCryptProfile()
  const { secrets } = testConfig()
  const handle = createDeliveryHandler({ store: createMemoryStore(), profile, secrets, now: Date.now, onDelivery () {}, log: { delivery () {}, error () {} } })
  const d = buildDelivery({ payload: { appid: secrets.appid, order_id: 'O-9', status: 3, fee: 1 }, secrets, profile, nowMs: Date.now() })
  const query = new URLSearchParams(d.query as Record<string, string>).toString()
  return (await handle({ method: 'POST', path: '/n', query, headers: { 'content-type': d.contentType }, body: d.body, remoteAddress: '127.0.0.1', mayForward: false })).record
}

describe('capture lines store the ciphertext once', () => {
  it('writes the ciphertext once and reads back the complete record', async () => {
    const record = await freshRecord()
    const cipher = record.inspection.envelope?.encrypt ?? ''
    expect(cipher.length).toBeGreaterThan(100)
    const line = serializeRecord(record)
    expect(line.split(cipher).length - 1).toBe(1)
    expect(JSON.stringify(record).split(cipher).length - 1).toBe(4)
    expect(line.length).toBeLessThan(JSON.stringify(record).length - 2 * cipher.length)
    expect(parseRecordLine(line)).toEqual(record)
  })

  it('still reads a capture file written before (every copy inline)', async () => {
    await copyFile(FIXTURE, join(dir, 'captures-2026-03-01.ndjson'))
    const store = await createFileStore({ dir, maxInMemory: 10, readOnly: true })
    const expected = await oldRecord()
    expect(store.stats).toMatchObject({ records: 1, skippedPartial: 0 })
    expect(await store.get(expected.id)).toEqual(expected)
    expect(await store.list()).toEqual([expected])
    expect(store.findOrder('FIXTURE-1', '3')).toBe(expected.id)
  })

  it('keeps a record whose body does not hold the ciphertext verbatim complete', async () => {
    const record = await oldRecord()
    const binary = { ...record, body: { ...record.body, encoding: 'base64' as const, text: Buffer.from(record.body.text).toString('base64') } }
    const line = serializeRecord(binary)
    expect(line).not.toContain('"shared"')
    expect(parseRecordLine(line)).toEqual(binary)
  })

  it('appends lines a restarted store reads back equal, from where it remembered them', async () => {
    const record = await oldRecord()
    const store = await createFileStore({ dir, maxInMemory: 10 })
    const copies = Array.from({ length: 3 }, (_, i) => ({ ...record, id: `${record.id}-${i}` }))
    await Promise.all(copies.map(r => store.append(r)))
    expect(await store.get(copies[1]!.id)).toEqual(copies[1])
    expect((await store.list()).map(r => r.id)).toEqual(copies.map(r => r.id).reverse())
    await store.close()
    const again = await createFileStore({ dir, maxInMemory: 10, readOnly: true })
    expect(await again.list({ limit: 1 })).toEqual([copies[2]])
  })
})

describe('group commit', () => {
  it('gives every item of a batch the same promise, and a later batch another', async () => {
    const batches: number[][] = []
    const c = createGroupCommitter<number>(async b => { batches.push(b) })
    const first = c.submit(1)
    expect(c.submit(2)).toBe(first)
    await first
    const next = c.submit(3)
    expect(next).not.toBe(first)
    await next
    expect(batches).toEqual([[1, 2], [3]])
  })
})
