import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import type { CaptureRecord } from '../../src/capture/record.js'
import { testConfig } from '../helpers/config.js'
import { DOCUMENTED_ERRCODES, FUZZ_SECRETS, FUZZ_SEED, bodyArb, contentTypeArb, runs, signedCiphertextArb } from './arbitraries.js'

/** Header values a client can actually send (light-my-request rejects control characters, as Node does). */
const headerSafe = (s: string | undefined) => s === undefined || /^[\t\x20-\x7e]*$/.test(s)
const rawQueryArb = fc.oneof(fc.webQueryParameters(), fc.string({ maxLength: 60 }).map(s => encodeURI(s).replace(/#/g, '%23')))

describe('fuzz: the whole receiver over app.inject', () => {
  let app: FastifyInstance
  const recorded: CaptureRecord[] = []
  const notifyPath = '/nontax/notify'
  beforeAll(async () => {
    const config = testConfig({ WECHAT_APPID: FUZZ_SECRETS.appid, NONTAX_TOKEN: FUZZ_SECRETS.token, NONTAX_ENCODING_AES_KEY: FUZZ_SECRETS.encodingAESKey, NOTIFY_PATH: notifyPath })
    app = await buildApp(config)
    app.nontax.events.on('delivery', (r: CaptureRecord) => { recorded.push(r) })
  })
  afterAll(() => app.close())

  const deliver = async (payload: Buffer, contentType: string | undefined, rawQuery: string) => {
    recorded.length = 0
    const res = await app.inject({ method: 'POST', url: `${notifyPath}?${rawQuery}`, headers: contentType === undefined ? {} : { 'content-type': contentType }, payload })
    const answer = res.json() as { errcode: number; errmsg: string }
    expect(DOCUMENTED_ERRCODES).toContain(answer.errcode)
    expect(answer.errcode, `receiver bug (299): ${answer.errmsg}`).not.toBe(299)
    expect(typeof answer.errmsg).toBe('string')
    // Every answered delivery is recorded (the 'delivery' event fires once the store has it), with the answer it got.
    expect(recorded.map(r => r.answer.body.errcode)).toEqual([answer.errcode])
    return { status: res.statusCode, answer }
  }

  it('random bodies, content types and query strings: a JSON answer with a documented errcode, recorded', async () => {
    await fc.assert(fc.asyncProperty(bodyArb, contentTypeArb.filter(headerSafe), rawQueryArb, async (body, contentType, rawQuery) => {
      const { status } = await deliver(body, contentType, rawQuery)
      expect([200, 400, 413, 415]).toContain(status)
    }), { seed: FUZZ_SEED, numRuns: runs(150) })
  })

  it('validly signed random ciphertext over HTTP: 0, 210 or 298, HTTP 200', async () => {
    await fc.assert(fc.asyncProperty(signedCiphertextArb, async ({ body, query }) => {
      const { status, answer } = await deliver(body, 'application/json', new URLSearchParams(query).toString())
      expect(status).toBe(200)
      expect([0, 210, 298]).toContain(answer.errcode)
    }), { seed: FUZZ_SEED, numRuns: runs(100) })
  })
})
