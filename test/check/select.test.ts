import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../src/cli/check.js'
import type { CheckReport } from '../../src/check/types.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { tempDir } from '../examples/helpers/example-process.js'
import { captureIo, testSecrets } from './helpers/secrets.js'

const envOf = (s: ReturnType<typeof testSecrets>) => ({ WECHAT_APPID: s.appid, NONTAX_TOKEN: s.token, NONTAX_ENCODING_AES_KEY: s.encodingAESKey })

async function check (args: string[], handler: Parameters<typeof startReferenceHandler>[0] | undefined = undefined) {
  const secrets = handler?.secrets ?? testSecrets()
  const h = await startReferenceHandler(handler ?? { secrets })
  const c = captureIo(envOf(secrets))
  const code = await runCheck(['--target', h.url, '--json', ...args], c.io)
  const report = code === 2 ? undefined : JSON.parse(c.out()) as CheckReport
  return { code, report, err: c.err(), h }
}

describe('check --only', () => {
  it('runs just the named classes, in battery order', async () => {
    const { code, report, h } = await check(['--only', 'long-padding,crypto-test'])
    expect(code).toBe(0)
    expect(report?.results.map(r => r.class)).toEqual(['crypto-test', 'long-padding'])
    expect(h.received).toBe(2)
  })

  it('an unknown class: exit 2, nothing sent, every class listed', async () => {
    const { code, err, h } = await check(['--only', 'crypto-test,upper-case'])
    expect(code).toBe(2)
    expect(err).toContain('check: --only names no class "upper-case". Classes: crypto-test, signature-test, flipped-byte')
    expect(err).toContain('chinese')
    expect(h.received).toBe(0)
  })

  it('--only with nothing in it is a usage error too', async () => {
    const { code, err } = await check(['--only', ','])
    expect(code).toBe(2)
    expect(err).toMatch(/^check: --only needs one class name or more/)
  })
})

describe('check --set / --set-file: the user\'s own order, amount and status', () => {
  it('every notification carries them; a refund (status 5) is echoed and graded as such', async () => {
    const { code, report, h } = await check(['--set', 'order_id=NT2024001', '--set', 'fee=1250', '--set', 'status=5', '--only', 'crypto-test,duplicate-order,chinese,long-padding'])
    expect(code).toBe(0)
    expect(report?.summary).toMatchObject({ total: 4, fail: 0, warn: 0 })
    for (const d of h.seen) expect(d.inspection.payload).toMatchObject({ order_id: 'NT2024001', fee: 1250, status: 5, items: [{ fee: 1250 }] })
    // Idempotent handler: one order, applied once, answered 0 each time.
    expect([...h.applied.keys()]).toEqual(['NT2024001:5'])
  })

  it('--set-file supplies items and the rest; --set wins over it', async () => {
    const file = join(tempDir(), 'payload.json')
    writeFileSync(file, JSON.stringify({ order_id: 'FROM-FILE', fee: 300, items: [{ no: 1, item_id: 'A', item_name: 'a', overdue: 0, penalty: 0, fee: 300 }] }))
    const { code, h } = await check(['--set-file', file, '--set', 'order_id=FROM-FLAG', '--only', 'crypto-test'])
    expect(code).toBe(0)
    expect(h.seen[0]?.inspection.payload).toMatchObject({ order_id: 'FROM-FLAG', fee: 300, items: [{ item_id: 'A', fee: 300 }] })
  })

  const refused: Array<[string[], string]> = [
    [['--set', 'fee=12.50'], '--set fee: fee is in fen (1 yuan = 100 fen), a whole number; got 12.5: if you meant 12.5 yuan, use fee=1250'],
    [['--set', 'fee=ten'], '--set fee: fee is an amount in fen, a whole number 0 or more (got "ten")'],
    [['--set', 'status=paid'], '--set status: status must be 3 or 4 (paid) or 5 (refunded), a number (got "paid")'],
    [['--set', 'status=7'], 'status must be 3 or 4 (paid) or 5 (refunded)'],
    [['--set', 'orderid=1'], '--set orderid: no field "orderid" in this payload. Fields you can set: order_id, status, fee'],
    [['--set', 'appid=wx1'], 'appid is not settable'],
    [['--set', 'order_id='], '--set order_id: order_id must be non-empty text (got "")'],
    [['--set', 'fee'], '--set takes field=value (e.g. --set fee=1250); got "fee"'],
    [['--set-file', '/nonexistent/payload.json'], '--set-file /nonexistent/payload.json: cannot read it'],
  ]
  for (const [args, message] of refused) {
    it(`${args.join(' ')}: exit 2, nothing sent, the field and the fix named`, async () => {
      const { code, err, h } = await check(args)
      expect(code).toBe(2)
      expect(err).toContain(message)
      expect(h.received).toBe(0)
    })
  }

  it('--set-file values keep their JSON types: a fee given as text is refused', async () => {
    const file = join(tempDir(), 'payload.json')
    writeFileSync(file, JSON.stringify({ fee: '1250' }))
    const { code, err } = await check(['--set-file', file])
    expect(code).toBe(2)
    // Quoted: the value is the text "1250", which is why it is refused (found in review: it read (got 1250)).
    expect(err).toContain(`${file}: fee: fee is an amount in fen, a whole number 0 or more (got "1250")`)
  })
})

describe('check --api mockqueryfee: a query-fee handler', () => {
  it('a handler that answers a bill: 0 FAIL', async () => {
    const { code, report } = await check(['--api', 'mockqueryfee'])
    expect(code).toBe(0)
    expect(report?.results.map(r => r.class)).toEqual(['qf-crypto-test', 'qf-signature-test', 'qf-other-token', 'qf-other-key', 'qf-bad-base64', 'qf-bad-json', 'qf-repeat'])
    expect(report?.summary).toMatchObject({ fail: 0, warn: 0 })
  })

  it('232 and 236 are business answers: PASS, and the table says they are accepted', async () => {
    for (const errcode of [232, 236]) {
      const secrets = testSecrets()
      const { code, report } = await check(['--api', 'mockqueryfee', '--only', 'qf-crypto-test'], { secrets, answer: () => errcode })
      expect(code).toBe(0)
      expect(report?.results[0]).toMatchObject({ outcome: 'PASS', reply: { errcode } })
      expect(report?.results[0]).toMatchObject({ expectedShort: '0/232/236', got: String(errcode) })
    }
  })

  it('a bill whose fee is yuan as text: FAIL naming fen', async () => {
    const secrets = testSecrets()
    const { code, report } = await check(['--api', 'mockqueryfee'], { secrets, answer: p => ({ payment_notice_no: p.payment_notice_no, fee: '12.50' }) })
    expect(code).toBe(1)
    const r = report?.results.find(x => x.class === 'qf-crypto-test')
    expect(r).toMatchObject({ outcome: 'FAIL', reply: { errcode: 0 } })
    expect(r?.reason).toBe('your handler answered 0 with a bill whose fee is "12.50": the amount due is in fen, a whole number 0 or more (12.50 yuan is 1250)')
  })

  it('a handler that skips the signature check: the signature classes FAIL', async () => {
    const secrets = testSecrets()
    const { code, report } = await check(['--api', 'mockqueryfee'], { secrets, skipSignature: true })
    expect(code).toBe(1)
    expect(report?.results.filter(r => r.outcome === 'FAIL').map(r => r.class)).toEqual(['qf-signature-test', 'qf-other-token'])
  })

  it('--set shapes the request: the handler is asked about the user\'s notice', async () => {
    const { code, h } = await check(['--api', 'mockqueryfee', '--set', 'payment_notice_no=4403050000009999999', '--only', 'qf-crypto-test'])
    expect(code).toBe(0)
    expect(h.seen[0]?.inspection.payload).toMatchObject({ payment_notice_no: '4403050000009999999', service_id: 1 })
  })

  it('an unknown --api, or a payment-notification class with --api mockqueryfee: exit 2 naming the choices', async () => {
    expect((await check(['--api', 'mockbill'])).err).toContain('check: --api must be one of mocknotification, mockqueryfee (got "mockbill")')
    const r = await check(['--api', 'mockqueryfee', '--only', 'long-padding'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('with --api mockqueryfee the classes are qf-crypto-test')
  })
})
