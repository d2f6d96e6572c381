import {
  MOCK_TESTS,
  buildApp,
  createLogger,
  createSessionTally,
  expectedDeliveries,
  expectedErrcodeOf,
  listen,
  openCaptureStore,
  startInspectorFor,
  testsFor,
  untilSignal
} from "./chunk-WHSCTIE3.js";
import {
  describeNetworkError,
  expectationForTest,
  gradeReply
} from "./chunk-YI66P2DG.js";
import "./chunk-Y4BVNIMO.js";
import "./chunk-ODITVC6Q.js";
import {
  buildDelivery,
  deliveryUrl
} from "./chunk-MA225YI5.js";
import "./chunk-SYNFUKYE.js";
import {
  createProfile,
  loadConfig
} from "./chunk-UZATLX4B.js";
import {
  maskSecrets
} from "./chunk-QJB4YHH6.js";
import {
  parseFlags
} from "./chunk-L4WV3MXU.js";
import {
  SetupError,
  WechatRefusedError,
  render
} from "./chunk-GJAS6JHG.js";

// src/run/loop.ts
import { Agent as Agent2, EnvHttpProxyAgent } from "undici";

// src/emulator/app.ts
import Fastify, { LogController } from "fastify";

// src/emulator/context.ts
import sjson from "secure-json-parse";

// src/emulator/wx-errors.ts
import { randomBytes } from "node:crypto";
var TEXT = {
  [-1]: "system error",
  40001: "invalid credential, access_token is invalid or not latest",
  40002: "invalid grant_type",
  40013: "invalid appid",
  40097: "invalid args",
  40125: "invalid appsecret",
  41001: "access_token missing",
  41002: "appid missing",
  41004: "appsecret missing",
  42001: "access_token expired",
  43002: "require POST method",
  44002: "empty post data",
  47001: "data format error"
};
function newRid() {
  return [0, 1, 2].map(() => randomBytes(4).toString("hex")).join("-");
}
function wxError(errcode, text = TEXT[errcode] ?? "unknown error") {
  return { errcode, errmsg: `${text} rid: ${newRid()}` };
}
function ipNotWhitelisted(ip) {
  const v4 = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  const v6 = ip.includes(":") ? ip : `::ffff:${ip}`;
  return wxError(40164, `invalid ip ${v4} ipv6 ${v6}, not in whitelist`);
}
function isWhitelisted(ip, whitelist) {
  if (whitelist === void 0) return true;
  const v4 = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  return whitelist.includes(ip) || whitelist.includes(v4);
}

// src/emulator/context.ts
function readJsonObject(body) {
  if (body === void 0 || body.length === 0) return { ok: false, answer: wxError(44002) };
  let v;
  try {
    v = sjson.parse(body.toString("utf8"), void 0, { protoAction: "remove", constructorAction: "remove" });
  } catch {
    return { ok: false, answer: wxError(47001) };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, answer: wxError(47001) };
  return { ok: true, value: v };
}

// src/emulator/token-routes.ts
function checkCredentials(c, ip, ctx) {
  if (c.grant_type !== "client_credential") return wxError(40002);
  if (typeof c.appid !== "string" || c.appid === "") return wxError(41002);
  const account = ctx.accounts.get(c.appid);
  if (!account) return wxError(40013);
  if (typeof c.secret !== "string" || c.secret === "") return wxError(41004);
  if (c.secret !== account.appsecret) return wxError(40125);
  if (!isWhitelisted(ip, ctx.ipWhitelist)) return ipNotWhitelisted(ip);
  return { appid: account.appid };
}
function tokenAnswer(t, now) {
  return { access_token: t.token, expires_in: Math.max(1, Math.round((t.expiresAtMs - now) / 1e3)) };
}
function registerTokenRoutes(app, ctx) {
  app.post("/cgi-bin/stable_token", async (req) => {
    const body = readJsonObject(req.body);
    if (!body.ok) return answerError(ctx, "POST", "/cgi-bin/stable_token", body.answer);
    const { grant_type, appid, secret, force_refresh: force } = body.value;
    const checked = checkCredentials({ grant_type, appid, secret }, req.ip, ctx);
    if ("errcode" in checked) return answerError(ctx, "POST", "/cgi-bin/stable_token", checked);
    ctx.recordCall("POST", "/cgi-bin/stable_token", 0);
    return tokenAnswer(ctx.tokens.stable(checked.appid, force === true), ctx.now());
  });
  app.get("/cgi-bin/stable_token", async () => answerError(ctx, "GET", "/cgi-bin/stable_token", wxError(43002)));
  app.get("/cgi-bin/token", async (req) => {
    const { grant_type, appid, secret } = req.query;
    const checked = checkCredentials({ grant_type, appid, secret }, req.ip, ctx);
    if ("errcode" in checked) return answerError(ctx, "GET", "/cgi-bin/token", checked);
    ctx.recordCall("GET", "/cgi-bin/token", 0);
    return tokenAnswer(ctx.tokens.rotate(checked.appid), ctx.now());
  });
}
function answerError(ctx, method, path, a) {
  ctx.recordCall(method, path, a.errcode);
  return a;
}

// src/emulator/mock-route.ts
var APIS = ["mocknotification", "mockqueryfee"];
function checkMockBody(raw, tokenAppid, ctx) {
  const body = readJsonObject(raw);
  if (!body.ok) return body.answer;
  const { appid, url, version = 1 } = body.value;
  if (appid === void 0 || appid === "") return wxError(41002);
  if (typeof appid !== "string") return wxError(40097);
  const account = ctx.accounts.get(appid);
  if (!account || appid !== tokenAppid) return wxError(40013);
  if (typeof url !== "string" || !isHttpUrl(url)) return wxError(40097);
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) return wxError(40097);
  return { account, url, version };
}
function isHttpUrl(s) {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
function checkToken(token, ctx) {
  if (token === void 0 || token === "") return wxError(41001);
  const t = ctx.tokens.lookup(token);
  if (t.state === "unknown" || t.state === "replaced") return wxError(40001);
  if (t.state === "expired") return wxError(42001);
  return { appid: t.appid };
}
function registerMockRoute(app, ctx, start) {
  for (const api of APIS) registerOne(app, ctx, start, api);
}
function registerOne(app, ctx, start, api) {
  const PATH = `/nontax/${api}`;
  const accepted = /* @__PURE__ */ new WeakMap();
  app.post(PATH, {
    onResponse: async (req) => {
      const m = accepted.get(req);
      if (m) start(m);
    }
  }, async (req) => {
    const token = checkToken(req.query.access_token, ctx);
    if ("errcode" in token) return answerError(ctx, "POST", PATH, token);
    if (!isWhitelisted(req.ip, ctx.ipWhitelist)) return answerError(ctx, "POST", PATH, ipNotWhitelisted(req.ip));
    const m = checkMockBody(req.body, token.appid, ctx);
    if ("errcode" in m) return answerError(ctx, "POST", PATH, m);
    accepted.set(req, { ...m, api });
    ctx.recordCall("POST", PATH, 0);
    return { errcode: 0, errmsg: "ok" };
  });
  app.get(PATH, async () => answerError(ctx, "GET", PATH, wxError(43002)));
}

// src/emulator/payload.ts
import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
var FIXTURE_URL = new URL("./fixtures/payment-notification.json", import.meta.url);
var QUERY_FEE_FIXTURE_URL = new URL("./fixtures/query-fee-request.json", import.meta.url);
async function loadFixture(url) {
  const parsed = JSON.parse(await readFile(url, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${url.pathname} must hold a JSON object`);
  return parsed;
}
async function loadFixtures() {
  return { mocknotification: await loadFixture(FIXTURE_URL), mockqueryfee: await loadFixture(QUERY_FEE_FIXTURE_URL) };
}
function buildPayload(api, fixtures, appid, nowMs) {
  if (api === "mocknotification") {
    const payload2 = buildPaymentNotification(fixtures.mocknotification, appid, nowMs);
    return { payload: payload2, echo: { field: "order_id", value: payload2.order_id } };
  }
  const payload = { ...structuredClone(fixtures.mockqueryfee), appid, payment_notice_no: `44030500${digits(11)}` };
  return { payload, echo: { field: "payment_notice_no", value: payload.payment_notice_no } };
}
function digits(n) {
  let s = "";
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}
function buildPaymentNotification(fixture, appid, nowMs) {
  const ymd = new Date(nowMs).toISOString().slice(0, 10).replaceAll("-", "");
  return {
    ...structuredClone(fixture),
    appid,
    order_id: `MOCK${ymd}${digits(10)}`,
    status: typeof fixture.status === "number" ? fixture.status : 3,
    // Shaped like a WeChat Pay transaction id: 42000 + 5 digits + yyyymmdd + 10 digits.
    trans_id: `42000${digits(5)}${ymd}${digits(10)}`,
    pay_finish_time: Math.floor(nowMs / 1e3)
  };
}

// src/emulator/token-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
var STABLE_RENEW_S = 300;
var ROTATE_GRACE_S = 300;
var FORGET_AFTER_MS = 24 * 36e5;
function createTokenStore(now, ttlS) {
  const byToken = /* @__PURE__ */ new Map();
  const stableOf = /* @__PURE__ */ new Map();
  const rotatingOf = /* @__PURE__ */ new Map();
  function issue(appid) {
    prune();
    const t = { token: randomBytes2(96).toString("base64url"), appid, expiresAtMs: now() + ttlS * 1e3 };
    byToken.set(t.token, t);
    return t;
  }
  function retire(t, atMs) {
    if (atMs < t.expiresAtMs) {
      t.expiresAtMs = atMs;
      t.replaced = true;
    }
  }
  function prune() {
    const cutoff = now() - FORGET_AFTER_MS;
    for (const [k, t] of byToken) if (t.expiresAtMs < cutoff) byToken.delete(k);
  }
  return {
    stable(appid, force) {
      const cur = stableOf.get(appid);
      const renewAt = cur ? cur.expiresAtMs - Math.min(STABLE_RENEW_S, ttlS / 2) * 1e3 : 0;
      if (cur && !force && now() < renewAt) return cur;
      if (cur && force) retire(cur, now() - 1);
      const t = issue(appid);
      stableOf.set(appid, t);
      return t;
    },
    rotate(appid) {
      const prev = rotatingOf.get(appid);
      if (prev) retire(prev, now() + ROTATE_GRACE_S * 1e3);
      const t = issue(appid);
      rotatingOf.set(appid, t);
      return t;
    },
    lookup(token) {
      const t = byToken.get(token);
      if (!t) return { state: "unknown" };
      if (now() < t.expiresAtMs) return { state: "ok", appid: t.appid };
      return { state: t.replaced ? "replaced" : "expired", appid: t.appid };
    },
    expireAll() {
      const past = now() - 1;
      for (const t of byToken.values()) t.expiresAtMs = Math.min(t.expiresAtMs, past);
    }
  };
}

// src/emulator/trigger-runner.ts
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { Agent } from "undici";

// src/emulator/deliveries.ts
import { request } from "undici";

// src/emulator/report.ts
function gradeAnswer(test, reply, ctx, echo) {
  const g = gradeReply(expectationForTest(test, { [echo.field]: echo.value }), { kind: "answer", headers: {}, ...reply }, ctx);
  return {
    answer: g.answer,
    outcome: g.outcome,
    ok: g.outcome !== "FAIL",
    problems: g.outcome === "FAIL" ? [g.reason === void 0 ? "FAIL" : render(g.reason), ...g.forensics] : [],
    warnings: g.notes.map((n) => render(n)),
    findings: { reason: g.reason, notes: g.notes }
  };
}

// src/emulator/deliveries.ts
async function runTrigger(t, deps, onReport) {
  const startedAt = new Date(deps.now()).toISOString();
  const tests = testsFor(t.version);
  const reports = [];
  for (const [i, test] of tests.entries()) {
    const r = await sendOne(t, test, i + 1, tests.length, deps);
    reports.push(r);
    onReport(r);
  }
  return { triggerId: t.triggerId, appid: t.secrets.appid, url: shownUrl(t.url, t.secrets), version: t.version, startedAt, finishedAt: new Date(deps.now()).toISOString(), reports, ok: reports.every((r) => r.ok) };
}
async function sendOne(t, test, index, total, deps) {
  const nowMs = deps.now();
  const { payload, echo } = buildPayload(t.api, deps.fixtures, t.secrets.appid, nowMs);
  const d = buildDelivery({ payload, secrets: t.secrets, profile: deps.profile, nowMs, badSignature: test === "signature" });
  const url = deliveryUrl(t.url, d.query);
  const expectedErrcode = expectedErrcodeOf(test);
  const base = { triggerId: t.triggerId, index, total, test, wxnontaxstr: d.nonce, url: shownUrl(url, t.secrets), orderId: String(echo.value), sentAt: new Date(nowMs).toISOString(), expectedErrcode };
  const started = performance.now();
  try {
    const res = await request(url, {
      method: "POST",
      headers: { ...d.headers, "content-type": d.contentType },
      body: d.body,
      dispatcher: deps.dispatcher,
      headersTimeout: deps.timeoutMs,
      bodyTimeout: deps.timeoutMs,
      signal: AbortSignal.any([deps.signal, AbortSignal.timeout(deps.timeoutMs)])
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    const durationMs = elapsed(started);
    const grade = gradeAnswer(test, { status: res.statusCode, body, durationMs }, { secrets: t.secrets, profile: deps.profile }, echo);
    return { ...base, durationMs, httpStatus: res.statusCode, ...grade };
  } catch (err) {
    const error = deps.signal.aborted ? "not answered: the emulator was closing" : describeNetworkError(err, deps.timeoutMs).text;
    const problem = `no answer from ${new URL(t.url).origin}: ${error}; is the receiver running, and does the url (scheme, host, port, path) point at it?`;
    return { ...base, durationMs: elapsed(started), error, outcome: "FAIL", ok: false, problems: [problem], warnings: [] };
  }
}
function shownUrl(url, s) {
  const u = new URL(url);
  u.username = "";
  u.password = "";
  return maskSecrets(u.toString(), [s.token, s.encodingAESKey]);
}
function elapsed(startedMs) {
  return Math.round(performance.now() - startedMs);
}

// src/emulator/trigger-runner.ts
var MAX_KEPT = 1e3;
function keep(list, item) {
  list.push(item);
  if (list.length > MAX_KEPT) list.shift();
}
function createTriggerRunner(o) {
  const dispatcher = new Agent({ headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, connect: { timeout: o.timeoutMs, ...o.insecureTls ? { rejectUnauthorized: false } : {} } });
  const closing = new AbortController();
  const inflight = /* @__PURE__ */ new Set();
  const reports = [];
  const triggers = [];
  const events = new EventEmitter();
  const deps = { profile: o.profile, now: o.now, dispatcher, timeoutMs: o.timeoutMs, fixtures: o.fixtures, signal: closing.signal };
  function start(m) {
    const triggerId = randomUUID();
    events.emit("trigger", { triggerId, api: m.api, appid: m.account.appid, url: shownUrl(m.url, m.account.secrets), version: m.version, deliveries: testsFor(m.version).length });
    const onReport = (r) => {
      keep(reports, r);
      o.log.info({ triggerId, index: r.index, test: r.test, errcode: r.answer?.errcode, ok: r.ok }, "emulated delivery answered");
      events.emit("report", r);
    };
    const p = runTrigger({ triggerId, api: m.api, secrets: m.account.secrets, url: m.url, version: m.version }, deps, onReport).then((summary) => {
      keep(triggers, summary);
      events.emit("trigger-done", summary);
    }).catch((err) => o.log.error({ err, triggerId }, "emulator event listener failed")).finally(() => inflight.delete(p));
    inflight.add(p);
  }
  async function close() {
    closing.abort();
    await Promise.allSettled([...inflight]);
    await dispatcher.close();
  }
  return { start, close, events, reports, triggers };
}

// src/emulator/app.ts
var DEFAULT_TOKEN_TTL_S = 7200;
var DEFAULT_DELIVERY_TIMEOUT_MS = 5e3;
async function buildEmulator(o) {
  for (const a of o.accounts) {
    if (a.secrets.appid !== a.appid) throw new Error(`emulator account ${a.appid}: secrets.appid "${a.secrets.appid}" must equal appid (the appid is sealed into every ciphertext)`);
  }
  const now = o.now ?? Date.now;
  const app = Fastify({ logger: o.logger ?? false, logController: new LogController({ disableRequestLogging: true }) });
  const runner = createTriggerRunner({
    profile: o.profile,
    now,
    timeoutMs: o.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
    insecureTls: o.insecureTls === true,
    fixtures: await loadFixtures(),
    log: app.log
  });
  const calls = [];
  const ctx = {
    accounts: new Map(o.accounts.map((a) => [a.appid, a])),
    tokens: createTokenStore(now, o.tokenTtlS ?? DEFAULT_TOKEN_TTL_S),
    ipWhitelist: o.ipWhitelist,
    now,
    recordCall: (method, path, errcode) => {
      keep(calls, { method, path, errcode, at: new Date(now()).toISOString() });
      app.log.info({ method, path, errcode }, "emulated WeChat API call");
    }
  };
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.setErrorHandler(async (err, req, reply) => {
    req.log.error({ err }, "emulator route failed");
    return reply.code(200).send(wxError(-1));
  });
  app.setNotFoundHandler(async (req, reply) => reply.code(404).send({ errcode: 404, errmsg: `the emulator serves no ${req.method} ${req.url.split("?")[0] ?? ""}` }));
  registerTokenRoutes(app, ctx);
  registerMockRoute(app, ctx, runner.start);
  app.get("/_emulator/reports", async () => ({ reports: runner.reports, triggers: runner.triggers }));
  app.addHook("onClose", runner.close);
  const handle = {
    events: runner.events,
    reports: () => [...runner.reports],
    triggers: () => [...runner.triggers],
    calls: () => [...calls],
    expireTokens: () => ctx.tokens.expireAll(),
    setIpWhitelist: (ips) => {
      ctx.ipWhitelist = ips;
    }
  };
  app.decorate("emulator", handle);
  return app;
}

// src/verdict/verdict.ts
function computeVerdict(v) {
  const expected = expectedDeliveries(v.version);
  const rows = v.records.map((r, i) => toRow(r, i, v.senderReports?.find((s) => s.wxnontaxstr === r.wxnontaxstr)));
  const reasons = [];
  const hints = [];
  for (const r of rows) if (!r.ok) reasons.push(`delivery ${r.index} (${r.wxnontaxstr ?? "no wxnontaxstr"}): ${r.note}`);
  const count = (t) => rows.filter((r) => r.test === t).length;
  for (const t of testsFor(v.version)) {
    if (count(t) === 0 && rows.length > 0) reasons.push(`no delivery behaved as the ${t} test (${MOCK_TESTS[t].sent})`);
  }
  reasons.push(...diagnoseKeys(rows));
  for (const s of v.senderReports ?? []) {
    if (!s.ok) reasons.push(`the sender rejected our answer to delivery ${s.index}: ${[s.error, ...s.problems].filter(Boolean).join("; ")}`);
  }
  if (v.records.length < expected) {
    reasons.push(`received ${v.records.length} of ${expected} deliveries within ${v.waitTimeoutMs} ms`);
    hints.push(...timeoutHints(v));
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
    assumption: v.assumption
  };
}
function toRow(r, i, sender) {
  const ins = r.inspection;
  const expectedErrcode = expectedErrcodeOf(r.test);
  const errcode = r.answer.body.errcode;
  const ok = expectedErrcode !== void 0 && errcode === expectedErrcode;
  const note = ok ? r.test === "crypto" ? "decrypted and verified; answered 0 with signed, encrypted data" : "bad signature detected; answered 300, payload not acted on" : expectedErrcode === void 0 ? `neither test: ${ins.message ?? "unexpected delivery"}` : `answered ${errcode}, expected ${expectedErrcode}: ${ins.message ?? ""}`;
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
    note: r.duplicateOf ? `${note} (duplicate of ${r.duplicateOf})` : note
  };
}
function diagnoseKeys(rows) {
  if (rows.length === 0) return [];
  if (rows.every((r) => !r.decrypted)) {
    return ["no delivery decrypted: NONTAX_ENCODING_AES_KEY (or WECHAT_APPID) differs from what WeChat encrypts with; copy the EncodingAESKey from the console again"];
  }
  if (rows.every((r) => !r.signatureOk) && rows.every((r) => r.decrypted)) {
    return ["every delivery decrypted but none passed the signature check: NONTAX_TOKEN differs from the Token WeChat signs with"];
  }
  return [];
}
function timeoutHints(v) {
  if (v.mode === "embedded") {
    return [`the built-in emulator could not deliver to ${v.callbackUrl}: see its report above (connection refused? receiver answering too slowly?)`];
  }
  return [
    `WeChat was asked to deliver to ${v.callbackUrl}; check that this URL reaches this machine: curl -X POST '${v.callbackUrl}' should print errcode 210`,
    "is the tunnel running (ngrok http 3000 / cloudflared tunnel --url http://127.0.0.1:3000) and pointing at this PORT?",
    "does PUBLIC_URL match the tunnel's current address? Free ngrok URLs change at every restart",
    "does the path match NOTIFY_PATH? The tunnel forwards the path unchanged",
    "WeChat calls from its own servers: a corporate firewall, an IP allow-list on the tunnel, or a tunnel interstitial page (ngrok free plan browser warning) can block it",
    "a longer WAIT_TIMEOUT_MS helps when WeChat is slow to deliver"
  ];
}

// src/wechat/errcodes.ts
var GLOBAL_CODES_URL = "https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html";
var staleToken = (what) => (c) => {
  if (c.retried) return `${what}, even right after fetching a fresh one with stable_token: another service may be force-refreshing this account's stable token, or WECHAT_API_BASE (${c.baseUrl}) issues tokens for a different back end`;
  if (c.tokenSource === "env" && !c.canRefresh) return `${what}: WECHAT_ACCESS_TOKEN is stale or belongs to another account; set a fresh WECHAT_ACCESS_TOKEN, or set WECHAT_APPSECRET so the debugger fetches its own token`;
  return `${what}; the debugger fetches a new one with stable_token and retries once`;
};
var EXPLAIN = {
  [-1]: () => "WeChat is busy (system error); retry in a few seconds",
  40001: staleToken("the access_token is invalid or not the latest"),
  42001: staleToken("the access_token has expired"),
  40002: () => "grant_type is not client_credential (a bug in this debugger, or a proxy altered the body)",
  40013: (c) => `the AppID "${c.appid}" is not valid${c.path.includes("nontax") ? " for this access_token: the appid in the body must be the account that owns the token" : ""}; copy WECHAT_APPID from the console (\u8BBE\u7F6E\u4E0E\u5F00\u53D1 \u2192 \u57FA\u672C\u914D\u7F6E \u2192 \u5F00\u53D1\u8005ID(AppID)), watching case and stray characters`,
  40125: (c) => `the AppSecret does not match AppID "${c.appid}"; copy WECHAT_APPSECRET again from the console (\u8BBE\u7F6E\u4E0E\u5F00\u53D1 \u2192 \u57FA\u672C\u914D\u7F6E \u2192 AppSecret). If it was reset there, the old one no longer works`,
  40164: (c) => `this machine's IP ${c.callerIp ?? "(see errmsg)"} is not on the account's API IP whitelist; add it in the console (\u8BBE\u7F6E\u4E0E\u5F00\u53D1 \u2192 \u57FA\u672C\u914D\u7F6E \u2192 IP\u767D\u540D\u5355), wait a few minutes for it to take effect, and retry`,
  40243: () => "the AppSecret is frozen; unfreeze or reset it in the console (\u8BBE\u7F6E\u4E0E\u5F00\u53D1 \u2192 \u57FA\u672C\u914D\u7F6E \u2192 AppSecret)",
  41001: (c) => `the access_token is missing from the request; check that WECHAT_API_BASE (${c.baseUrl}) or a proxy does not drop the query string`,
  41002: () => "the appid is missing; set WECHAT_APPID (e.g. WECHAT_APPID=wx1234567890abcdef)",
  41004: () => "the appsecret is missing; set WECHAT_APPSECRET, or set WECHAT_ACCESS_TOKEN instead",
  44002: () => "WeChat received an empty body; a proxy between this machine and WeChat may have dropped it",
  45009: () => "the account reached its daily quota for this API; wait until tomorrow, or reset it with the clear_quota API (limited times per month)",
  45011: () => "per-minute rate limit reached; wait a minute and retry",
  47001: () => "WeChat could not parse the JSON body; a proxy may have altered it",
  48001: (c) => `the account is not authorised for ${c.path}; it needs a verified (\u8BA4\u8BC1) account with the non-tax payment (\u975E\u7A0E\u7F34\u8D39) capability enabled. Check the account's verification and permissions (\u8BBE\u7F6E\u4E0E\u5F00\u53D1 \u2192 \u63A5\u53E3\u6743\u9650)`,
  40097: (c) => c.path.includes("mocknotification") ? "the arguments are invalid: check that appid is the account's AppID, url is an absolute http(s) URL reachable from the Internet (PUBLIC_URL + NOTIFY_PATH), and version is a number" : "the arguments are invalid; check the request parameters"
};
function explainErrcode(errcode, errmsg, ctx) {
  const rid2 = parseRid(errmsg);
  const ip = ctx.callerIp ?? (errcode === 40164 ? parseCallerIp(errmsg) : void 0);
  const c = ip === void 0 ? ctx : { ...ctx, callerIp: ip };
  const head = `WeChat says ${errcode} on ${ctx.path}`;
  const explain = EXPLAIN[errcode];
  const tail = rid2 ? ` (rid: ${rid2})` : "";
  if (explain) return `${head}: ${explain(c)}${tail}`;
  return `${head}: "${errmsg}"; this debugger has no specific advice for it, see WeChat's global error codes (\u5168\u5C40\u8FD4\u56DE\u7801) at ${GLOBAL_CODES_URL}`;
}
function parseCallerIp(errmsg) {
  return /invalid ip ([0-9a-fA-F.:]+?)(?:,|\s)/.exec(errmsg + " ")?.[1];
}
function parseRid(errmsg) {
  return /rid: ?([\w-]+)/.exec(errmsg)?.[1];
}

// src/wechat/errors.ts
var WechatApiError = class extends WechatRefusedError {
  name = "WechatApiError";
  path;
  errcode;
  errmsg;
  httpStatus;
  /** The caller IP WeChat saw (40164), parsed from errmsg. */
  callerIp;
  /** WeChat's request id ("rid: ..."), to quote when asking WeChat support. */
  rid;
  constructor(code, message, d) {
    super(code, message, d.cause === void 0 ? void 0 : { cause: d.cause });
    this.path = d.path;
    if (d.errcode !== void 0) this.errcode = d.errcode;
    if (d.errmsg !== void 0) this.errmsg = d.errmsg;
    if (d.httpStatus !== void 0) this.httpStatus = d.httpStatus;
    if (d.callerIp !== void 0) this.callerIp = d.callerIp;
    if (d.rid !== void 0) this.rid = d.rid;
  }
};

// src/wechat/http.ts
import { request as request2 } from "undici";
import sjson2 from "secure-json-parse";
var SNIPPET_CHARS = 200;
function sanitizeUrl(url) {
  return url.replace(/([?&]access_token=)[^&#]*/gi, "$1***");
}
function apiUrl(baseUrl, path, query = {}) {
  const u = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}
async function callApi(ctx, call) {
  const url = apiUrl(ctx.baseUrl, call.path, call.query);
  const shown = `${call.method} ${sanitizeUrl(url)}`;
  const mask = (s) => maskSecrets(s, ctx.secrets());
  const started = performance.now();
  ctx.log?.debug({ method: call.method, url: sanitizeUrl(url) }, "wechat api request");
  let status;
  let text;
  try {
    const res = await request2(url, {
      method: call.method,
      headers: call.body === void 0 ? {} : { "content-type": "application/json" },
      body: call.body === void 0 ? void 0 : JSON.stringify(call.body),
      dispatcher: ctx.dispatcher,
      headersTimeout: ctx.timeoutMs,
      bodyTimeout: ctx.timeoutMs,
      // Covers connect + headers + body in one bound; the per-phase timeouts above alone do not cover connect.
      signal: AbortSignal.timeout(ctx.timeoutMs)
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    const f = describeNetworkError(err, ctx.timeoutMs);
    const message = f.kind === "timeout" ? `${shown} timed out: ${f.text}. WeChat usually answers within a second; check the network, any proxy, and WECHAT_API_BASE (${ctx.baseUrl})` : `could not reach ${ctx.baseUrl} (${shown}): ${f.text}; check WECHAT_API_BASE, the network and any proxy`;
    throw new WechatApiError(f.kind === "timeout" ? "WECHAT_TIMEOUT" : "WECHAT_UNREACHABLE", mask(message), { path: call.path, cause: err });
  }
  const durationMs = Math.round(performance.now() - started);
  ctx.log?.debug({ method: call.method, url: sanitizeUrl(url), status, durationMs }, "wechat api answer");
  const snippet = JSON.stringify(mask(text.slice(0, SNIPPET_CHARS)));
  if (status !== 200) {
    throw new WechatApiError("WECHAT_HTTP", `${shown} answered HTTP ${status} ${snippet}; WeChat answers errors with HTTP 200 and an errcode, so something else answered: check WECHAT_API_BASE (${ctx.baseUrl}) and any proxy`, { path: call.path, httpStatus: status });
  }
  let parsed;
  try {
    parsed = sjson2.parse(text, void 0, { protoAction: "remove", constructorAction: "remove" });
  } catch {
    parsed = void 0;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new WechatApiError("WECHAT_BAD_ANSWER", `${shown} answered HTTP 200 but not a JSON object: ${snippet}; check that WECHAT_API_BASE (${ctx.baseUrl}) is the WeChat API (or the emulator), not a web page or a proxy's login page`, { path: call.path, httpStatus: status });
  }
  return parsed;
}

// src/wechat/client.ts
var DEFAULT_TIMEOUT_MS = 1e4;
var RENEW_MARGIN_S = 300;
var TOKEN_INVALID = /* @__PURE__ */ new Set([40001, 42001]);
function createWechatClient(o) {
  const now = o.now ?? Date.now;
  let envToken = o.accessToken;
  let cached;
  let inflight;
  const seenTokens = o.accessToken ? [o.accessToken] : [];
  const secrets = () => [o.appsecret, ...seenTokens.slice(-8)];
  const http = { baseUrl: o.baseUrl, dispatcher: o.dispatcher, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, log: o.log, secrets };
  function fail(errcode, rawErrmsg, ctx) {
    const errmsg = maskSecrets(rawErrmsg, secrets());
    const callerIp = errcode === 40164 ? parseCallerIp(errmsg) : void 0;
    const message = maskSecrets(explainErrcode(errcode, errmsg, ctx), secrets());
    return new WechatApiError("WECHAT_ERRCODE", message, { path: ctx.path, errcode, errmsg, httpStatus: 200, ...callerIp ? { callerIp } : {}, ...rid(errmsg) });
  }
  function baseCtx(path) {
    return { path, appid: o.appid, baseUrl: o.baseUrl, canRefresh: o.appsecret !== void 0 };
  }
  async function fetchStableToken() {
    const path = "/cgi-bin/stable_token";
    const ans = await callApi(http, { method: "POST", path, body: { grant_type: "client_credential", appid: o.appid, secret: o.appsecret, force_refresh: false } });
    if (typeof ans.errcode === "number" && ans.errcode !== 0) throw fail(ans.errcode, String(ans.errmsg ?? ""), baseCtx(path));
    const { access_token: token, expires_in: expiresIn } = ans;
    if (typeof token !== "string" || token === "" || typeof expiresIn !== "number" || expiresIn <= 0) {
      throw new WechatApiError("WECHAT_BAD_ANSWER", `POST ${o.baseUrl}${path} answered without access_token/expires_in (fields: ${Object.keys(ans).join(", ")}); check WECHAT_API_BASE`, { path, httpStatus: 200 });
    }
    seenTokens.push(token);
    const renewInS = expiresIn > 2 * RENEW_MARGIN_S ? expiresIn - RENEW_MARGIN_S : expiresIn / 2;
    cached = { token, renewAtMs: now() + renewInS * 1e3 };
    o.log?.info({ appid: o.appid, expiresInS: expiresIn }, "fetched access_token with stable_token");
    return token;
  }
  async function getAccessToken(opts = {}) {
    if (opts.refresh) {
      envToken = void 0;
      cached = void 0;
    }
    if (envToken) return envToken;
    if (cached && now() < cached.renewAtMs) return cached.token;
    if (o.appsecret === void 0) {
      const message = o.accessToken ? "cannot fetch a new access_token: WECHAT_ACCESS_TOKEN was refused and WECHAT_APPSECRET is not set; set a fresh WECHAT_ACCESS_TOKEN or set WECHAT_APPSECRET" : "no WeChat credentials: set WECHAT_APPSECRET (with WECHAT_APPID), or WECHAT_ACCESS_TOKEN";
      throw new WechatApiError("WECHAT_NO_CREDENTIALS", message, { path: "/cgi-bin/stable_token" });
    }
    inflight ??= fetchStableToken().finally(() => {
      inflight = void 0;
    });
    return inflight;
  }
  async function callMock(token, body, ctx) {
    const ans = await callApi(http, { method: "POST", path: ctx.path, query: { access_token: token }, body: { appid: o.appid, url: body.url, version: body.version } });
    if (typeof ans.errcode !== "number") {
      throw new WechatApiError("WECHAT_BAD_ANSWER", `POST ${o.baseUrl}${ctx.path} answered without a numeric errcode (fields: ${Object.keys(ans).join(", ")}); check WECHAT_API_BASE`, { path: ctx.path, httpStatus: 200 });
    }
    if (ans.errcode !== 0) throw fail(ans.errcode, String(ans.errmsg ?? ""), ctx);
    return { errcode: 0, errmsg: String(ans.errmsg ?? "ok") };
  }
  async function mockApi(path, body) {
    const tokenSource = envToken ? "env" : "stable_token";
    const token = await getAccessToken();
    try {
      return await callMock(token, body, { ...baseCtx(path), tokenSource });
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.errcode === void 0 || !TOKEN_INVALID.has(err.errcode) || o.appsecret === void 0) throw err;
      o.log?.warn({ errcode: err.errcode, tokenSource }, "access_token refused; fetching a new one with stable_token and retrying once");
      const fresh = await getAccessToken({ refresh: true });
      return callMock(fresh, body, { ...baseCtx(path), tokenSource: "stable_token", retried: true });
    }
  }
  return {
    getAccessToken,
    mockNotification: (body) => mockApi("/nontax/mocknotification", body),
    mockQueryFee: (body) => mockApi("/nontax/mockqueryfee", body)
  };
}
function rid(errmsg) {
  const r = parseRid(errmsg);
  return r ? { rid: r } : {};
}

// src/run/public-url.ts
import { request as request3 } from "undici";
var NGROK_API = "http://127.0.0.1:4040";
var PublicUrlError = class extends SetupError {
  name = "PublicUrlError";
  constructor(message) {
    super("NO_PUBLIC_URL", message);
  }
};
async function resolvePublicUrl(config, localBase, ngrokApi = NGROK_API) {
  if (config.mode === "embedded") return { base: localBase, source: "embedded", note: "the built-in emulator calls the receiver on loopback" };
  if (config.publicUrl) return { base: config.publicUrl, source: "PUBLIC_URL", note: "from PUBLIC_URL" };
  const tunnel = await findNgrokTunnel(ngrokApi, config.port);
  if (tunnel) return { base: tunnel.url, source: "ngrok", note: `PUBLIC_URL is unset; using the https tunnel of the ngrok agent at ${ngrokApi} (${tunnel.url} \u2192 ${tunnel.addr})${tunnel.portMatches ? "" : `; WARNING: it forwards to ${tunnel.addr}, not to PORT ${config.port}`}` };
  throw new PublicUrlError([
    "WeChat needs a public URL to deliver to, and none is configured.",
    `Start a tunnel to this receiver (PORT ${config.port}), then set PUBLIC_URL in .env to its https address:`,
    `  ngrok http ${config.port}                                  (PUBLIC_URL is then detected automatically)`,
    `  cloudflared tunnel --url http://127.0.0.1:${config.port}   (copy the https://\u2026.trycloudflare.com URL into PUBLIC_URL)`
  ].join("\n"));
}
async function findNgrokTunnel(ngrokApi, port) {
  try {
    const res = await request3(`${ngrokApi}/api/tunnels`, { headersTimeout: 1e3, bodyTimeout: 1e3 });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return void 0;
    }
    const body = await res.body.json();
    const https = (body.tunnels ?? []).filter((t) => t.public_url?.startsWith("https://"));
    const portOf = (addr = "") => addr.match(/:(\d+)$/)?.[1] ?? (/^\d+$/.test(addr) ? addr : void 0);
    const best = https.find((t) => portOf(t.config?.addr) === String(port)) ?? https[0];
    if (!best?.public_url) return void 0;
    return { url: best.public_url.replace(/\/+$/, ""), addr: best.config?.addr ?? "?", portMatches: portOf(best.config?.addr) === String(port) };
  } catch {
    return void 0;
  }
}

// src/run/loop.ts
async function startLoop(o) {
  const { config, logger } = o;
  const profile = o.profile ?? createProfile(config.profile);
  const emulateProfile = o.profile ?? createProfile(config.emulateProfile);
  const app = await buildApp(config, { logger, profile, ...o.store ? { store: o.store } : {} });
  const closers = [() => app.close()];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const receiverUrl = await listen(app, config);
    let emulator;
    let apiBase = config.wechat.apiBase;
    if (config.mode === "embedded") {
      const emu = await buildEmulator({
        accounts: [{ appid: config.wechat.appid, appsecret: config.wechat.appsecret ?? "", secrets: { ...config.secrets, ...o.emulatorSecrets } }],
        profile: emulateProfile,
        insecureTls: true
      });
      emulator = emu;
      closers.push(() => emu.close());
      apiBase = await emu.listen({ port: 0, host: "127.0.0.1" });
    }
    const pub = await resolvePublicUrl(config, receiverUrl, o.ngrokApi);
    const callbackUrl = pub.base + config.notifyPath;
    logger.info({ receiverUrl, callbackUrl, source: pub.source }, `receiver listening on ${receiverUrl}${config.notifyPath}; WeChat will deliver to ${callbackUrl} (${pub.note})`);
    logger.info({ profile: profile.name }, `ASSUMED protocol: ${profile.assumption}`);
    const dispatcher = config.mode === "real" ? new EnvHttpProxyAgent() : new Agent2();
    closers.push(() => dispatcher.close());
    const client = createWechatClient({
      baseUrl: apiBase,
      appid: config.wechat.appid,
      ...config.wechat.appsecret ? { appsecret: config.wechat.appsecret } : {},
      ...config.wechat.accessToken ? { accessToken: config.wechat.accessToken } : {},
      log: logger,
      dispatcher
    });
    const run = () => triggerAndWait({ config, app, emulator, callbackUrl, logger, profile, trigger: () => (config.mockApi === "mockqueryfee" ? client.mockQueryFee : client.mockNotification)({ url: callbackUrl, version: config.mockVersion }) });
    return { app, receiverUrl, callbackUrl, emulatorUrl: emulator ? apiBase : void 0, run, close };
  } catch (err) {
    await close();
    throw err;
  }
}
async function triggerAndWait(r) {
  const expected = expectedDeliveries(r.config.mockVersion);
  const records = [];
  const reports = [];
  let wake = () => {
  };
  const done = () => records.length >= expected && (!r.emulator || reports.length >= expected);
  const onDelivery = (rec) => {
    records.push(rec);
    wake();
  };
  const onReport = (rep) => {
    reports.push(rep);
    wake();
  };
  const profileHints = /* @__PURE__ */ new Map();
  const onHint = (h) => {
    if (profileHints.get(h.profile)?.finding.code !== "DISCOVERY_OTHER_PROFILE") profileHints.set(h.profile, h);
  };
  r.app.nontax.events.on("profile-hint", onHint);
  r.app.nontax.events.on("delivery", onDelivery);
  r.emulator?.emulator.events.on("report", onReport);
  let timer;
  try {
    r.logger.info({ url: r.callbackUrl, version: r.config.mockVersion }, `calling nontax/${r.config.mockApi} (version ${r.config.mockVersion}): expecting ${expected} deliveries within ${r.config.waitTimeoutMs} ms`);
    await r.trigger();
    r.logger.info("WeChat answered errcode 0; waiting for the deliveries");
    const timedOut = await new Promise((resolve) => {
      timer = setTimeout(() => resolve(true), r.config.waitTimeoutMs);
      wake = () => {
        if (done()) resolve(false);
      };
      wake();
    });
    await r.app.nontax.profileHints.settled();
    const verdict = computeVerdict({
      mode: r.config.mode,
      api: r.config.mockApi,
      version: r.config.mockVersion,
      callbackUrl: r.callbackUrl,
      records: records.slice(0, Math.max(expected, records.length)),
      timedOut,
      senderReports: r.emulator ? reports : void 0,
      assumption: r.profile.assumption,
      waitTimeoutMs: r.config.waitTimeoutMs
    });
    verdict.hints.unshift(...[...profileHints.values()].map((h) => render(h.finding)));
    return verdict;
  } finally {
    clearTimeout(timer);
    r.app.nontax.events.off("delivery", onDelivery);
    r.app.nontax.events.off("profile-hint", onHint);
    r.emulator?.emulator.events.off("report", onReport);
  }
}

// src/verdict/print-verdict.ts
var yn = (b) => b ? "yes" : "NO";
function formatVerdict(v) {
  const lines = ["", `== Verdict: ${v.pass ? "PASS" : "FAIL"} (${v.received}/${v.expected} deliveries, ${v.api} version ${v.version}, ${v.mode === "embedded" ? "built-in WeChat emulator" : "real WeChat"}) ==`];
  lines.push(`   callback URL: ${v.callbackUrl}`);
  if (v.rows.length > 0) {
    const head = ["#", "test", "wxnontaxstr", "signature ok", "decrypted", "answered", "expected", "sender accepted", "result"];
    const body = v.rows.map((r) => [
      String(r.index),
      r.test,
      r.wxnontaxstr ?? "-",
      yn(r.signatureOk),
      yn(r.decrypted),
      String(r.errcode),
      r.expectedErrcode === void 0 ? "?" : String(r.expectedErrcode),
      r.senderOk === void 0 ? "n/a" : yn(r.senderOk),
      r.ok && r.senderOk !== false ? "ok" : "WRONG"
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
    const fmt = (cells) => "   " + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
    lines.push(fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...body.map(fmt));
    for (const r of v.rows) lines.push(`   ${r.index}: ${r.note} [capture ${r.captureId}]`);
  }
  for (const r of v.reasons) lines.push(`   FAIL: ${r}`);
  if (v.hints.length > 0) lines.push("   Likely causes:", ...v.hints.map((h) => `   - ${h}`));
  lines.push(`   Note: ${v.assumption}`);
  return lines.join("\n");
}

// src/cli/run.ts
async function runRun(argv, io) {
  const { values } = parseFlags(argv, { once: { type: "boolean" }, json: { type: "boolean" }, emulator: { type: "boolean" }, api: { type: "string" }, "emulate-profile": { type: "string" } });
  const env = values.api === void 0 ? io.env : { ...io.env, MOCK_API: values.api };
  const config = loadConfig(env, { isTTY: io.isTTY, forceEmulator: values.emulator === true, ...values["emulate-profile"] !== void 0 ? { emulateProfile: values["emulate-profile"] } : {} });
  const logger = createLogger(config, values.json ? 2 : 1);
  const say = values.json ? io.err : io.out;
  say(config.mode === "embedded" ? "Running against the BUILT-IN WeChat EMULATOR: no WeChat credentials are configured (set WECHAT_APPID + WECHAT_APPSECRET or WECHAT_ACCESS_TOKEN in .env to use real WeChat). Demo appid and keys were generated for this run." : `Running against REAL WeChat at ${config.wechat.apiBase} for appid ${config.wechat.appid}.`);
  const store = await openCaptureStore(config, logger);
  const started = await startLoop({ config, logger, store });
  const inspector = await startInspectorFor(started.app, started.receiverUrl, logger);
  const loop = { ...started, close: async () => {
    await started.close();
    await inspector?.close();
  } };
  const tally = createSessionTally(loop.app.nontax.events);
  let verdictPass = false;
  try {
    const verdict = await loop.run();
    verdictPass = verdict.pass;
    inspector?.setVerdict(verdict);
    if (values.json) io.out(JSON.stringify(verdict));
    else io.out(formatVerdict(verdict));
  } catch (err) {
    await loop.close();
    throw err;
  }
  if (values.once) {
    await loop.close();
    return verdictPass ? 0 : 1;
  }
  say(`Still receiving at ${loop.callbackUrl}. Press Ctrl-C to stop.`);
  await untilSignal(async () => loop.close(), { say, onClosed: () => say(tally.summary()) });
  return verdictPass ? 0 : 1;
}
export {
  runRun
};
