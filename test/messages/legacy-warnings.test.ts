import { describe, expect, it } from 'vitest'
import { showText } from '../../src/cli/captures-format.js'
import { formatDeliveryBlock } from '../../src/log/pretty-delivery.js'
import type { Finding } from '../../src/messages/types.js'
import { fakeRecord } from '../capture/helpers/records.js'

/** Captures written before warnings carried codes hold plain strings; both kinds still display. */
describe('warnings in captures, coded and legacy', () => {
  const coded: Finding = { code: 'WARN_QUERY_REPEATED', params: { name: 'timestamp', count: 2 } }
  const legacy = 'no content-type header; read the body as json'
  const record = fakeRecord({ id: 'LEGACY-1' })
  // An old capture file, read back: its warnings are strings, as JSON.parse gives them.
  const mixed = { ...record, inspection: { ...record.inspection, warnings: [coded, legacy as unknown as Finding] } }

  it('captures show renders a coded warning and keeps a legacy string as written', () => {
    const text = showText(mixed)
    expect(text).toContain('  - query parameter "timestamp" appears 2 times; used the first')
    expect(text).toContain(`  - ${legacy}`)
  })

  it('the pretty log does the same', () => {
    const text = formatDeliveryBlock(mixed)
    expect(text).toContain('│ warning: query parameter "timestamp" appears 2 times; used the first')
    expect(text).toContain(`│ warning: ${legacy}`)
  })
})
