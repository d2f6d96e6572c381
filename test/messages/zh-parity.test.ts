import { describe, expect, it } from 'vitest'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { en, enAreas } from '../../src/messages/en/index.js'
import { zh, zhAreas } from '../../src/messages/zh/index.js'
import { render } from '../../src/messages/render.js'

/** The {name} placeholders and {@CODE} includes of a template, sorted, so two languages can be compared. */
function slots (template: string): string[] {
  return [...template.matchAll(/\{@?\w+\}/g)].map(m => m[0]).sort()
}

const enTexts: Readonly<Record<string, string>> = en
const zhTexts: Readonly<Record<string, string>> = zh

describe('zh catalogue against en', () => {
  it('has no code that en lacks, in the same area as en', () => {
    for (const [area, entries] of Object.entries(zhAreas)) {
      const enArea: Readonly<Record<string, string>> = enAreas[area as keyof typeof enAreas]
      for (const code of Object.keys(entries)) expect(Object.hasOwn(enArea, code), `zh/${area}.ts ${code}`).toBe(true)
    }
  })

  it('uses exactly the placeholders and includes of the en template', () => {
    for (const [code, text] of Object.entries(zhTexts)) {
      expect(slots(text), code).toEqual(slots(enTexts[code] ?? ''))
    }
  })

  it('is Chinese where en is a sentence, and never empty', () => {
    for (const [code, text] of Object.entries(zhTexts)) {
      expect(text.trim(), code).not.toBe('')
      if (/[a-z]{3,} [a-z]{3,}/.test(enTexts[code] ?? '')) expect(text, code).toMatch(/\p{Script=Han}/u)
    }
  })

  it('renders WeChat\'s own Chinese meaning of every errcode', () => {
    const want = { 0: '成功', 210: '数据格式错误', 232: '缴款通知书已缴费', 236: '不允许在该银行缴费', 298: '解密失败', 299: '系统错误', 300: '签名错误' }
    for (const [code, text] of Object.entries(want)) expect(render({ code: `ERRCODE_${code}` }, 'zh')).toBe(text)
  })

  it('expands a {@CODE} include in the same language', () => {
    const text = render({ code: 'GRADE_MISSED_298', params: { ...createWxBizMsgCryptProfile().words } }, 'zh')
    expect(text).toContain('EncodingAESKey')
    expect(text).toMatch(/^你的处理程序无法解密/)
    expect(text).not.toMatch(/differs|decrypts/)
  })
})
