import {
  DEFAULT_TIMEOUT_MS,
  notSent,
  sendRequest
} from "./chunk-NJ53JUP3.js";
import {
  accepts0,
  build,
  expectationForTest,
  gradeReply,
  referenceForensics,
  rejects,
  shortExpected,
  shortGot
} from "./chunk-YI66P2DG.js";
import {
  newWxNontaxStr,
  withQuery
} from "./chunk-MA225YI5.js";
import {
  PAD_BLOCK_BYTES,
  createProfile,
  frameWire,
  inspectDelivery,
  loadConfig,
  unixSeconds
} from "./chunk-UZATLX4B.js";
import "./chunk-QJB4YHH6.js";
import {
  ConfigError,
  finding,
  render
} from "./chunk-GJAS6JHG.js";

// src/cli/check.ts
import { parseArgs } from "node:util";

// src/check/battery.ts
import { randomBytes as randomBytes3 } from "node:crypto";

// src/check/cases-core.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/check/payload.ts
function paymentNotification(appid, order, nowMs, extra = {}) {
  return {
    ...extra,
    appid,
    order_id: order.orderId,
    status: order.status,
    fee: 100,
    fee_type: "CNY",
    trans_id: `4200${order.orderId.replace(/\D/g, "").padEnd(12, "0").slice(0, 12)}`,
    pay_finish_time: Math.floor(nowMs / 1e3),
    payment_notice_no: "110000000000000001",
    order_no: `NO-${order.orderId}`,
    department_code: "110101",
    department_name: "Demo Finance Bureau",
    region_code: "110000",
    bank_id: "DEMO",
    items: [{ no: 1, item_id: "ITEM1", item_name: "traffic fine", overdue: 0, penalty: 0, fee: 100 }]
  };
}
function chinesePaymentNotification(appid, order, nowMs) {
  return {
    ...paymentNotification(appid, order, nowMs),
    department_name: "\u5317\u4EAC\u5E02\u4E1C\u57CE\u533A\u8D22\u653F\u5C40",
    user_name: "\u5F20\u4E09",
    items: [{ no: 1, item_id: "ITEM1", item_name: "\u4EA4\u901A\u8FDD\u6CD5\u7F5A\u6CA1\u6536\u5165\uFF08\u8D85\u901F\uFF09", overdue: 0, penalty: 0, fee: 100 }]
  };
}

// src/check/craft.ts
import { randomBytes } from "node:crypto";
function frame(ctx, encrypt, o = {}) {
  const d = ctx.profile.descriptor;
  const nonce = o.nonce ?? newWxNontaxStr();
  const timestamp = o.timestamp ?? unixSeconds(ctx.nowMs);
  const appid = o.appid ?? ctx.secrets.appid;
  let signature = o.signature ?? ctx.profile.sign({ token: o.token ?? ctx.secrets.token, timestamp, nonce, encrypt, appid });
  if (o.upperHex) signature = d.signature.encoding === "HEX" ? signature.toLowerCase() : signature.toUpperCase();
  const sigName = "sigParam" in o ? o.sigParam : d.fields.signature.name;
  const fields = { ...d.fields, signature: { ...d.fields.signature, name: sigName ?? d.fields.signature.name } };
  const wire = frameWire({ ...d, fields }, { ciphertext: encrypt, signature: sigName === void 0 ? void 0 : signature, timestamp, nonce, appid });
  return {
    query: Object.entries(wire.query),
    contentType: "contentType" in o ? o.contentType : wire.contentType,
    ...Object.keys(wire.headers).length > 0 ? { headers: wire.headers } : {},
    body: o.body ?? wire.body
  };
}
function encryptJson(ctx, payload, secrets = ctx.secrets) {
  return ctx.profile.encrypt(JSON.stringify(payload), secrets);
}
function flipCiphertextByte(encrypt, index, mask = 1) {
  const bytes = Buffer.from(encrypt, "base64");
  bytes[index] = (bytes[index] ?? 0) ^ mask;
  return bytes.toString("base64");
}
function truncateCiphertext(encrypt, dropBytes = 16) {
  const bytes = Buffer.from(encrypt, "base64");
  return bytes.subarray(0, bytes.length - dropBytes).toString("base64");
}
function corruptBase64(encrypt) {
  const at = Math.floor(encrypt.length / 8) * 4;
  return encrypt.slice(0, at) + "!*#%" + encrypt.slice(at + 4);
}
function encryptWithPadByte(ctx, msg, padByte) {
  return ctx.profile.encrypt(msg, ctx.secrets, { padByte });
}
function otherEncodingAesKey() {
  return randomBytes(33).toString("base64").replace(/[^A-Za-z0-9]/g, "A").slice(0, 43);
}
function queryString(query) {
  return query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

// src/check/cases-core.ts
var orderOf = (ctx, n) => ({ orderId: `${ctx.runId}-${String(n).padStart(2, "0")}`, status: 3 });
var notification = (ctx, n, extra) => paymentNotification(ctx.secrets.appid, orderOf(ctx, n), ctx.nowMs, extra);
function decryptionFailure(accepted, also = []) {
  return rejects(298, {
    also,
    why: { accepted: finding(accepted), rejected: finding("CASE_DECRYPT_REJECTED"), errcode: { 300: finding("CASE_SIGNED_OK_300") } }
  });
}
var FLIP_BYTE_INDEX = 13;
var coreCases = [
  {
    name: "crypto-test",
    group: "version-1",
    sent: "v1 delivery 1: valid, signed",
    build: (ctx) => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, ctx.first, ctx.nowMs)), { nonce: ctx.first.nonce }),
    expect: (ctx) => expectationForTest("crypto", { order_id: ctx.first.orderId, status: ctx.first.status })
  },
  {
    name: "signature-test",
    group: "version-1",
    sent: "v1 delivery 2: bad msg_signature",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 2)), { token: randomBytes2(16).toString("hex") }),
    expect: () => expectationForTest("signature")
  },
  {
    name: "flipped-byte",
    group: "signature",
    sent: "ciphertext altered after signing",
    build: (ctx) => {
      const encrypt = encryptJson(ctx, notification(ctx, 3, { memo: "flip-target" }));
      const signed = frame(ctx, encrypt);
      const flipped = flipCiphertextByte(encrypt, FLIP_BYTE_INDEX);
      return { ...signed, body: Buffer.from(JSON.stringify({ appid: ctx.secrets.appid, encrypt: flipped })) };
    },
    expect: () => rejects(300, {
      why: {
        accepted: finding("CASE_FLIPPED_ACCEPTED"),
        rejected: finding("CASE_FLIPPED_REJECTED")
      }
    })
  },
  {
    name: "missing-signature",
    group: "signature",
    sent: "no msg_signature in the query",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 4)), { sigParam: void 0 }),
    expect: () => rejects(300, {
      also: [{ errcode: 210, outcome: "WARN", note: finding("CASE_MISSING_SIGNATURE_210") }],
      why: { accepted: finding("CASE_MISSING_SIGNATURE_ACCEPTED") }
    })
  },
  {
    name: "other-token",
    group: "signature",
    sent: "signed with another token",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 5)), { token: "AnotherAccountsToken2024" }),
    expect: () => rejects(300, { why: { accepted: finding("CASE_OTHER_TOKEN_ACCEPTED") } })
  },
  {
    name: "other-key",
    group: "decryption",
    sent: "encrypted under another AES key",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 9), { ...ctx.secrets, encodingAESKey: otherEncodingAesKey() })),
    expect: () => decryptionFailure("CASE_OTHER_KEY_ACCEPTED")
  },
  {
    name: "other-appid",
    group: "decryption",
    sent: "another appid in the plaintext",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 10), { ...ctx.secrets, appid: "wx" + randomBytes2(8).toString("hex") })),
    expect: () => decryptionFailure("CASE_OTHER_APPID_ACCEPTED")
  },
  {
    name: "truncated",
    group: "decryption",
    sent: "ciphertext minus its last block",
    build: (ctx) => frame(ctx, truncateCiphertext(encryptJson(ctx, notification(ctx, 11)))),
    expect: () => decryptionFailure("CASE_TRUNCATED_ACCEPTED")
  },
  {
    name: "bad-base64",
    group: "decryption",
    sent: "ciphertext with non-base64 chars",
    build: (ctx) => frame(ctx, corruptBase64(encryptJson(ctx, notification(ctx, 12)))),
    expect: () => decryptionFailure(
      "CASE_BAD_BASE64_ACCEPTED",
      [{ errcode: 210, outcome: "WARN", note: finding("CASE_BAD_BASE64_210") }]
    )
  },
  {
    name: "bad-padding",
    group: "decryption",
    sent: "pad byte 0 (right key and appid)",
    build: (ctx) => frame(ctx, encryptWithPadByte(ctx, JSON.stringify(notification(ctx, 13)), 0)),
    expect: () => decryptionFailure("CASE_BAD_PADDING_ACCEPTED")
  }
];

// src/check/cases-edge.ts
var DAY_MS = 864e5;
var LARGE_BODY_TARGET_BYTES = 1048576 + 256;
function largeDelivery(ctx) {
  let memoBytes = Math.floor(LARGE_BODY_TARGET_BYTES * 3 / 4) - 1024;
  let req = frame(ctx, encryptJson(ctx, notification(ctx, 19, { memo: "x".repeat(memoBytes) })));
  for (let i = 0; i < 5 && req.body.length < LARGE_BODY_TARGET_BYTES; i++) {
    memoBytes += Math.ceil((LARGE_BODY_TARGET_BYTES - req.body.length) * 3 / 4) + 32;
    req = frame(ctx, encryptJson(ctx, notification(ctx, 19, { memo: "x".repeat(memoBytes) })));
  }
  return req;
}
var echoOf = (ctx, n) => ({ order_id: orderOf(ctx, n).orderId, status: orderOf(ctx, n).status });
var edgeCases = [
  {
    name: "signature-param",
    group: "latitude",
    sent: 'signature in "signature" param',
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 6)), { sigParam: "signature" }),
    expect: (ctx) => accepts0({
      echo: echoOf(ctx, 6),
      outcome: "WARN",
      note: finding("CASE_SIGNATURE_PARAM_0"),
      also: [{ errcode: 300, outcome: "PASS" }, { errcode: 210, outcome: "PASS" }]
    })
  },
  {
    name: "upper-hex",
    group: "latitude",
    sent: "msg_signature in upper-case hex",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 7)), { upperHex: true }),
    expect: (ctx) => accepts0({
      echo: echoOf(ctx, 7),
      outcome: "WARN",
      note: finding("CASE_UPPER_HEX_0"),
      also: [{ errcode: 300, outcome: "PASS" }]
    })
  },
  {
    name: "stale-timestamp",
    group: "latitude",
    sent: "timestamp a day old, signed",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 8)), { timestamp: unixSeconds(ctx.nowMs - DAY_MS) }),
    expect: (ctx) => accepts0({
      echo: echoOf(ctx, 8),
      outcome: "WARN",
      note: finding("CASE_STALE_TIMESTAMP_0"),
      also: [{ errcode: 300, outcome: "PASS" }]
    })
  },
  {
    name: "empty-body",
    group: "format",
    sent: "empty body, signed query",
    build: (ctx) => ({ ...frame(ctx, encryptJson(ctx, notification(ctx, 14))), body: Buffer.alloc(0) }),
    expect: () => build([
      { errcode: 210, outcome: "PASS" },
      { errcode: 300, outcome: "PASS" },
      { errcode: 298, outcome: "WARN", note: finding("CASE_EMPTY_BODY_298") }
    ], void 0, { accepted: finding("CASE_EMPTY_BODY_ACCEPTED") })
  },
  {
    name: "bad-json",
    group: "format",
    sent: "JSON body cut in the middle",
    build: (ctx) => {
      const req = frame(ctx, encryptJson(ctx, notification(ctx, 15)));
      return { ...req, body: req.body.subarray(0, Math.floor(req.body.length / 2)) };
    },
    expect: () => rejects(210, { why: { accepted: finding("CASE_BAD_JSON_ACCEPTED") } })
  },
  {
    name: "text-plain",
    group: "format",
    sent: "valid delivery sent as text/plain",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 16)), { contentType: "text/plain" }),
    expect: (ctx) => accepts0({
      echo: echoOf(ctx, 16),
      outcome: "WARN",
      note: finding("CASE_TEXT_PLAIN_0"),
      also: [{ errcode: 210, outcome: "PASS" }]
    })
  },
  {
    name: "replayed-nonce",
    group: "latitude",
    sent: "wxnontaxstr reused, new order",
    build: (ctx) => frame(ctx, encryptJson(ctx, notification(ctx, 17)), { nonce: ctx.first.nonce }),
    expect: (ctx) => build([
      { errcode: 0, outcome: "WARN", note: finding("CASE_REPLAYED_NONCE_0") },
      { errcode: "any-rejection", outcome: "WARN", note: finding("CASE_REPLAYED_NONCE_REJECTED") }
    ], echoOf(ctx, 17))
  },
  {
    name: "duplicate-order",
    group: "business",
    sent: "same order+status as delivery 1",
    build: (ctx) => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, ctx.first, ctx.nowMs))),
    expect: (ctx) => accepts0({
      echo: { order_id: ctx.first.orderId, status: ctx.first.status },
      why: { rejected: finding("CASE_DUPLICATE_REJECTED") }
    })
  },
  {
    name: "one-mib",
    group: "latitude",
    sent: "1 MiB body, valid and signed",
    build: largeDelivery,
    expect: (ctx) => build([
      { httpStatus: 413, outcome: "PASS" },
      { errcode: 210, outcome: "PASS" },
      { errcode: 0, outcome: "WARN", note: finding("CASE_ONE_MIB_0") }
    ], echoOf(ctx, 19))
  },
  {
    name: "chinese",
    group: "format",
    sent: "Chinese plaintext (UTF-8)",
    build: (ctx) => frame(ctx, encryptJson(ctx, chinesePaymentNotification(ctx.secrets.appid, orderOf(ctx, 20), ctx.nowMs))),
    expect: (ctx) => accepts0({
      echo: echoOf(ctx, 20),
      why: {
        errcode: {
          298: finding("CASE_CHINESE_298"),
          210: finding("CASE_CHINESE_210")
        }
      }
    })
  }
];

// src/check/cases-padding.ts
var contentBytes = (msg, appid) => 20 + Buffer.byteLength(msg) + Buffer.byteLength(appid);
var padOf = (content) => PAD_BLOCK_BYTES - content % PAD_BLOCK_BYTES;
var LONG_PAD_BYTE = 24;
function longPadMessage(ctx) {
  const base = contentBytes(JSON.stringify(notification(ctx, 21, { memo: "" })), ctx.secrets.appid);
  const memo = "p".repeat(((PAD_BLOCK_BYTES - LONG_PAD_BYTE - base) % PAD_BLOCK_BYTES + PAD_BLOCK_BYTES) % PAD_BLOCK_BYTES);
  return JSON.stringify(notification(ctx, 21, { memo }));
}
function answerPadOrderId(ctx) {
  const base = `${orderOf(ctx, 22).orderId}-`;
  const compact = contentBytes(JSON.stringify({ order_id: base, status: 3 }), ctx.secrets.appid);
  return base + "A".repeat(((4 - compact) % PAD_BLOCK_BYTES + PAD_BLOCK_BYTES) % PAD_BLOCK_BYTES);
}
function answerPaddingProblem(reply, secrets, decrypt) {
  if (reply.kind !== "answer") return void 0;
  let d;
  try {
    const data = JSON.parse(reply.body.toString("utf8")).data;
    if (typeof data !== "string") return void 0;
    d = decrypt(data, secrets);
  } catch {
    return void 0;
  }
  const content = 20 + d.declaredLength + Buffer.byteLength(d.appid);
  const want = padOf(content);
  if (d.cipherBytes % PAD_BLOCK_BYTES === 0 && d.padByte === want) return void 0;
  const sixteen = d.padByte === 16 - content % 16;
  const params = { cipherBytes: d.cipherBytes, padByte: d.padByte, wantBytes: content + want, wantPad: want };
  return finding(sixteen ? "CASE_ANSWER_PADDING_16" : "CASE_ANSWER_PADDING_OTHER", params);
}
var paddingCases = [
  {
    name: "long-padding",
    group: "decryption",
    sent: `valid, pad byte ${LONG_PAD_BYTE} (not 1..16)`,
    build: (ctx) => frame(ctx, ctx.profile.encrypt(longPadMessage(ctx), ctx.secrets)),
    expect: (ctx) => accepts0({
      echo: { order_id: orderOf(ctx, 21).orderId, status: 3 },
      why: {
        errcode: {
          298: finding("CASE_LONG_PADDING_298", { padByte: LONG_PAD_BYTE }),
          210: finding("CASE_LONG_PADDING_210", { padByte: LONG_PAD_BYTE })
        }
      }
    })
  },
  {
    name: "answer-padding",
    group: "decryption",
    sent: "valid; checks answer padding",
    build: (ctx) => frame(ctx, encryptJson(ctx, paymentNotification(ctx.secrets.appid, { orderId: answerPadOrderId(ctx), status: 3 }, ctx.nowMs))),
    expect: (ctx) => accepts0({ echo: { order_id: answerPadOrderId(ctx), status: 3 } }),
    answerProblem: (ctx, reply) => answerPaddingProblem(reply, ctx.secrets, (data, s) => ctx.profile.decrypt(data, s))
  }
];

// src/check/cases.ts
var CASE_ORDER = [
  "crypto-test",
  "signature-test",
  "flipped-byte",
  "missing-signature",
  "signature-param",
  "upper-hex",
  "stale-timestamp",
  "other-token",
  "other-key",
  "other-appid",
  "truncated",
  "bad-base64",
  "bad-padding",
  "long-padding",
  "answer-padding",
  "empty-body",
  "bad-json",
  "text-plain",
  "replayed-nonce",
  "duplicate-order",
  "one-mib",
  "chinese"
];
function batteryCases() {
  const all = new Map([...coreCases, ...edgeCases, ...paddingCases].map((c) => [c.name, c]));
  return CASE_ORDER.map((name) => {
    const c = all.get(name);
    if (!c) throw new Error(`check case "${name}" is listed but not defined`);
    return c;
  });
}

// src/check/battery.ts
var CHECK_USER_AGENT = "nontax-debugger-check";
async function runBattery(o) {
  const now = o.now ?? Date.now;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startedMs = now();
  const started = performance.now();
  const runId = `CHK${randomBytes3(4).toString("hex").toUpperCase()}`;
  const ctx = { secrets: o.secrets, profile: o.profile, nowMs: startedMs, runId, first: { nonce: newWxNontaxStr(), orderId: `${runId}-01`, status: 3 } };
  const cases = o.cases ?? batteryCases();
  const results = [];
  let unreachable;
  for (const c of cases) {
    const req = c.build(ctx);
    const reply = unreachable !== void 0 ? { kind: "error", ...notSent(unreachable), notSent: true, durationMs: 0 } : await send(o, req, timeoutMs);
    if (reply.kind === "error" && reply.unreachable) unreachable ??= reply;
    results.push(gradeCase(c, ctx, req, reply));
  }
  const count = (x) => results.filter((r) => r.outcome === x).length;
  return {
    target: o.target,
    profile: o.profile.name,
    assumption: o.profile.assumption,
    startedAt: new Date(startedMs).toISOString(),
    durationMs: Math.round(performance.now() - started),
    classes: cases.map((c) => ({ name: c.name, group: c.group, sent: c.sent })),
    results,
    summary: { total: results.length, pass: count("PASS"), warn: count("WARN"), fail: count("FAIL") }
  };
}
async function send(o, req, timeoutMs) {
  const headers = { ...req.headers, "user-agent": CHECK_USER_AGENT };
  if (req.contentType !== void 0) headers["content-type"] = req.contentType;
  return sendRequest(withQuery(o.target, queryString(req.query)), { method: "POST", headers, body: req.body, timeoutMs, dispatcher: o.dispatcher });
}
function gradeCase(c, ctx, req, reply) {
  const expectation = c.expect(ctx);
  const reference = inspectDelivery(
    { body: req.body, contentType: req.contentType, query: Object.fromEntries(req.query), headers: req.headers ?? {} },
    { secrets: ctx.secrets, profile: ctx.profile, nowMs: ctx.nowMs }
  );
  const env = reference.envelope;
  const grade = gradeReply(expectation, reply, { secrets: ctx.secrets, profile: ctx.profile, sent: { timestamp: env?.timestamp, nonce: env?.nonce, encrypt: env?.encrypt } });
  if (grade.failure === "errcode") grade.forensics.push(...referenceForensics(reference, { crafted: true }));
  const problem = grade.outcome !== "FAIL" && grade.answer?.errcode === 0 ? c.answerProblem?.(ctx, reply) : void 0;
  if (problem !== void 0) Object.assign(grade, { outcome: "FAIL", failure: "answer", reason: problem });
  const a = grade.answer;
  return {
    class: c.name,
    group: c.group,
    sent: c.sent,
    request: { method: "POST", query: queryString(req.query), contentType: req.contentType, bodyBytes: req.body.length },
    got: shortGot(reply, grade),
    reply: {
      httpStatus: reply.kind === "answer" ? reply.status : void 0,
      errcode: a?.errcode,
      errmsg: a?.errmsg,
      problems: a?.problems ?? [],
      error: reply.kind === "error" ? reply.error : void 0,
      failure: reply.kind === "error" ? reply.finding : void 0,
      notSent: reply.kind === "error" && reply.notSent === true,
      durationMs: reply.durationMs
    },
    expected: grade.expected,
    expectedShort: shortExpected(expectation),
    outcome: grade.outcome,
    reason: grade.reason === void 0 ? void 0 : render(grade.reason),
    notes: grade.notes.map((n) => render(n)),
    findings: { reason: grade.reason, notes: grade.notes },
    forensics: grade.forensics,
    reference: { errcode: reference.errcode, reason: reference.reason, message: reference.message }
  };
}

// src/check/report-table.ts
var COLUMNS = [
  { head: "#", width: 2 },
  { head: "class", width: 17 },
  { head: "sent", width: 33 },
  { head: "expected", width: 13 },
  { head: "got", width: 19 },
  { head: "result", width: 6 }
];
var LINE_WIDTH = 100;
var INDENT = "      ";
var fit = (s, w) => s.length > w ? s.slice(0, w - 1) + "\u2026" : s.padEnd(w);
function row(cells) {
  return cells.map((c, i) => fit(c, COLUMNS[i]?.width ?? 10)).join("  ").trimEnd();
}
function wrap(text, first, rest = INDENT, width = LINE_WIDTH) {
  const lines = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length === 0 ? first : rest;
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (line.length > prefix.length ? " " : "") + word;
    }
  }
  lines.push(line);
  return lines;
}
function details(r, index) {
  const out = [`${String(index).padStart(2)}  ${r.class}: ${r.outcome}`];
  const add = (label, text) => out.push(...wrap(text, `${INDENT}${label.padEnd(10)}`, INDENT + " ".repeat(10)));
  if (r.outcome === "FAIL") {
    add("sent", `${r.sent}: POST ?${r.request.query.length > 80 ? r.request.query.slice(0, 80) + "\u2026" : r.request.query}, ${r.request.contentType ?? "no content-type"}, ${r.request.bodyBytes} bytes`);
    add("expected", r.expected);
  }
  add("got", r.reply.error !== void 0 ? `no answer after ${r.reply.durationMs} ms` : describeReply(r));
  if (r.reason) add("fix", r.reason);
  for (const n of r.notes) add("note", n);
  for (const f of r.forensics) add("forensics", f);
  return out;
}
function describeReply(r) {
  const parts = [`HTTP ${r.reply.httpStatus ?? "-"}`];
  if (r.reply.errcode !== void 0) parts.push(`errcode ${r.reply.errcode}`);
  if (r.reply.errmsg !== void 0) parts.push(JSON.stringify(r.reply.errmsg.slice(0, 160)));
  const problems = r.reply.problems.filter((p) => p.code !== "ANSWER_HTTP_STATUS");
  if (problems.length > 0) parts.push(`(${problems.map((p) => render(p)).join("; ")})`);
  return `${parts.join(" ")} in ${r.reply.durationMs} ms`;
}
function summaryLine(r) {
  const s = r.summary;
  return `${s.total} classes: ${s.pass} PASS, ${s.warn} WARN, ${s.fail} FAIL against ${r.target} in ${r.durationMs} ms`;
}
function renderReport(r) {
  const lines = [
    ...wrap(`profile ${r.profile}: ${r.assumption}`, "", ""),
    "expected: errcodes that pass, [accepted with a warning]; 0 = errcode 0 with signed, encrypted data",
    "",
    row(COLUMNS.map((c) => c.head)),
    row(COLUMNS.map((c) => "-".repeat(c.width))),
    ...r.results.map((x, i) => row([String(i + 1), x.class, x.sent, x.expectedShort, x.got, x.outcome]))
  ];
  const notSent2 = r.results.filter((x) => x.reply.notSent);
  const flagged = r.results.map((x, i) => ({ x, i: i + 1 })).filter(({ x }) => x.outcome !== "PASS" && !notSent2.includes(x));
  const order = { FAIL: 0, WARN: 1, PASS: 2 };
  flagged.sort((a, b) => order[a.x.outcome] - order[b.x.outcome] || a.i - b.i);
  for (const { x, i } of flagged) lines.push("", ...details(x, i));
  if (notSent2.length > 0) lines.push("", ...wrap(`${notSent2.length} more classes were not sent: the first got no answer.`, ""));
  lines.push("", summaryLine(r));
  return lines.join("\n") + "\n";
}

// src/cli/check.ts
var CHECK_USAGE = `usage: npm run check -- --target URL [--json] [--timeout-ms N] [--appid ID --token T --aes-key K]

Acts as WeChat's back end: sends your notification handler the two version-1 deliveries and a
battery of hostile ones, and grades each answer against docs/PROTOCOL.md \xA74 and \xA78.

  --target URL      your handler, e.g. http://127.0.0.1:8080/notify (the signed query is appended)
  --json            print one JSON report (for CI) instead of the table
  --timeout-ms N    how long to wait for each answer (default ${DEFAULT_TIMEOUT_MS})

Secrets: the ones your handler is configured with, from the environment (.env) or flags:
  WECHAT_APPID             --appid     the account AppID (also the appid inside the ciphertext)
  NONTAX_TOKEN             --token     the signing Token
  NONTAX_ENCODING_AES_KEY  --aes-key   the 43-character EncodingAESKey
Prefer the environment: flags end up in shell history. Secrets are never printed.

Exit code: 0 no FAIL, 1 at least one FAIL, 2 usage or configuration error.`;
var SECRET_VARS = [
  ["appid", "WECHAT_APPID"],
  ["token", "NONTAX_TOKEN"],
  ["aes-key", "NONTAX_ENCODING_AES_KEY"]
];
async function runCheck(argv, io, deps = {}) {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        target: { type: "string" },
        json: { type: "boolean" },
        "timeout-ms": { type: "string" },
        appid: { type: "string" },
        token: { type: "string" },
        "aes-key": { type: "string" },
        help: { type: "boolean", short: "h" }
      },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (err) {
    io.err(`check: ${err.message}

${CHECK_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(CHECK_USAGE);
    return 0;
  }
  const target = typeof values.target === "string" ? values.target : void 0;
  if (!target || !/^https?:\/\/[^/]/.test(target) || !URL.canParse(target)) {
    io.err(`check: --target must be the http(s) URL of your handler (e.g. --target http://127.0.0.1:8080/notify)${target ? `; got "${target}"` : ""}

${CHECK_USAGE}`);
    return 2;
  }
  const timeoutMs = values["timeout-ms"] === void 0 ? DEFAULT_TIMEOUT_MS : Number(values["timeout-ms"]);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 6e5) {
    io.err(`check: --timeout-ms must be an integer 100-600000 (got "${String(values["timeout-ms"])}")`);
    return 2;
  }
  const env = { ...io.env };
  for (const [flag, name] of SECRET_VARS) if (typeof values[flag] === "string") env[name] = values[flag];
  const missing = SECRET_VARS.filter(([, name]) => !env[name]?.trim());
  if (missing.length > 0) {
    io.err(`check needs the secrets your handler uses, so it can sign and encrypt as WeChat does and read the answers.
Not set: ${missing.map(([flag, name]) => `${name} (or --${flag})`).join(", ")}.
Set them in .env to the values your handler is configured with (see .env.example).`);
    return 2;
  }
  let secrets;
  let profile;
  try {
    const config = loadConfig(env, { isTTY: io.isTTY });
    secrets = config.secrets;
    profile = deps.profile ?? createProfile(config.profile);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`check: ${err.message}`);
    return 2;
  }
  const report = await runBattery({ target, secrets, profile, now: deps.now, timeoutMs, dispatcher: deps.dispatcher });
  const text = values.json ? JSON.stringify(report, null, 2) : renderReport(report);
  io.out(text);
  return report.summary.fail > 0 ? 1 : 0;
}
export {
  CHECK_USAGE,
  runCheck
};
