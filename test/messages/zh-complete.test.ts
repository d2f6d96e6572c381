import { describe, expect, it } from 'vitest'
import { en } from '../../src/messages/en/index.js'
import { zh } from '../../src/messages/zh/index.js'

describe('catalogue completeness', () => {
  it('has every en message in zh too (a message in one language only fails)', () => {
    const missing = Object.keys(en).filter(code => !Object.hasOwn(zh, code))
    const extra = Object.keys(zh).filter(code => !Object.hasOwn(en, code))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })
})
