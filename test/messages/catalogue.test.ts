import { describe, expect, it } from 'vitest'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { en, enAreas } from '../../src/messages/en/index.js'
import { fill, render } from '../../src/messages/render.js'

describe('message catalogue', () => {
  it('renders a code with its params', () => {
    expect(fill('errcode {code} ({text})', { code: 300, text: 'signature error' })).toBe('errcode 300 (signature error)')
    expect(render({ code: 'ERRCODE_300' })).toBe('signature error')
  })

  it('keeps a missing param visible instead of hiding it', () => {
    expect(fill('got {x}', {})).toBe('got {x}')
  })

  it('renders an unknown code as the code itself', () => {
    expect(render({ code: 'NO_SUCH_CODE' })).toBe('NO_SUCH_CODE')
  })

  it('gives each code to exactly one area (a spread would silently override a duplicate)', () => {
    const total = Object.values(enAreas).reduce((n, area) => n + Object.keys(area).length, 0)
    expect(Object.keys(en).length).toBe(total)
  })

  it('has no empty template', () => {
    for (const [code, text] of Object.entries(en)) expect(text.trim(), code).not.toBe('')
  })

  it('includes another entry with {@CODE}, and every included code exists', () => {
    expect(render({ code: 'GRADE_MISSED_298', params: { ...createWxBizMsgCryptProfile().words } })).toMatch(/^your handler could not decrypt a correct delivery \(298\): its EncodingAESKey or appid differs/)
    for (const [code, text] of Object.entries(en)) {
      for (const [, ref] of text.matchAll(/\{@(\w+)\}/g)) expect(Object.hasOwn(en, ref ?? ''), `${code} includes ${ref}`).toBe(true)
    }
  })
})
