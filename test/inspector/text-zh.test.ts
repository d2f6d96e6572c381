import { describe, expect, it } from 'vitest'
// @ts-expect-error: a browser ES module without types
import { TEXTS } from '../../src/inspector/public/text.js'
import { buildInspector } from '../../src/inspector/app.js'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import { EventEmitter } from 'node:events'

const { en, zh } = TEXTS as { en: Record<string, unknown>; zh: Record<string, unknown> }
/** Values sent to the server or WeChat's own names: the same in both languages. */
const SAME = ['tampers', 'editFields', 'filterErrcode', 'filterOrder', 'aesKey', 'appid', 'none']

describe('inspector page texts', () => {
  it('has a Chinese text for every English one, of the same kind', () => {
    expect(Object.keys(zh).filter(k => !(k in en))).toEqual([])
    expect(Object.keys(en).filter(k => !(k in zh) && !SAME.includes(k))).toEqual([])
    for (const k of Object.keys(zh)) expect(typeof zh[k], k).toBe(typeof en[k])
    expect((zh.columns as string[]).length).toBe((en.columns as string[]).length)
  })

  it('serves the page marked Chinese when the run chose Chinese', async () => {
    const opts = { store: createMemoryStore(10), events: new EventEmitter() }
    const zhPage = await buildInspector({ ...opts, lang: 'zh' } as Parameters<typeof buildInspector>[0])
    const enPage = await buildInspector(opts as Parameters<typeof buildInspector>[0])
    const get = async (i: typeof zhPage) => (await i.app.inject({ url: '/', headers: { host: '127.0.0.1' } })).body
    expect(await get(zhPage)).toContain('<html lang="zh-CN" data-lang="zh">')
    expect(await get(enPage)).toContain('<html lang="en">')
    await zhPage.app.close()
    await enPage.app.close()
  })
})
