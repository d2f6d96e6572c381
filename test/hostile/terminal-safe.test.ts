import { describe, expect, it } from 'vitest'
import { listLine, showText } from '../../src/cli/captures-format.js'
import { displayCopy, escapeControls, safeLines, valueText } from '../../src/log/terminal-safe.js'
import { formatDeliveryBlock } from '../../src/log/pretty-delivery.js'
import type { CaptureRecord } from '../../src/capture/record.js'

const FORGE = 'abc\nINFO forged errcode 0 (crypto test)'

function hostileRecord (): CaptureRecord {
  return {
    id: '20261127-000000-abcdef', receivedAt: '2026-11-27T00:00:00.000Z', remoteAddress: '127.0.0.1', method: 'POST',
    url: '/nontax/notify?wxnontaxstr=abc%0AINFO', path: '/nontax/notify', query: { wxnontaxstr: FORGE },
    headers: { 'x-title': '\u001b]0;owned\u0007' }, contentType: 'application/json\u001b[31m',
    body: { encoding: 'utf8', text: '{"encrypt":"\u001b[2J"}\r\nINFO forged', bytes: 30, sha256: '0'.repeat(64) },
    wxnontaxstr: FORGE,
    inspection: {
      errcode: 300, reason: 'SIGNATURE_MISMATCH', message: 'bad \u009b31m', kind: 'payment_notification', warnings: ['w\u202eevil'],
      decryption: { ok: true, appid: 'wx\u001b[31m', cipherBytes: 32, padByte: 4, declaredLength: 10, plaintext: '{"order_id":{"toString":1,"valueOf":1}}\n\u001b[2J' },
      payload: { order_id: { toString: 1, valueOf: 1 }, status: '\u001b[2J' },
    },
    test: 'other', duplicateOf: undefined, answer: { status: 200, body: { errcode: 300, errmsg: 'signature error' } }, durationMs: 1,
  } as unknown as CaptureRecord
}

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('terminal-safe rendering of sender values', () => {
  it('escapes C0, DEL, C1, ESC sequences, bidi overrides and line breaks, visibly', () => {
    expect(escapeControls('a\u001b[2Jb\r\nc\u007f\u009b\u202e\u2028')).toBe('a\\x1b[2Jb\\r\\nc\\x7f\\x9b\\u202e\\u2028')
    expect(escapeControls('订单 plain \\n text')).toBe('订单 plain \\n text')
    expect(safeLines('a\tb\nc\u001bd')).toBe('a\tb\nc\\x1bd')
    expect(escapeControls('\ud800x')).toBe('\\ud800x')
  })

  it('keeps line breaks only at the kept paths, never in another string that happens to equal the kept one', () => {
    const text = 'line one\r\nINFO forged'
    const copy = displayCopy({ body: { text }, quoted: { start: text } }, new Set(['body.text']))
    expect(copy.body.text).toBe(text)
    expect(copy.quoted.start).toBe('line one\\r\\nINFO forged')
  })

  it('bounds nesting in a display copy and never throws on {"toString":1}', () => {
    let deep: unknown = 1
    for (let i = 0; i < 5000; i++) deep = [deep]
    expect(JSON.stringify(displayCopy(deep))).toContain('nested deeper than 32 levels')
    expect(valueText({ toString: 1, valueOf: 1 })).toBe('{"toString":1,"valueOf":1}')
  })

  it('the pretty block keeps a forged line inside the block, escaped', () => {
    const block = formatDeliveryBlock(hostileRecord())
    expect(block).not.toMatch(RAW)
    for (const line of block.split('\n')) expect(line).toMatch(/^ {2}[┌│└]/)
    expect(block).toContain('wxnontaxstr abc\\nINFO forged errcode 0 (crypto test)')
    expect(block).toContain('\\x1b[2J')
  })

  it('captures list is one line per record and show has no raw control character', () => {
    const line = listLine(hostileRecord())
    expect(line).not.toContain('\n')
    expect(line).not.toMatch(RAW)
    expect(line).toContain('order={"toString":1,"valueOf":1}/\\x1b[2J')
    const show = showText(hostileRecord())
    expect(show).not.toMatch(RAW)
    expect(show).not.toMatch(/^INFO forged/m)
    expect(show).toContain('wxnontaxstr abc\\nINFO forged')
  })
})
