import type { CaptureRecord } from '../capture/record.js'
import { finding, render } from '../messages/render.js'
import { expectedDeliveries, expectedErrcodeOf, MOCK_TESTS, testsFor, type MockTest } from '../grade/mock-tests.js'

export { expectedDeliveries }

/** What the sender (the emulator) concluded about one of our answers, when we have it. */
export interface SenderReport { index: number; wxnontaxstr?: string; ok: boolean; problems: string[]; error?: string }

export interface VerdictRow {
  index: number
  captureId: string
  wxnontaxstr: string | undefined
  test: MockTest
  signatureOk: boolean
  decrypted: boolean
  errcode: number
  expectedErrcode: number | undefined
  ok: boolean
  duplicateOf: string | undefined
  /** Embedded mode: did the sender accept our answer (answer signature valid, data decrypts)? */
  senderOk: boolean | undefined
  note: string
}

export interface Verdict {
  pass: boolean
  mode: 'embedded' | 'real'
  api: string
  version: number
  callbackUrl: string
  expected: number
  received: number
  timedOut: boolean
  rows: VerdictRow[]
  reasons: string[]
  hints: string[]
  assumption: string
}

export interface VerdictInput {
  mode: 'embedded' | 'real'
  api: string
  version: number
  callbackUrl: string
  records: CaptureRecord[]
  timedOut: boolean
  senderReports?: SenderReport[]
  assumption: string
  waitTimeoutMs: number
}

export function computeVerdict (v: VerdictInput): Verdict {
  const expected = expectedDeliveries(v.version)
  const rows = v.records.map((r, i) => toRow(r, i, v.senderReports?.find(s => s.wxnontaxstr === r.wxnontaxstr)))
  const reasons: string[] = []
  const hints: string[] = []
  for (const r of rows) if (!r.ok) reasons.push(`delivery ${r.index} (${r.wxnontaxstr ?? 'no wxnontaxstr'}): ${r.note}`)
  const count = (t: MockTest) => rows.filter(r => r.test === t).length
  for (const t of testsFor(v.version)) {
    if (count(t) === 0 && rows.length > 0) reasons.push(`no delivery behaved as the ${t} test (${MOCK_TESTS[t].sent})`)
  }
  reasons.push(...diagnoseKeys(rows))
  for (const s of v.senderReports ?? []) {
    if (!s.ok) reasons.push(`the sender rejected our answer to delivery ${s.index}: ${[s.error, ...s.problems].filter(Boolean).join('; ')}`)
  }
  if (v.records.length < expected) {
    reasons.push(`received ${v.records.length} of ${expected} deliveries within ${v.waitTimeoutMs} ms`)
    hints.push(...timeoutHints(v))
  }
  return {
    pass: reasons.length === 0,
    mode: v.mode,
    api: v.api,
    version: v.version,
    callbackUrl: v.callbackUrl,
    expected,
    received: v.records.length,
    timedOut: v.timedOut,
    rows,
    reasons: [...new Set(reasons)],
    hints,
    assumption: v.assumption,
  }
}

function toRow (r: CaptureRecord, i: number, sender: SenderReport | undefined): VerdictRow {
  const ins = r.inspection
  const expectedErrcode = expectedErrcodeOf(r.test)
  const errcode = r.answer.body.errcode
  const fwd = r.forwarded
  // Forward mode: the answer is the user's handler's, relayed; its grade (the one grader) decides.
  const ok = expectedErrcode !== undefined && errcode === expectedErrcode && fwd?.grade.outcome !== 'FAIL'
  const note = fwd ? handlerNote(fwd, errcode) : ok
    ? r.test === 'crypto' ? 'decrypted and verified; answered 0 with signed, encrypted data' : 'bad signature detected; answered 300, payload not acted on'
    : expectedErrcode === undefined ? `neither test: ${ins.message ?? 'unexpected delivery'}` : `answered ${errcode}, expected ${expectedErrcode}: ${ins.message ?? ''}`
  return {
    index: i + 1,
    captureId: r.id,
    wxnontaxstr: r.wxnontaxstr,
    test: r.test,
    signatureOk: ins.signature?.ok === true,
    decrypted: ins.decryption?.ok === true,
    errcode,
    expectedErrcode,
    ok,
    duplicateOf: r.duplicateOf,
    senderOk: sender?.ok,
    note: r.duplicateOf ? `${note} (duplicate of ${r.duplicateOf})` : note,
  }
}

/** When every delivery fails the same way, name the setting that is wrong. */
function diagnoseKeys (rows: VerdictRow[]): string[] {
  if (rows.length === 0) return []
  if (rows.every(r => !r.decrypted)) {
    return ['no delivery decrypted: NONTAX_ENCODING_AES_KEY (or WECHAT_APPID) differs from what WeChat encrypts with; copy the EncodingAESKey from the console again']
  }
  if (rows.every(r => !r.signatureOk) && rows.every(r => r.decrypted)) {
    return ['every delivery decrypted but none passed the signature check: NONTAX_TOKEN differs from the Token WeChat signs with']
  }
  return []
}

function timeoutHints (v: VerdictInput): string[] {
  if (v.mode === 'embedded') {
    return [`the built-in emulator could not deliver to ${v.callbackUrl}: see its report above (connection refused? receiver answering too slowly?)`]
  }
  return [
    `WeChat was asked to deliver to ${v.callbackUrl}; check that this URL reaches this machine: curl -X POST '${v.callbackUrl}' should print errcode 210`,
    'is the tunnel running (ngrok http 3000 / cloudflared tunnel --url http://127.0.0.1:3000) and pointing at this PORT?',
    'does PUBLIC_URL match the tunnel\'s current address? Free ngrok URLs change at every restart',
    'does the path match NOTIFY_PATH? The tunnel forwards the path unchanged',
    'WeChat calls from its own servers: a corporate firewall, an IP allow-list on the tunnel, or a tunnel interstitial page (ngrok free plan browser warning) can block it',
    'a longer WAIT_TIMEOUT_MS helps when WeChat is slow to deliver',
  ]
}

/** What the user's handler did with a relayed delivery, in the grader's words. */
function handlerNote (f: NonNullable<CaptureRecord['forwarded']>, errcode: number): string {
  if (!f.ok) return render(finding('VERDICT_HANDLER_NO_ANSWER', { error: f.error ?? 'no answer' }))
  if (f.grade.outcome === 'FAIL') return render(finding('VERDICT_HANDLER_FAIL', { reason: f.grade.reason ? render(f.grade.reason) : f.grade.got }))
  return render(finding('VERDICT_HANDLER_OK', { errcode }))
}
