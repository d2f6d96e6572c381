import { coreCases } from './cases-core.js'
import { edgeCases } from './cases-edge.js'
import { paddingCases } from './cases-padding.js'
import { redeliveryCase } from './redelivery.js'
import type { CheckCase } from './types.js'

/** The order deliveries are sent in: the version-1 pair first, as WeChat sends it; replay and duplicate refer back to delivery 1. */
export const CASE_ORDER = [
  'crypto-test', 'signature-test',
  'flipped-byte', 'missing-signature', 'signature-param', 'upper-hex', 'stale-timestamp', 'other-token',
  'other-key', 'other-appid', 'truncated', 'bad-base64', 'bad-padding', 'long-padding', 'answer-padding',
  'empty-body', 'bad-json', 'text-plain',
  'replayed-nonce', 'duplicate-order', 'redelivery', 'one-mib', 'chinese',
] as const

export function batteryCases (): CheckCase[] {
  const all = new Map([...coreCases, ...edgeCases, ...paddingCases, redeliveryCase].map(c => [c.name, c]))
  return CASE_ORDER.map(name => {
    const c = all.get(name)
    if (!c) throw new Error(`check case "${name}" is listed but not defined`)
    return c
  })
}
