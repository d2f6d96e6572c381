import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDelivery } from '../../src/protocol/delivery.js'
import { parseEnvelope } from '../../src/protocol/envelope.js'
import { NotificationError, REASON_ERRCODE } from '../../src/protocol/errors.js'
import { errmsgFor, inspectDelivery, type Inspection } from '../../src/protocol/inspect.js'
import type { Query } from '../../src/protocol/envelope.js'
import { DOCUMENTED_ERRCODES, FUZZ_NOW_MS, FUZZ_SECRETS, FUZZ_SEED, bodyArb, bytesArb, contentTypeArb, formBodyArb, jsonBodyArb, profile, queryArb, runs, signedCiphertextArb, xmlBodyArb } from './arbitraries.js'

const ctx = { secrets: FUZZ_SECRETS, profile, nowMs: FUZZ_NOW_MS }

/** The properties every outcome has: a documented errcode, never 299 for bad input, a reason that maps to it. */
function inspectChecked (body: Buffer, contentType: string | undefined, query: Query): Inspection {
  const i = inspectDelivery({ body, contentType, query }, ctx)
  expect(DOCUMENTED_ERRCODES).toContain(i.errcode)
  expect(i.errcode, `receiver bug (299): ${i.message}`).not.toBe(299)
  if (i.errcode !== 0) {
    expect(i.reason).toBeDefined()
    expect(REASON_ERRCODE[i.reason ?? 'INTERNAL']).toBe(i.errcode)
  }
  expect(typeof errmsgFor(i)).toBe('string')
  return i
}

const property = (arbs: [fc.Arbitrary<Buffer>, fc.Arbitrary<string | undefined>, fc.Arbitrary<Query>]) =>
  fc.property(...arbs, (body, contentType, query) => { inspectChecked(body, contentType, query) })

describe('fuzz: envelope parser and decoder never throw and answer a documented errcode', () => {
  it.each([
    ['random bytes', bytesArb],
    ['random JSON', jsonBodyArb.map(s => Buffer.from(s))],
    ['random form bodies', formBodyArb.map(s => Buffer.from(s))],
    ['random XML', xmlBodyArb.map(s => Buffer.from(s))],
  ] as const)('%s, random content types and query strings', (_name, arb) => {
    fc.assert(property([arb, contentTypeArb, queryArb]), { seed: FUZZ_SEED, numRuns: runs(400) })
  })

  it('random and crafted ciphertext under a valid signature: the decoder answers 0, 210 or 298, never throws', () => {
    fc.assert(fc.property(signedCiphertextArb, ({ body, query }) => {
      const i = inspectChecked(body, 'application/json', query)
      expect([0, 210, 298]).toContain(i.errcode)
    }), { seed: FUZZ_SEED, numRuns: runs(500) })
  })

  it('parseEnvelope throws only NotificationError (errcode 210 or 300 family), never anything else', () => {
    fc.assert(fc.property(bodyArb, contentTypeArb, queryArb, (body, contentType, query) => {
      try {
        parseEnvelope({ body, contentType, query })
      } catch (err) {
        expect(err).toBeInstanceOf(NotificationError)
        expect((err as NotificationError).errcode).toBe(210)
      }
    }), { seed: FUZZ_SEED, numRuns: runs(400) })
  })

  it('a correctly signed and encrypted message decides on the plaintext alone: JSON object → 0, anything else → 210', () => {
    const msgArb = fc.oneof(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.json({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })).map(o => JSON.stringify(o)))
    fc.assert(fc.property(msgArb, msg => {
      const d = buildDelivery({ payload: msg, secrets: FUZZ_SECRETS, profile, nowMs: FUZZ_NOW_MS, random: Buffer.alloc(16, 7), nonce: '0123456789abcdef' })
      const i = inspectChecked(d.body, d.contentType, d.query)
      let parsed: unknown
      try { parsed = JSON.parse(msg) } catch { parsed = undefined }
      const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      expect(i.errcode).toBe(isObject ? 0 : 210)
    }), { seed: FUZZ_SEED, numRuns: runs(300) })
  })

  it('a mutated valid delivery (ciphertext, signature, query, body) still gets a documented errcode', () => {
    const base = buildDelivery({ payload: { appid: FUZZ_SECRETS.appid, order_id: 'O-1', status: 3 }, secrets: FUZZ_SECRETS, profile, nowMs: FUZZ_NOW_MS, random: Buffer.alloc(16, 1), nonce: 'fedcba9876543210' })
    const encrypt = (JSON.parse(base.body.toString()) as { encrypt: string }).encrypt
    const mutation = fc.oneof(
      fc.tuple(fc.nat({ max: encrypt.length - 1 }), fc.constantFrom(...'AZaz09+/= %-_.')).map(([at, c]) => ({ encrypt: encrypt.slice(0, at) + c + encrypt.slice(at + 1) })),
      fc.nat({ max: encrypt.length }).map(n => ({ encrypt: encrypt.slice(0, n) })),
      fc.base64String({ maxLength: 300 }).map(e => ({ encrypt: e })),
      fc.record({ msg_signature: fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{40}$/), fc.string({ maxLength: 45 })) }).map(q => ({ query: q })),
      fc.record({ timestamp: fc.string({ maxLength: 12 }), wxnontaxstr: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }).map(q => ({ query: q })),
    )
    fc.assert(fc.property(mutation, contentTypeArb, (m, contentType) => {
      const body = 'encrypt' in m ? Buffer.from(JSON.stringify({ appid: FUZZ_SECRETS.appid, encrypt: m.encrypt })) : base.body
      const query = 'query' in m ? { ...base.query, ...m.query } : base.query
      inspectChecked(body, contentType ?? 'application/json', query)
    }), { seed: FUZZ_SEED, numRuns: runs(400) })
  })
})
