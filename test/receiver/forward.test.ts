import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { buildEmulator } from '../../src/emulator/app.js'
import { createForwarder } from '../../src/forward/forwarder.js'
import { createLogger } from '../../src/log/logger.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
import { testConfig } from '../helpers/config.js'
import { closedPortUrl, listenLoopback } from '../helpers/listen.js'
import { logSink } from '../helpers/log-sink.js'

const profile = createWxBizMsgCryptProfile()

/** WeChat (the emulator) → this receiver in forward mode → the user's handler, and back. */
async function forwardChain (handlerTarget: (secrets: ReturnType<typeof testConfig>['secrets']) => Promise<string>) {
  const config = testConfig({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' })
  const target = await handlerTarget(config.secrets)
  const sink = logSink()
  const app = await buildApp(config, {
    logger: createLogger(config, sink.stream), profile,
    forward: createForwarder({ target, secrets: config.secrets, profile, timeoutMs: 10_000 }),
  })
  const base = await listenLoopback(app)
  const emulator = await buildEmulator({ accounts: [{ appid: config.secrets.appid, appsecret: 'x'.repeat(32), secrets: config.secrets }], profile, deliveryTimeoutMs: 15_000 })
  await listenLoopback(emulator)
  const token = await emulator.inject({ method: 'POST', url: '/cgi-bin/stable_token', payload: { grant_type: 'client_credential', appid: config.secrets.appid, secret: 'x'.repeat(32) } })
  const done = new Promise<unknown>(resolve => emulator.emulator.events.once('trigger-done', resolve))
  const trigger = await emulator.inject({ method: 'POST', url: `/nontax/mocknotification?access_token=${token.json<{ access_token: string }>().access_token}`, payload: { appid: config.secrets.appid, url: base + config.notifyPath, version: 1 } })
  expect(trigger.json()).toEqual({ errcode: 0, errmsg: 'ok' })
  await done
  const records = await app.nontax.store.list()
  return { records: records.reverse(), reports: emulator.emulator.reports(), log: sink.text(), secrets: config.secrets }
}

describe('serve --forward-to (forward mode) end to end', () => {
  it('relays a correct handler\'s answers to the sender and grades them PASS', async () => {
    const { records, reports } = await forwardChain(async secrets => (await startReferenceHandler({ secrets })).url)
    expect(reports.map(r => [r.test, r.ok])).toEqual([['crypto', true], ['signature', true]])
    expect(records.map(r => [r.answer.body.errcode, (r.forwarded as { grade: { outcome: string } }).grade.outcome])).toEqual([[0, 'PASS'], [300, 'PASS']])
  })

  it('grades a handler that skips the signature check FAIL on the signature test, in the log', async () => {
    const { records, log } = await forwardChain(async secrets => (await startReferenceHandler({ secrets, skipSignature: true })).url)
    expect(records[1]?.answer.body.errcode).toBe(0)
    expect((records[1]?.forwarded as { grade: { outcome: string } }).grade.outcome).toBe('FAIL')
    expect(log.match(/your handler: HTTP 200 .* graded FAIL[^\n]*/)?.[0]).toMatch(/expected errcode 300/)
  })

  it('answers the sender 299 when the handler is down, and logs why', async () => {
    const handler = await closedPortUrl()
    const { records, reports, log } = await forwardChain(async () => handler)
    expect(records.map(r => r.answer.body.errcode)).toEqual([299, 299])
    // The sender (anyone behind the tunnel) gets the fixed reason only: never the handler's address or the OS error.
    expect(reports.map(r => r.answer?.errmsg)).toEqual(['system error', 'system error'])
    expect(JSON.stringify(reports)).not.toContain(new URL(handler).host)
    expect(records[0]?.forwarded?.error).toMatch(/ECONNREFUSED: nothing listens at/)
    expect(log.match(/your handler: NO ANSWER \([^\n]*/)?.[0]).toMatch(/ECONNREFUSED: nothing listens at/)
  })
  it('masks secrets a careless handler echoes before they reach the record or the log', async () => {
    const { records, log, secrets } = await forwardChain(async s => (await startReferenceHandler({ secrets: s, echoSecrets: true })).url)
    const stored = JSON.stringify(records)
    expect(stored).toContain('***(')
    for (const v of [secrets.token, secrets.encodingAESKey]) {
      expect(stored).not.toContain(v)
      expect(log).not.toContain(v)
    }
  })
})
