import { recordBody } from '../../../src/capture/body.js'
import type { CaptureRecord } from '../../../src/capture/record.js'

export interface FakeRecord { id: string; receivedAt?: string; errcode?: 0 | 210 | 298 | 299 | 300; orderId?: string; status?: number }

/** A record shaped like the receiver's, for store tests that need no HTTP. */
export function fakeRecord (f: FakeRecord): CaptureRecord {
  const errcode = f.errcode ?? 0
  const payload = f.orderId === undefined ? undefined : { order_id: f.orderId, status: f.status ?? 3 }
  return {
    id: f.id,
    receivedAt: f.receivedAt ?? new Date().toISOString(),
    remoteAddress: '127.0.0.1',
    method: 'POST',
    url: `/nontax/notify?wxnontaxstr=${f.id}`,
    path: '/nontax/notify',
    query: { wxnontaxstr: f.id },
    headers: { 'content-type': 'application/json' },
    contentType: 'application/json',
    body: recordBody(Buffer.from('{"appid":"wx0","encrypt":"AAAA"}')),
    wxnontaxstr: f.id,
    inspection: { errcode, kind: payload ? 'payment_notification' : 'unknown', warnings: [], ...(payload ? { payload } : {}) },
    test: 'other',
    duplicateOf: undefined,
    answer: { status: 200, body: { errcode, errmsg: errcode === 0 ? 'ok' : 'failed' } },
    durationMs: 1,
  }
}
