import { EventEmitter } from 'node:events'
import { pino } from 'pino'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../src/capture/memory-store.js'
import { startInspector, type StartedInspector } from '../../src/inspector/start.js'
import { render } from '../../src/messages/render.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { demoSecrets } from '../../src/config.js'

// README "Language": Chinese covers "the inspector's server texts" when the run chose Chinese.
let inspector: StartedInspector
let base: string
beforeAll(async () => {
  const s = demoSecrets()
  inspector = (await startInspector('auto', {
    store: createMemoryStore(10), events: new EventEmitter(), secrets: { appid: s.appid, token: s.token, encodingAESKey: s.encodingAESKey },
    profile: createWxBizMsgCryptProfile(), logger: pino({ level: 'silent' }), lang: 'zh',
  }))!
  base = inspector.url.replace(/\/$/, '')
})
afterAll(async () => { await inspector?.close() })

const call = async (path: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}) => {
  const res = await request(base + path, init)
  return { status: res.statusCode, json: await res.body.json() as { error?: string; message?: string; note?: string } }
}

describe('the inspector of a Chinese run answers in Chinese (real HTTP on loopback)', () => {
  it('an unknown capture (page API and actions alike)', async () => {
    for (const path of ['/api/captures/nosuch', '/api/captures/nosuch/curl']) {
      const r = await call(path)
      expect(r.status, path).toBe(404)
      expect(r.json).toEqual({ error: 'INSPECTOR_NOT_FOUND', message: render({ code: 'INSPECTOR_NOT_FOUND', params: { id: 'nosuch' } }, 'zh') })
    }
  })

  it('the guards: a foreign Host, a post without the JSON header', async () => {
    const host = await call('/api/captures', { headers: { host: 'evil.example' } })
    expect(host).toEqual({ status: 421, json: { error: 'INSPECTOR_BAD_HOST', message: render({ code: 'INSPECTOR_BAD_HOST', params: { host: 'evil.example' } }, 'zh') } })
    const form = await call('/api/captures/x/replay', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })
    expect(form).toEqual({ status: 415, json: { error: 'INSPECTOR_NEEDS_JSON', message: render({ code: 'INSPECTOR_NEEDS_JSON' }, 'zh') } })
  })

  it('no verdict yet', async () => {
    expect((await call('/api/verdict')).json.note).toBe(render({ code: 'INSPECTOR_NO_VERDICT' }, 'zh'))
  })
})
