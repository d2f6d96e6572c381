import { EventEmitter } from 'node:events'
import { pino } from 'pino'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startInspector, type StartedInspector } from '../../src/inspector/start.js'
import type { Lang } from '../../src/messages/types.js'
import { deliver, profile, receiverWithOneDelivery, type OneDelivery } from '../capture/helpers/receiver.js'
import { englishRuns } from './english-runs.js'

// The inspector's replay, tamper and re-verify results are server texts: in the page's language
// (the x-inspector-lang header public/dom.js sends), else in the run's. Real HTTP on loopback.
let one: OneDelivery
let inspector: StartedInspector
beforeAll(async () => {
  one = await receiverWithOneDelivery('zh-inspector-')
  inspector = (await startInspector('auto', {
    store: one.rc.store, events: new EventEmitter(), secrets: one.rc.config.secrets, profile, logger: pino({ level: 'silent' }), lang: 'en',
  }))!
})
afterAll(async () => { await inspector?.close(); await one?.close() })

interface ActionResult { tampered?: { change: string; expect: string }; comparison?: string; change?: string; warnings?: string[]; errcode?: number }

async function act (action: 'replay' | 'verify', body: Record<string, unknown>, pageLang?: Lang): Promise<ActionResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-inspector': '1', ...(pageLang ? { 'x-inspector-lang': pageLang } : {}) }
  const res = await request(`${inspector.url}api/captures/${one.cryptoId}/${action}`, { method: 'POST', headers, body: JSON.stringify(body) })
  expect(res.statusCode).toBe(200)
  return await res.body.json() as ActionResult
}

describe('the inspector\'s action results follow the page\'s language', () => {
  it('a tampered replay: what was changed and what a correct receiver answers', async () => {
    const zh = await act('replay', { to: one.rc.notifyUrl, tamper: 'signature' }, 'zh')
    expect(zh.errcode).toBe(300)
    expect(zh.tampered?.change).toMatch(/^msg_signature：第 1 个字符由 "\w" 改为 "\w"$/)
    expect(zh.tampered?.expect).toBe('errcode 300：签名不再相符')
    expect(englishRuns(`${zh.tampered?.change}\n${zh.tampered?.expect}\n${zh.comparison}`)).toEqual([])
    // The run is English: a page without the header (or an English one) reads English.
    const en = await act('replay', { to: one.rc.notifyUrl, tamper: 'signature' })
    expect(en.tampered?.expect).toBe('errcode 300: the signature no longer matches')
  })

  it('an exact replay: the comparison with the recorded answer', async () => {
    const zh = await act('replay', { to: one.rc.notifyUrl }, 'zh')
    expect(zh.comparison).toBe('errcode 同为 0，解密后的 data 相同；字节不同只是因为成功应答每次都带新的随机串、时间戳和密文')
  })

  it('re-verify with a wrong typed token: the change, naming the token typed into the page', async () => {
    const zh = await act('verify', { token: 'TypedWrongToken123' }, 'zh')
    expect(zh).toMatchObject({ errcode: 300, change: '0 → 300：页面中输入的 Token 与签名不符' })
    expect(englishRuns(JSON.stringify(zh.change))).toEqual([])
    const en = await act('verify', { token: 'TypedWrongToken123' }, 'en')
    expect(en.change).toBe('0 → 300: the token typed into the page does not match the signature')
    for (const w of [...(zh.warnings ?? []), ...(en.warnings ?? [])]) expect(typeof w).toBe('string')
  })

  it('the detail of a delivery with a wrong signature: the cause and the failure in the page\'s language', async () => {
    const bad = await deliver(one.rc.notifyUrl, one.rc.config.secrets, { badSignature: true })
    const id = (await one.rc.store.list()).find(r => r.wxnontaxstr === bad.nonce)?.id ?? ''
    const detail = async (pageLang: Lang) => {
      const res = await request(`${inspector.url}api/captures/${id}`, { headers: { 'x-inspector-lang': pageLang } })
      return await res.body.json() as { signature: { cause: string }; failure: { reason: string; message: string }; warnings: unknown[] }
    }
    const [zh, en] = [await detail('zh'), await detail('en')]
    expect(zh.failure.reason).toBe('SIGNATURE_MISMATCH')
    expect(zh.signature.cause).toMatch(/^密文完好/)
    expect(zh.failure.message).toBe(zh.signature.cause)
    expect(en.signature.cause).toMatch(/^the ciphertext is intact/)
    expect(englishRuns(`${zh.signature.cause}\n${zh.failure.message}`)).toEqual([])
    for (const w of zh.warnings) expect(typeof w).toBe('string')
  })
})
