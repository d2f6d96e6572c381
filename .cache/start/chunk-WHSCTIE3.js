import {
  deliveryBytesOfRecord,
  discover,
  profileAssignment
} from "./chunk-Y4BVNIMO.js";
import {
  EditError,
  ReplayError,
  TAMPERS,
  TamperError,
  explainChange,
  outgoingRequest,
  parseSet,
  replay,
  sendEdited,
  toCurl,
  toHar
} from "./chunk-ODITVC6Q.js";
import {
  buildFailureAnswer,
  buildSuccessAnswer,
  checkAnswer
} from "./chunk-MA225YI5.js";
import {
  bodyBytes,
  createFileStore,
  createMemoryStore,
  recordBody,
  serializeRecord
} from "./chunk-SYNFUKYE.js";
import {
  ENCODING_AES_KEY_RE,
  ERRCODE,
  createProfile,
  errmsgFor,
  inspectDelivery,
  randomBytesPooled
} from "./chunk-UZATLX4B.js";
import {
  describeSecret,
  maskSecrets
} from "./chunk-QJB4YHH6.js";
import {
  ConfigError,
  SetupError,
  finding,
  render,
  renderWarning
} from "./chunk-GJAS6JHG.js";

// src/log/logger.ts
import { pino } from "pino";
import { build as prettyStream } from "pino-pretty";

// src/log/pretty-delivery.ts
var RAW_SHOWN_CHARS = 4096;
function isDeliveryLog(log) {
  const d = log.delivery;
  return typeof d === "object" && d !== null && "inspection" in d && "answer" in d;
}
var TEST_LABEL = { crypto: "crypto test (signed + encrypted)", signature: "signature test (bad signature)", other: "other" };
function formatDeliveryBlock(r) {
  const i = r.inspection;
  const lines = [];
  lines.push(`  \u250C\u2500 ${r.id} \xB7 wxnontaxstr ${r.wxnontaxstr ?? "(none)"} \xB7 ${TEST_LABEL[r.test]}${r.duplicateOf ? ` \xB7 DUPLICATE of ${r.duplicateOf}` : ""}`);
  lines.push(`  \u2502 --> ${r.method} ${r.url}`);
  lines.push(`  \u2502     from ${r.remoteAddress} \xB7 content-type ${r.contentType ?? "(none)"} \xB7 ${r.body.bytes} bytes${i.envelope ? ` \xB7 read as ${i.envelope.format}` : ""}`);
  const raw = r.body.text.length > RAW_SHOWN_CHARS ? `${r.body.text.slice(0, RAW_SHOWN_CHARS)}\u2026 (${r.body.text.length - RAW_SHOWN_CHARS} more chars; full text in json logs and captures)` : r.body.text;
  lines.push(`  \u2502 raw (${r.body.encoding}, sha256 ${r.body.sha256.slice(0, 16)}\u2026): ${raw}`);
  const s = i.signature;
  if (s) {
    lines.push(`  \u2502 signature: ${s.ok ? "OK" : `FAIL (${s.reason})`} \xB7 ${s.param ?? "no signature param"} / ${s.nonceParam ?? "no nonce param"}`);
    lines.push(`  \u2502     received ${s.received ?? "(none)"}`);
    if (s.expected) lines.push(`  \u2502     expected ${s.expected}`);
    if (!s.ok) {
      if (s.parts) lines.push(`  \u2502     ${s.algorithm ?? "computed"}: [${s.parts.map((v) => short(v)).join(", ")}]`);
      if (s.cause) lines.push(`  \u2502     likely cause: ${render(s.cause)}`);
    }
  }
  const d = i.decryption;
  if (d?.ok) {
    lines.push(`  \u2502 decrypted: OK \xB7 appid ${d.appid} \xB7 ${d.declaredLength} bytes \xB7 pad ${d.padByte}`);
    lines.push(`  \u2502     ${d.plaintext}`);
  } else if (d) {
    lines.push(`  \u2502 decrypted: FAIL (${d.reason}) ${d.message}`);
  }
  if (i.errcode !== 0 && i.message && !lines.some((l) => l.includes(i.message ?? ""))) lines.push(`  \u2502 rejected: ${i.message}`);
  for (const w of i.warnings) lines.push(`  \u2502 warning: ${renderWarning(w)}`);
  if (!s?.ok && d?.ok) lines.push("  \u2502 note: payload shown for debugging only; it was not acted on (bad signature)");
  if (r.test === "signature") lines.push("  \u2502 note: WeChat's version-1 signature test looks exactly like this (wrong on purpose; 300 is the right answer); only if every delivery fails so is NONTAX_TOKEN wrong");
  const f = r.forwarded;
  if (f) {
    lines.push(`  \u2502 your handler: ${f.ok ? `HTTP ${f.status} in ${f.durationMs} ms` : `NO ANSWER (${f.error})`} \xB7 graded ${f.grade.outcome}: expected ${f.grade.expected}, got ${f.grade.got}`);
    if (f.grade.reason) lines.push(`  \u2502     why: ${renderWarning(f.grade.reason)}`);
    for (const n of [...f.grade.notes.map((x) => renderWarning(x)), ...f.grade.forensics]) lines.push(`  \u2502     ${n}`);
  }
  const a = r.answer.body;
  lines.push(`  \u2514\u2500 <-- ${f ? "relayed " : ""}HTTP ${r.answer.status} errcode ${a.errcode} ${a.errmsg}${a.data ? ` \xB7 data ${a.data.length} chars, signed ${a.msg_signature}` : ""} \xB7 ${r.durationMs.toFixed(1)} ms`);
  return lines.join("\n");
}
function short(v) {
  return v.length > 24 ? `${v.slice(0, 20)}\u2026(${v.length})` : v;
}

// src/log/logger.ts
var REDACT_PATHS = [
  "appsecret",
  "secret",
  "access_token",
  "accessToken",
  "token",
  "encodingAESKey",
  "adminToken",
  "*.appsecret",
  "*.secret",
  "*.access_token",
  "*.accessToken",
  "*.token",
  "*.encodingAESKey",
  "*.adminToken",
  "secrets",
  "*.secrets",
  // The Config object holds the WeChat credentials two levels down (config.wechat.appsecret).
  "wechat.appsecret",
  "wechat.accessToken",
  "*.wechat.appsecret",
  "*.wechat.accessToken",
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-admin-token"]'
];
function loggerOptions(s) {
  return { level: s.logLevel, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: void 0 };
}
function createLogger(s, destination = 1) {
  if (s.logFormat === "json") {
    const dest = typeof destination === "number" ? pino.destination({ dest: destination, sync: true }) : destination;
    jsonDestinations.add(dest);
    return pino(loggerOptions(s), dest);
  }
  const pretty2 = prettyStream({
    destination,
    sync: true,
    colorize: typeof destination === "number" && (destination === 1 ? process.stdout : process.stderr).isTTY === true,
    translateTime: "HH:MM:ss.l",
    ignore: "pid,hostname,delivery,reqId",
    messageFormat: (log, messageKey) => {
      const msg = String(log[messageKey] ?? "");
      return isDeliveryLog(log) ? `${msg}
${formatDeliveryBlock(log.delivery)}` : msg;
    }
  });
  return pino(loggerOptions(s), pretty2);
}
var jsonDestinations = /* @__PURE__ */ new WeakSet();
function deliveryLog(log) {
  const raw = isPino(log) ? rawJsonStream(log) : void 0;
  return {
    delivery(level, msg, record, json) {
      if (raw && isPino(log)) {
        if (log.isLevelEnabled(level)) raw.write(`{"level":${log.levels.values[level]},"time":${Date.now()},"delivery":${json},"msg":${JSON.stringify(msg)}}
`);
      } else log[level]({ delivery: record }, msg);
    },
    error(obj, msg) {
      log.error(obj, msg);
    }
  };
}
function isPino(log) {
  return typeof log.isLevelEnabled === "function" && typeof log.bindings === "function";
}
function rawJsonStream(log) {
  const stream = log[pino.symbols.streamSym];
  if (typeof stream !== "object" || stream === null || !jsonDestinations.has(stream)) return void 0;
  return Object.keys(log.bindings()).length === 0 ? stream : void 0;
}

// src/inspector/app.ts
import Fastify, { LogController } from "fastify";

// src/plugins/admin-routes.ts
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fp from "fastify-plugin";
var LOOPBACK = /* @__PURE__ */ new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
var ADMIN_REFUSAL = "admin routes answer only on loopback; set ADMIN_TOKEN and send it as the x-admin-token header to use them remotely";
var adminRoutes = fp(async (app, opts) => {
  const tokenMatches = tokenMatcher(opts.adminToken);
  app.addHook("onRequest", async (req, reply) => {
    const presented = req.headers["x-admin-token"];
    if (typeof presented === "string" && tokenMatches(presented)) return;
    const forwarded = req.headers["x-forwarded-for"] !== void 0 || req.headers.forwarded !== void 0;
    if (LOOPBACK.has(req.socket.remoteAddress ?? "") && !forwarded) return;
    return reply.code(403).send({ error: ADMIN_REFUSAL });
  });
  app.get("/healthz", async () => ({ ok: true }));
  app.get("/_captures", async (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50) || 50, 1e3);
    const errcode = req.query.errcode === void 0 ? void 0 : Number(req.query.errcode);
    return (await opts.store.list({ limit, errcode })).map((r) => ({ id: r.id, receivedAt: r.receivedAt, wxnontaxstr: r.wxnontaxstr, test: r.test, errcode: r.answer.body.errcode }));
  });
  app.get("/_captures/:id", async (req, reply) => {
    const r = await opts.store.get(req.params.id);
    return r ?? reply.code(404).send({ error: `no capture ${req.params.id}` });
  });
}, { name: "nontax-admin-routes", fastify: "5.x", encapsulate: true });
function tokenMatcher(expected) {
  if (!expected) return () => false;
  const key = randomBytes(32);
  const digest = (s) => createHmac("sha256", key).update(s).digest();
  const want = digest(expected);
  return (presented) => timingSafeEqual(digest(presented), want);
}

// src/inspector/verify.ts
function typedSecrets(body) {
  const b = typeof body === "object" && body !== null ? body : {};
  const pick = (k) => typeof b[k] === "string" && b[k].trim() !== "" ? b[k].trim() : void 0;
  const token = pick("token");
  const aesKey = pick("aesKey");
  const appid = pick("appid");
  if (token !== void 0 && !/^[A-Za-z0-9]{1,64}$/.test(token)) throw new EditError({ code: "INSPECTOR_BAD_TOKEN" });
  if (aesKey !== void 0 && !ENCODING_AES_KEY_RE.test(aesKey)) throw new EditError({ code: "INSPECTOR_BAD_AES_KEY", params: { length: aesKey.length } });
  if (appid !== void 0 && !/^[A-Za-z0-9_-]{1,64}$/.test(appid)) throw new EditError({ code: "INSPECTOR_BAD_APPID" });
  return { ...token ? { token } : {}, ...aesKey ? { aesKey } : {}, ...appid ? { appid } : {} };
}
function reverify(r, typed, configured, profile) {
  const secrets = { token: typed.token ?? configured.token, encodingAESKey: typed.aesKey ?? configured.encodingAESKey, appid: typed.appid ?? configured.appid };
  const after = inspectDelivery({ body: bodyBytes(r.body), contentType: r.contentType, query: r.query }, { secrets, profile, nowMs: Date.parse(r.receivedAt) });
  const from = (typedValue, what, secret) => `${what} ${typedValue !== void 0 ? "typed into the page" : "configured"} (${describeSecret(secret)})`;
  const sources = { token: from(typed.token, "token", secrets.token), aesKey: from(typed.aesKey, "EncodingAESKey", secrets.encodingAESKey), appid: `appid ${secrets.appid}` };
  const origin = (typedValue, what) => `${what} ${typedValue !== void 0 ? "typed into the page" : "configured"}`;
  const origins = { token: origin(typed.token, "token"), aesKey: origin(typed.aesKey, "EncodingAESKey") };
  const change = explainChange(r.inspection, after, { secrets, sources, origins, mask: [] });
  let plaintext;
  if (after.decryption?.ok) {
    plaintext = after.decryption.plaintext;
    try {
      plaintext = JSON.stringify(JSON.parse(plaintext), null, 2);
    } catch {
    }
  }
  const result = {
    recordedErrcode: r.inspection.errcode,
    errcode: after.errcode,
    reason: after.reason,
    message: after.message,
    change,
    sources,
    signature: after.signature,
    decryption: after.decryption?.ok ? { ok: true, appid: after.decryption.appid } : after.decryption,
    plaintext,
    warnings: after.warnings
  };
  if (result.signature) result.signature = { ...result.signature, expected: void 0 };
  return maskSecrets(JSON.stringify(result), [typed.token, typed.aesKey, configured.token, configured.encodingAESKey]);
}

// src/inspector/actions.ts
var CREATOR = { name: "nontax-debugger inspector", version: "0.1.0" };
function registerActions(app, d) {
  const load = async (id, reply) => {
    const r = await d.store.get(id);
    if (!r) await reply.code(404).send({ error: "INSPECTOR_NOT_FOUND", message: render({ code: "INSPECTOR_NOT_FOUND", params: { id } }) });
    return r;
  };
  const target = (body) => {
    const to = typeof body.to === "string" && body.to.trim() !== "" ? body.to.trim() : d.receiverUrl();
    if (to === void 0 || !URL.canParse(to) || !/^https?:$/.test(new URL(to).protocol)) throw new EditError({ code: "INSPECTOR_BAD_TARGET", params: { to: to ?? "" } });
    return to;
  };
  app.setErrorHandler(async (err, req, reply) => {
    if (err instanceof EditError) return reply.code(400).send({ error: err.finding.code, message: render(err.finding) });
    if (err instanceof TamperError || err instanceof ReplayError) return reply.code(400).send({ error: err.name, message: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 500) req.log.error({ err }, render({ code: "INSPECTOR_INTERNAL" }));
    return reply.code(status).send(status < 500 ? { error: err.code ?? "INSPECTOR_BAD_REQUEST", message: err.message } : { error: "INSPECTOR_INTERNAL", message: render({ code: "INSPECTOR_INTERNAL" }) });
  });
  app.get("/api/captures/:id/curl", async (req, reply) => {
    const r = await load(req.params.id, reply);
    if (r) return { curl: toCurl(outgoingRequest(r, d.receiverUrl())) };
  });
  app.get("/api/captures/:id/har", async (req, reply) => {
    const r = await load(req.params.id, reply);
    if (!r) return;
    const har = toHar(r, outgoingRequest(r, d.receiverUrl()), CREATOR);
    return reply.header("content-disposition", `attachment; filename="capture-${r.id.replace(/[^\w-]/g, "_")}.har"`).type("application/json").send(JSON.stringify(har, null, 2));
  });
  app.post("/api/captures/:id/replay", async (req, reply) => {
    const r = await load(req.params.id, reply);
    if (!r) return;
    const tamper = req.body.tamper;
    if (tamper !== void 0 && tamper !== null && !TAMPERS.includes(tamper)) throw new EditError({ code: "INSPECTOR_BAD_TAMPER", params: { tampers: TAMPERS.join(", ") } });
    const o = await replay(r, target(req.body), tamper ?? void 0, d.secrets, d.profile, d.dispatcher);
    return { url: o.request.url, status: o.status, text: o.text, tampered: o.tampered && { change: o.tampered.change, expect: o.tampered.expect, expectErrcode: o.tampered.expectErrcode }, comparison: o.comparison.summary, errcode: o.comparison.replayErrcode };
  });
  app.post("/api/captures/:id/edit", async (req, reply) => {
    const r = await load(req.params.id, reply);
    if (!r) return;
    const set = req.body.set;
    if (typeof set !== "object" || set === null || Array.isArray(set)) throw new EditError({ code: "INSPECTOR_BAD_EDIT" });
    const edits = Object.entries(set).filter(([, v]) => typeof v === "string" && v !== "").map(([k, v]) => parseSet(`${k}=${String(v)}`));
    if (edits.length === 0) throw new EditError({ code: "INSPECTOR_NOTHING_TO_CHANGE" });
    const o = await sendEdited(r, edits, target(req.body), { secrets: d.secrets, profile: d.profile, nowMs: d.now(), ...d.dispatcher ? { dispatcher: d.dispatcher } : {} });
    return { url: o.request.url, status: o.status, text: o.text, errcode: o.answer.errcode, plaintext: o.plaintext };
  });
  app.post("/api/captures/:id/verify", async (req, reply) => {
    const r = await load(req.params.id, reply);
    if (!r) return;
    return reply.type("application/json").send(reverify(r, typedSecrets(req.body), d.secrets, d.profile));
  });
}

// src/inspector/guard.ts
var CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
var LOCAL_HOSTNAMES = /* @__PURE__ */ new Set(["127.0.0.1", "localhost"]);
function hostnameOf(host) {
  if (host === void 0) return void 0;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return void 0;
  }
}
var refuse = (reply, status, code) => reply.code(status).send({ error: code.code, message: render(code) });
function registerGuards(app) {
  app.addHook("onRequest", async (req, reply) => {
    reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    reply.header("cache-control", "no-store");
    const host = req.headers.host;
    if (!LOCAL_HOSTNAMES.has(hostnameOf(host) ?? "")) return refuse(reply, 421, { code: "INSPECTOR_BAD_HOST", params: { host: host ?? "" } });
    if (req.method === "GET" || req.method === "HEAD") return;
    if (!sameOrigin(req)) {
      return refuse(reply, 403, { code: "INSPECTOR_CROSS_ORIGIN", params: { origin: String(req.headers.origin ?? "-"), site: String(req.headers["sec-fetch-site"] ?? "-") } });
    }
    const json = /^application\/json\b/i.test(req.headers["content-type"] ?? "");
    if (!json || req.headers["x-inspector"] !== "1") return refuse(reply, 415, { code: "INSPECTOR_NEEDS_JSON" });
  });
}
function sameOrigin(req) {
  const site = req.headers["sec-fetch-site"];
  if (site !== void 0 && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.origin;
  if (origin === void 0) return true;
  try {
    const o = new URL(origin);
    return LOCAL_HOSTNAMES.has(o.hostname) && o.host === req.headers.host;
  } catch {
    return false;
  }
}

// src/inspector/summary.ts
function toRow(r) {
  const i = r.inspection;
  const orderId = i.payload?.order_id;
  const forwarded = r.forwarded;
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    test: r.test,
    kind: i.kind,
    errcode: r.answer.body.errcode,
    signatureOk: i.signature?.ok,
    decrypted: i.decryption?.ok,
    orderId: orderId === void 0 || orderId === null ? void 0 : String(orderId),
    duplicateOf: r.duplicateOf,
    grade: typeof forwarded?.grade?.outcome === "string" ? forwarded.grade.outcome : void 0
  };
}
var HEX_LIMIT_BYTES = 64 * 1024;
function hexDump(buf) {
  const lines = [];
  const shown = buf.subarray(0, HEX_LIMIT_BYTES);
  for (let at = 0; at < shown.length; at += 16) {
    const row = shown.subarray(at, at + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, "0")).join(" ").padEnd(47);
    const ascii = [...row].map((b) => b >= 32 && b < 127 ? String.fromCharCode(b) : ".").join("");
    lines.push(`${at.toString(16).padStart(8, "0")}  ${hex}  ${ascii}`);
  }
  if (buf.length > shown.length) lines.push(`\u2026 ${buf.length - shown.length} more bytes`);
  return lines.join("\n");
}
function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
function toDetail(r, secrets, profile) {
  const i = r.inspection;
  const body = bodyBytes(r.body);
  const answerCheck = checkAnswer(r.answer.status, JSON.stringify(r.answer.body), secrets, profile);
  return {
    row: toRow(r),
    requestLine: `${r.method} ${r.url} HTTP/1.1`,
    remoteAddress: r.remoteAddress,
    headers: Object.entries(r.headers).map(([name, v]) => [name, Array.isArray(v) ? v.join(", ") : v]),
    body: { encoding: r.body.encoding, text: r.body.encoding === "utf8" ? r.body.text : void 0, bytes: r.body.bytes, sha256: r.body.sha256, hex: hexDump(body) },
    envelope: i.envelope,
    // The cause is a coded finding: rendered here, as the page has no catalogue. `sorted` is the older records' name for `parts`.
    signature: i.signature && { ...i.signature, parts: i.signature.parts ?? i.signature.sorted, cause: i.signature.cause && render(i.signature.cause) },
    decryption: i.decryption?.ok ? { ...i.decryption, plaintext: pretty(i.decryption.plaintext) } : i.decryption,
    failure: i.reason ? { reason: i.reason, message: i.message } : void 0,
    answer: { status: r.answer.status, body: r.answer.body, data: answerCheck.data },
    forwarded: r.forwarded,
    warnings: i.warnings,
    durationMs: r.durationMs
  };
}

// src/inspector/live.ts
var HEARTBEAT_MS = 15e3;
var MAX_BACKLOG_BYTES = 1024 * 1024;
function createLiveFeed(events) {
  const subscribers = /* @__PURE__ */ new Set();
  let queue = [];
  let scheduled = false;
  const write = (text) => {
    for (const res of subscribers) {
      if (res.writableLength > MAX_BACKLOG_BYTES) {
        subscribers.delete(res);
        res.destroy();
        continue;
      }
      res.write(text);
    }
  };
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    for (const r of batch) write(`event: delivery
data: ${JSON.stringify(toRow(r))}

`);
  };
  const onDelivery = (r) => {
    if (subscribers.size === 0) return;
    queue.push(r);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  events.on("delivery", onDelivery);
  const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS).unref();
  return {
    subscribe(res) {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
      res.write(": connected\n\n");
      subscribers.add(res);
      res.on("close", () => subscribers.delete(res));
    },
    broadcast(event, data) {
      write(`event: ${event}
data: ${JSON.stringify(data)}

`);
    },
    clients: () => subscribers.size,
    close() {
      events.off("delivery", onDelivery);
      clearInterval(heartbeat);
      for (const res of subscribers) res.end();
      subscribers.clear();
    }
  };
}

// src/inspector/static-files.ts
import { readFile } from "node:fs/promises";
var PUBLIC_DIR = new URL("./public/", import.meta.url);
var PAGE_FILES = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/list.js": { file: "list.js", type: "text/javascript; charset=utf-8" },
  "/detail.js": { file: "detail.js", type: "text/javascript; charset=utf-8" },
  "/actions.js": { file: "actions.js", type: "text/javascript; charset=utf-8" },
  "/dom.js": { file: "dom.js", type: "text/javascript; charset=utf-8" },
  "/text.js": { file: "text.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
  "/favicon.svg": { file: "favicon.svg", type: "image/svg+xml" }
};
function registerPageFiles(app) {
  for (const [route, { file, type }] of Object.entries(PAGE_FILES)) {
    app.get(route, async (_req, reply) => reply.type(type).send(await readFile(new URL(file, PUBLIC_DIR))));
  }
}

// src/inspector/app.ts
var LIST_LIMIT = 500;
async function buildInspector(o) {
  const app = Fastify({
    ...o.logger ? { loggerInstance: o.logger.child({ component: "inspector" }) } : { logger: false },
    // Re-verify bodies carry typed secrets: no per-request line, no body is ever logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    forceCloseConnections: true
  });
  const feed = createLiveFeed(o.events);
  let verdict;
  let receiverUrl;
  registerGuards(app);
  registerPageFiles(app);
  app.get("/api/captures", async (req) => {
    const errcode = req.query.errcode !== void 0 && /^\d+$/.test(req.query.errcode) ? Number(req.query.errcode) : void 0;
    const order = req.query.order?.trim() || void 0;
    const rows = (await o.store.list({ limit: LIST_LIMIT, errcode, ...order ? { orderId: order } : {} })).map(toRow);
    return req.query.kind ? rows.filter((r) => r.test === req.query.kind) : rows;
  });
  app.get("/api/captures/:id", async (req, reply) => {
    const r = await o.store.get(req.params.id);
    if (!r) return reply.code(404).send({ error: "INSPECTOR_NOT_FOUND", message: render({ code: "INSPECTOR_NOT_FOUND", params: { id: req.params.id } }) });
    return toDetail(r, o.secrets, o.profile);
  });
  app.get("/api/verdict", async () => ({ verdict: verdict ?? null, note: verdict ? void 0 : render({ code: "INSPECTOR_NO_VERDICT" }) }));
  app.get("/api/events", async (_req, reply) => {
    reply.hijack();
    feed.subscribe(reply.raw);
  });
  registerActions(app, {
    store: o.store,
    secrets: o.secrets,
    profile: o.profile,
    now: o.now ?? Date.now,
    receiverUrl: () => receiverUrl,
    ...o.dispatcher ? { dispatcher: o.dispatcher } : {}
  });
  await app.register(adminRoutes, { store: o.store, adminToken: o.adminToken });
  app.addHook("preClose", async () => {
    feed.close();
  });
  return {
    app,
    feed,
    setReceiverUrl: (url) => {
      receiverUrl = url;
    },
    setVerdict: (v) => {
      verdict = v;
      feed.broadcast("verdict", v);
    }
  };
}

// src/inspector/start.ts
var INSPECTOR_HOST = "127.0.0.1";
async function startInspector(port, o) {
  if (port === 0) {
    o.logger.info(render({ code: "INSPECTOR_OFF" }));
    return void 0;
  }
  const inspector = await buildInspector(o);
  try {
    await inspector.app.listen({ host: INSPECTOR_HOST, port: port === "auto" ? 0 : port });
  } catch (err) {
    await inspector.app.close();
    if (err.code !== "EADDRINUSE") throw err;
    o.logger.warn(render({ code: "INSPECTOR_PORT_IN_USE", params: { port } }));
    return void 0;
  }
  const addr = inspector.app.server.address();
  const url = `http://${INSPECTOR_HOST}:${typeof addr === "object" && addr ? addr.port : port}/`;
  o.logger.info({ inspectorUrl: url }, render({ code: "INSPECTOR_LISTENING", params: { url } }));
  return { ...inspector, url, close: () => inspector.app.close() };
}
async function startInspectorFor(app, receiverUrl, logger) {
  const { config, store, events, profile } = app.nontax;
  const inspector = await startInspector(config.inspectorPort, { store, events, profile, secrets: config.secrets, logger, adminToken: config.adminToken });
  inspector?.setReceiverUrl(receiverUrl);
  return inspector;
}

// src/app.ts
import { readFileSync } from "node:fs";
import Fastify2, { LogController as LogController2 } from "fastify";

// src/plugins/close-drain.ts
import { Server as TlsServer } from "node:tls";
import fp2 from "fastify-plugin";
var closeDrain = fp2(async (app) => {
  let closing = false;
  const sockets = /* @__PURE__ */ new Set();
  const inFlight = /* @__PURE__ */ new Map();
  const onConnection = (socket) => {
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      inFlight.delete(socket);
    });
  };
  const onRequest = (req, res) => {
    inFlight.set(req.socket, req);
    res.once("finish", () => {
      if (inFlight.get(req.socket) === req) inFlight.delete(req.socket);
    });
  };
  const connectionEvent = app.server instanceof TlsServer ? "secureConnection" : "connection";
  app.server.on(connectionEvent, onConnection);
  app.server.on("request", onRequest);
  app.addHook("preClose", async () => {
    closing = true;
    for (const socket of sockets) {
      if (inFlight.get(socket)?.complete !== true) socket.destroy();
    }
  });
  app.addHook("onClose", async () => {
    app.server.off(connectionEvent, onConnection);
    app.server.off("request", onRequest);
  });
  app.addHook("onSend", (_req, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
}, { name: "nontax-close-drain", fastify: "5.x" });

// src/plugins/connection-limits.ts
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";

// src/plugins/client-errors.ts
var ANSWERS = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    text: "Request Timeout",
    why: (l) => `the request did not arrive in time (headers within HEADERS_TIMEOUT_MS=${l.headersTimeoutMs} ms, whole request within REQUEST_TIMEOUT_MS=${l.requestTimeoutMs} ms): a stalled or very slow client`
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: "Request Header Fields Too Large",
    why: () => "the request headers exceed Node's 16 KiB limit (--max-http-header-size)"
  }
};
function createClientErrorHandler(l) {
  return function onClientError(err, socket) {
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    const known = err.code !== void 0 ? ANSWERS[err.code] : void 0;
    const status = known?.status ?? 400;
    const text = known?.text ?? "Bad Request";
    const why = known?.why(l) ?? `the bytes are not valid HTTP/1.1 (${err.code ?? "parse error"}: ${err.message})`;
    this.log.warn(
      { clientError: { code: err.code, remoteAddress: socket.remoteAddress } },
      `connection from ${socket.remoteAddress ?? "unknown"} closed with ${status}: ${why}; it never reached the receiver`
    );
    const body = JSON.stringify({ error: text, message: why, statusCode: status });
    if (socket.writable && socket.bytesWritten === 0) {
      socket.write(`HTTP/1.1 ${status} ${text}\r
Content-Length: ${Buffer.byteLength(body)}\r
Content-Type: application/json\r
Connection: close\r
\r
${body}`);
    }
    socket.destroy(err);
  };
}

// src/plugins/connection-limits.ts
function connectionsCheckingIntervalMs(l) {
  return Math.min(1e3, Math.max(50, Math.floor(Math.min(l.headersTimeoutMs, l.requestTimeoutMs) / 4)));
}
var MAX_REQUESTS_PER_SOCKET = 1e3;
function nodeServerOptions(l) {
  return {
    headersTimeout: l.headersTimeoutMs,
    requestTimeout: l.requestTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingIntervalMs(l)
  };
}
function connectionLimits(l, tls) {
  return {
    bodyLimit: l.bodyLimitBytes,
    // While closing: new requests on open connections get 503; idle connections close at once.
    return503OnClosing: true,
    forceCloseConnections: "idle",
    clientErrorHandler: createClientErrorHandler(l),
    serverFactory: (handler) => {
      const server = tls ? createHttpsServer({ ...nodeServerOptions(l), ...tls, handshakeTimeout: l.headersTimeoutMs }, handler) : createHttpServer(nodeServerOptions(l), handler);
      server.maxRequestsPerSocket = MAX_REQUESTS_PER_SOCKET;
      return server;
    }
  };
}

// src/plugins/context.ts
import fp3 from "fastify-plugin";
var nontaxContext = fp3(async (app, ctx) => {
  app.decorate("nontax", { config: ctx.config, store: ctx.store, events: ctx.events, profile: ctx.profile, profileHints: ctx.profileHints });
  app.addHook("onClose", async () => {
    ctx.profileHints.close();
    await ctx.store.close();
  });
}, { name: "nontax-context", fastify: "5.x" });

// src/plugins/error-handler.ts
import fp4 from "fastify-plugin";
var INTERNAL_ERROR_TEXT = "internal error in the receiver; the detail is in its log";
var errorHandler = fp4(async (app) => {
  app.setErrorHandler(async (err, req, reply) => {
    const status = err.statusCode !== void 0 && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status < 500) return reply.code(status).send({ error: err.message, code: err.code });
    req.log.error({ err, reqId: req.id }, `${req.method} ${req.url.split("?")[0]} \u2192 ${status}: ${err.message}`);
    return reply.code(status).send({ error: INTERNAL_ERROR_TEXT, reqId: req.id });
  });
}, { name: "nontax-error-handler", fastify: "5.x" });

// src/plugins/overload-guard.ts
import { getHeapStatistics } from "node:v8";
import underPressure from "@fastify/under-pressure";
import fp5 from "fastify-plugin";
var OVERLOAD_RETRY_AFTER_S = 5;
function defaultSampleIntervalMs(maxEventLoopDelayMs) {
  return Math.min(1e3, Math.max(10, Math.floor(maxEventLoopDelayMs / 2)));
}
function defaultMaxHeapUsedBytes() {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.9);
}
function describePressure(type, value, o) {
  const v = value ?? 0;
  if (type === underPressure.TYPE_EVENT_LOOP_DELAY) {
    const lag = Number.isFinite(v) ? `delay ${Math.round(v)} ms` : "blocked through a whole lag sample";
    return `event loop ${lag} > limit ${o.maxEventLoopDelayMs} ms`;
  }
  if (type === underPressure.TYPE_HEAP_USED_BYTES) return `heap used ${mb(v)} MB > limit ${mb(o.maxHeapUsedBytes)} MB`;
  return `${type} ${v}`;
}
function overloadAnswer(cause) {
  return { errcode: ERRCODE.SYSTEM, errmsg: `system error: receiver overloaded (${cause}); WeChat will retry` };
}
var overloadGuard = fp5(async (app, o) => {
  const limits = { maxEventLoopDelayMs: o.maxEventLoopDelayMs, maxHeapUsedBytes: o.maxHeapUsedBytes ?? defaultMaxHeapUsedBytes() };
  const onPressure = (req, reply, type, value) => {
    const cause = describePressure(type, value, limits);
    const path = req.url.split("?")[0];
    const onNotify = req.routeOptions.url === o.notifyPath;
    req.log.warn(
      { overload: { type, value, path } },
      `${req.method} ${path} \u2192 503${onNotify ? " errcode 299" : ""}: receiver overloaded (${cause}); answered without processing${onNotify ? ", WeChat will retry" : ""}`
    );
    void reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_S)).send(onNotify ? overloadAnswer(cause) : { error: `receiver overloaded (${cause}); retry in a few seconds` });
  };
  const options = {
    maxEventLoopDelay: o.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    sampleInterval: o.sampleIntervalMs ?? defaultSampleIntervalMs(o.maxEventLoopDelayMs),
    pressureHandler: onPressure
  };
  await app.register(underPressure, options);
}, { name: "nontax-overload-guard", fastify: "5.x" });
var mb = (bytes) => Math.round(bytes / 1048576);

// src/profiles/discover/background.ts
var BACKGROUND_LIMIT = 5e4;
var PROFILE_ERRCODES = /* @__PURE__ */ new Set([210, 298, 300]);
function watchFailedDeliveries(o) {
  let running;
  let queued;
  let closed = false;
  const explained = /* @__PURE__ */ new Set();
  const search = (r) => {
    const d = discover(deliveryBytesOfRecord(r), { secrets: o.secrets, limit: BACKGROUND_LIMIT });
    const best = d.matches[0];
    if (!best || best.profile === o.profile.id || !best.decrypts) return void 0;
    const params = { name: best.name, configured: o.profile.name, profile: profileAssignment(best.profile).slice("NONTAX_PROFILE=".length), settings: best.settings.length ? ` and ${best.settings.join(", ")}` : "", id: r.id };
    return { captureId: r.id, profile: best.profile, finding: { code: best.signatureVerifies ? "DISCOVERY_OTHER_PROFILE" : "DISCOVERY_DECRYPTS_ONLY", params } };
  };
  const turn = (r) => new Promise((resolve) => setImmediate(() => {
    try {
      const hint = closed ? void 0 : search(r);
      if (hint && !explained.has(`${hint.finding.code}:${hint.profile}:${r.id}`)) {
        explained.add(`${hint.finding.code}:${hint.profile}:${r.id}`);
        o.log.warn({ captureId: r.id, profileHint: hint.profile, code: hint.finding.code }, `${r.id}: ${render(hint.finding)}`);
        o.events.emit("profile-hint", hint);
      }
    } catch (err) {
      o.log.warn({ err, captureId: r.id }, "background profile discovery failed");
    }
    resolve();
  })).then(() => {
    const next = queued;
    queued = void 0;
    running = next && !closed ? turn(next) : void 0;
  });
  const onDelivery = (r) => {
    if (closed || r.forwarded !== void 0 || !PROFILE_ERRCODES.has(r.answer.body.errcode) || r.method !== "POST") return;
    if (running) queued = r;
    else running = turn(r);
  };
  o.events.on("delivery", onDelivery);
  return {
    /** Resolves when every search started so far has finished (the verdict waits for their hints). */
    async settled() {
      while (running) await running;
    },
    close() {
      closed = true;
      o.events.off("delivery", onDelivery);
    }
  };
}

// src/receiver/events.ts
import { EventEmitter } from "node:events";
function createDeliveryEvents() {
  return new EventEmitter();
}

// src/receiver/business-answer.ts
function businessAnswer(i) {
  const p = i.payload ?? {};
  if (i.kind === "payment_notification") return { order_id: p.order_id, status: p.status };
  if (i.kind === "query_fee") {
    return {
      payment_notice_no: p.payment_notice_no,
      department_code: p.department_code,
      department_name: "\u8C03\u8BD5\u5668\u6F14\u793A\u5355\u4F4D",
      fee: 100,
      user_name: "demo",
      payment_expire_date: "20991231",
      items: [{ no: 1, item_id: "demo", item_name: "\u6F14\u793A\u9879\u76EE", overdue: 0, penalty: 0, fee: 100 }]
    };
  }
  return {};
}

// src/receiver/capture-record.ts
import { parse as parseQuery } from "node:querystring";

// src/grade/mock-tests.ts
var MOCK_TESTS = {
  crypto: { sent: "correctly encrypted and signed", expectedErrcode: 0 },
  signature: { sent: "correctly encrypted, msg_signature deliberately wrong", expectedErrcode: 300 }
};
function testsFor(version) {
  return version === 1 ? ["crypto", "signature"] : ["crypto"];
}
var expectedDeliveries = (version) => testsFor(version).length;
function expectedErrcodeOf(test) {
  return test === "other" ? void 0 : MOCK_TESTS[test].expectedErrcode;
}
function mockTestOf(i) {
  if (i.signature?.ok && i.decryption?.ok) return "crypto";
  if (i.signature?.reason === "SIGNATURE_MISMATCH" && i.decryption?.ok) return "signature";
  return "other";
}

// src/receiver/capture-record.ts
var REDACTED_HEADERS = /* @__PURE__ */ new Set(["authorization", "cookie", "proxy-authorization", "x-admin-token"]);
function redactHeaders(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === void 0) continue;
    out[k] = REDACTED_HEADERS.has(k) ? "[redacted]" : v;
  }
  return out;
}
function parsedQuery(raw) {
  return raw === void 0 || raw === "" ? {} : { ...parseQuery(raw) };
}
function requestUrl(req) {
  return req.query === void 0 ? req.path : `${req.path}?${req.query}`;
}
var testKindOf = (i) => mockTestOf(i);
function buildCaptureRecord(x) {
  const nonce = x.query.wxnontaxstr ?? x.query.nonce;
  const contentType = x.req.headers["content-type"];
  const record = {
    id: x.id,
    receivedAt: new Date(x.receivedAtMs).toISOString(),
    remoteAddress: x.req.remoteAddress,
    method: x.req.method,
    url: requestUrl(x.req),
    path: x.req.path,
    query: definedValues(x.query),
    headers: redactHeaders(x.req.headers),
    contentType: Array.isArray(contentType) ? contentType[0] : contentType,
    body: recordBody(x.req.body),
    // The delivery's nonce: wxnontaxstr by default, or wherever the profile carries it.
    wxnontaxstr: (Array.isArray(nonce) ? nonce[0] : nonce) ?? x.inspection.envelope?.nonce,
    inspection: x.inspection,
    test: testKindOf(x.inspection),
    duplicateOf: x.duplicateOf,
    answer: x.answer,
    durationMs: x.durationMs
  };
  if (x.forwarded) record.forwarded = x.forwarded;
  return record;
}
function definedValues(q) {
  const out = {};
  for (const [k, v] of Object.entries(q)) if (v !== void 0) out[k] = v;
  return out;
}

// src/receiver/relay.ts
import sjson from "secure-json-parse";
function relayOutcome(f, mask) {
  const forwarded = { ok: f.ok, durationMs: f.durationMs, grade: f.grade };
  if (f.status !== void 0) forwarded.status = f.status;
  if (f.error !== void 0) forwarded.error = f.error;
  if (!f.ok || f.body === void 0 || f.status === void 0) {
    return { status: 200, body: buildFailureAnswer(ERRCODE.SYSTEM, `system error: your handler did not answer (${f.error ?? "no answer"}); answered 299 so WeChat retries`), forwarded };
  }
  const text = mask(f.body.toString("utf8"));
  forwarded.body = text;
  return { status: f.status, body: parseAnswer(text), raw: f.body, contentType: f.headers?.["content-type"], forwarded };
}
function parseAnswer(text) {
  try {
    const v = sjson.parse(text, void 0, { protoAction: "remove", constructorAction: "remove" });
    if (v && typeof v.errcode === "number") return { ...v, errcode: v.errcode, errmsg: String(v.errmsg ?? "") };
  } catch {
  }
  return { errcode: -1, errmsg: `handler answer is not a JSON object with a numeric errcode: ${text.slice(0, 200)}` };
}

// src/receiver/seen-nonces.ts
function createSeenNonces(max = 1e4) {
  const seen = /* @__PURE__ */ new Map();
  return {
    /** Records `nonce` for `captureId`; returns the earlier capture that carried it, if any. */
    note(nonce, captureId) {
      if (!nonce) return void 0;
      const earlier = seen.get(nonce);
      seen.delete(nonce);
      seen.set(nonce, earlier ?? captureId);
      if (seen.size > max) seen.delete(seen.keys().next().value);
      return earlier;
    }
  };
}

// src/receiver/handle-delivery.ts
function newCaptureId(nowMs) {
  const t = new Date(nowMs).toISOString();
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}-${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}-${randomBytesPooled(3).toString("hex")}`;
}
function createDeliveryHandler(deps) {
  const nonces = createSeenNonces();
  return async (req) => {
    const started = performance.now();
    const receivedAtMs = deps.now();
    const query = parsedQuery(req.query);
    const inspection = req.rejection ? rejected(req.rejection) : inspectDelivery(
      { body: req.body, contentType: firstValue(req.headers["content-type"]), query, headers: req.headers },
      { secrets: deps.secrets, profile: deps.profile, nowMs: receivedAtMs }
    );
    const duplicateOf = flagDuplicate(inspection, deps.store);
    const outcome = await answerFor(req, inspection, deps, receivedAtMs);
    const id = newCaptureId(receivedAtMs);
    flagNonceReuse(inspection, nonces.note(inspection.envelope?.nonce, id));
    const record = buildCaptureRecord({
      id,
      req,
      query,
      inspection,
      duplicateOf,
      forwarded: outcome.forwarded,
      answer: { status: outcome.status, body: outcome.body },
      receivedAtMs,
      durationMs: elapsedSince(started)
    });
    return recordAndAnswer(record, outcome, deps, req.rejection?.status ?? 200);
  };
}
async function answerFor(req, inspection, deps, nowMs) {
  if (deps.forward && req.mayForward && !req.rejection) {
    const result = await deps.forward({ method: req.method, url: requestUrl(req), headers: req.headers, body: req.body, expected: inspection });
    return relayOutcome(result, (text) => maskSecrets(text, [deps.secrets.token, deps.secrets.encodingAESKey]));
  }
  return { status: req.rejection?.status ?? 200, body: ownAnswer(inspection, deps, nowMs) };
}
async function recordAndAnswer(record, outcome, deps, failStatus) {
  const json = serializeRecord(record);
  try {
    await deps.store.append(record, json);
  } catch (err) {
    const msg = `could not record the delivery (${err.message}); answered 299 so WeChat retries \u2014 check CAPTURE_DIR is writable and the disk has room`;
    const failed = { ...record, answer: { status: failStatus, body: buildFailureAnswer(ERRCODE.SYSTEM, `system error: ${msg}`) } };
    deps.log.error({ delivery: failed, recordError: err.message }, msg);
    return { answer: jsonAnswer(failStatus, failed.answer.body), record: failed, recorded: false };
  }
  deps.onDelivery(record);
  logDelivery(deps, record, json);
  const answer2 = outcome.raw ? { status: outcome.status, headers: { "content-type": outcome.contentType ?? "application/json" }, body: outcome.raw } : jsonAnswer(outcome.status, outcome.body);
  return { answer: answer2, record, recorded: true };
}
function jsonAnswer(status, body) {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: Buffer.from(JSON.stringify(body), "utf8") };
}
function ownAnswer(i, deps, nowMs) {
  return i.errcode === ERRCODE.OK ? buildSuccessAnswer(businessAnswer(i), deps.secrets, deps.profile, nowMs) : buildFailureAnswer(i.errcode, errmsgFor(i));
}
function rejected(r) {
  return { errcode: r.errcode, reason: r.reason, message: r.message, kind: "unknown", warnings: [] };
}
function flagDuplicate(i, store) {
  const p = i.payload;
  if (i.errcode !== ERRCODE.OK || i.kind !== "payment_notification" || p?.order_id === void 0) return void 0;
  const dup = store.findOrder(String(p.order_id), String(p.status));
  if (dup) i.warnings.push(finding("WARN_DUPLICATE_ORDER", { earlier: dup }));
  return dup;
}
function flagNonceReuse(i, earlier) {
  if (earlier) i.warnings.push(finding("WARN_NONCE_REUSED", { nonce: i.envelope?.nonce, earlier }));
}
function logDelivery(deps, r, json) {
  const a = r.answer.body;
  const line = `${r.method} ${r.path} wxnontaxstr=${r.wxnontaxstr ?? "-"} \u2192 errcode ${a.errcode}${r.test !== "other" ? ` (${r.test} test)` : ""}`;
  deps.log.delivery(a.errcode === 0 ? "info" : "warn", line, r, json);
}
function firstValue(v) {
  return Array.isArray(v) ? v[0] : v;
}
function elapsedSince(startedMs) {
  return Math.round((performance.now() - startedMs) * 10) / 10;
}

// src/receiver/plugin.ts
var receiverPlugin = async (app, opts) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  const handle = createDeliveryHandler({
    store: opts.store,
    profile: opts.profile,
    secrets: opts.secrets,
    now: opts.now,
    ...opts.forward ? { forward: opts.forward } : {},
    onDelivery: (record) => opts.events.emit("delivery", record),
    log: deliveryLog(app.log)
  });
  app.post(opts.notifyPath, async (req, reply) => answer(handle, reply, received(req, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), true)));
  app.get(opts.notifyPath, async (req, reply) => answer(handle, reply, received(req, Buffer.alloc(0), false, {
    status: 200,
    errcode: ERRCODE.FORMAT,
    reason: "ENVELOPE_UNPARSEABLE",
    message: "GET has no body: WeChat POSTs deliveries to this URL"
  })));
  app.setErrorHandler(async (err, req, reply) => {
    const client = err.statusCode !== void 0 && err.statusCode >= 400 && err.statusCode < 500;
    if (!client) req.log.error({ err }, "receiver bug");
    const errcode = client ? ERRCODE.FORMAT : ERRCODE.SYSTEM;
    return answer(handle, reply, received(req, Buffer.alloc(0), false, {
      status: client ? err.statusCode ?? 400 : 200,
      errcode,
      reason: client ? "ENVELOPE_UNPARSEABLE" : "INTERNAL",
      message: client ? `${err.message} (${err.code ?? "client error"})` : `receiver error: ${err.message}`
    }));
  });
};
function received(req, body, mayForward, rejection) {
  const q = req.url.indexOf("?");
  return {
    method: req.method,
    path: q < 0 ? req.url : req.url.slice(0, q),
    query: q < 0 ? void 0 : req.url.slice(q + 1),
    headers: req.headers,
    body,
    remoteAddress: req.ip,
    mayForward,
    ...rejection ? { rejection } : {}
  };
}
async function answer(handle, reply, req) {
  const { answer: a } = await handle(req);
  return reply.code(a.status).headers(a.headers).send(a.body);
}

// src/app.ts
async function buildApp(config, deps = {}) {
  const store = deps.store ?? createMemoryStore(config.limits.maxCapturesInMemory);
  const events = deps.events ?? createDeliveryEvents();
  const profile = deps.profile ?? createProfile(config.profile);
  const app = Fastify2({
    loggerInstance: deps.logger ?? createLogger(config),
    // One record per delivery is logged by the receiver itself; Fastify's per-request lines would double it.
    logController: new LogController2({ disableRequestLogging: true }),
    ...connectionLimits(config.limits, config.tls ? readTls(config.tls) : void 0)
  });
  const profileHints = watchFailedDeliveries({ events, profile, secrets: config.secrets, log: app.log });
  await app.register(nontaxContext, { config, store, events, profile, profileHints });
  await app.register(errorHandler);
  await app.register(overloadGuard, { notifyPath: config.notifyPath, maxEventLoopDelayMs: config.limits.maxEventLoopDelayMs });
  await app.register(closeDrain);
  await app.register(receiverPlugin, { notifyPath: config.notifyPath, secrets: config.secrets, profile, store, events, now: deps.now ?? Date.now, ...deps.forward ? { forward: deps.forward } : {} });
  await app.register(adminRoutes, { store, adminToken: config.adminToken });
  return app;
}
function readTls(tls) {
  const read = (file, name) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ConfigError([`${name}=${file} cannot be read (${err.code ?? err.message}); run "npm run certs" to write a self-signed pair into certs/, or point ${name} at a readable PEM file`]);
    }
  };
  return { cert: read(tls.certFile, "TLS_CERT_FILE"), key: read(tls.keyFile, "TLS_KEY_FILE") };
}

// src/server.ts
async function listen(app, config) {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    const code = err.code;
    if (code === "EADDRINUSE") throw new SetupError("LISTEN_EADDRINUSE", `port ${config.port} on ${config.host} is already in use (another receiver still running?); stop it or set PORT to a free port`, { cause: err });
    if (code === "EADDRNOTAVAIL") throw new SetupError("LISTEN_EADDRNOTAVAIL", `HOST ${config.host} is not an address of this machine; use 127.0.0.1 (behind a tunnel) or 0.0.0.0`, { cause: err });
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === "object" && addr !== null ? addr.port : config.port;
  const host = ["0.0.0.0", "::", ""].includes(config.host) ? "127.0.0.1" : config.host;
  return `${config.tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

// src/cli/open-store.ts
async function openCaptureStore(config, logger) {
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory, log: logger });
  const { records, skippedPartial, files } = store.stats;
  logger.info(
    { captureDir: config.captureDir, records, files, skippedPartial },
    `captures: ${records} earlier deliveries in ${config.captureDir}${skippedPartial ? `, ${skippedPartial} partial records skipped (torn by a crash; left in place)` : ""}; npm run captures -- list`
  );
  return store;
}

// src/cli/shutdown.ts
var SHUTDOWN_GRACE_MS = 1e4;
var DUPLICATE_WINDOW_MS = 1e3;
var LAUNCHER_POLL_MS = 200;
function untilSignal(close, o = {}) {
  const say = o.say ?? ((line) => {
    process.stderr.write(line + "\n");
  });
  const proc = o.proc ?? process;
  const now = o.now ?? Date.now;
  const window = o.duplicateWindowMs ?? DUPLICATE_WINDOW_MS;
  let started;
  let failed = false;
  let finish = (_code) => {
  };
  const done = new Promise((resolve) => {
    finish = resolve;
  });
  const begin = (cause, exitCode) => {
    started = { cause, at: now() };
    say(`${cause === "launcher ended" ? "the npm script that started this receiver has ended" : cause === "fatal error" ? "fatal error" : `${cause} received`}: no new connections; finishing in-flight deliveries and flushing captures (Ctrl-C again after a second to force the exit)`);
    const deadline = setTimeout(() => {
      say(`shutdown did not finish within ${o.graceMs ?? SHUTDOWN_GRACE_MS} ms (a slow disk or a delivery still being processed): exiting (exit 1)`);
      proc.exit(1);
    }, o.graceMs ?? SHUTDOWN_GRACE_MS);
    deadline.unref();
    close().then(() => {
      clearTimeout(deadline);
      stop();
      o.onClosed?.();
      finish(failed ? 1 : exitCode);
    }, (err) => {
      say(`shutdown error: ${err.message} (exit 1)`);
      proc.exit(1);
    });
  };
  const onSignal = (signal) => {
    if (!started) return begin(signal, 0);
    const sinceMs = now() - started.at;
    if (sinceMs < window) return say(`${signal} again after ${sinceMs} ms: the same request delivered twice (npm, the shell and the process group each pass it on); still closing gracefully`);
    if (signal === "SIGTERM") return say("SIGTERM again: already closing gracefully; Ctrl-C (SIGINT) forces the exit");
    say("second Ctrl-C: exiting now (exit 1); deliveries still in flight get no answer, WeChat will retry them");
    proc.exit(1);
  };
  const onInt = () => onSignal("SIGINT");
  const onTerm = () => onSignal("SIGTERM");
  const onFatal = (err) => {
    say(`fatal: ${err instanceof Error ? err.message : String(err)}`);
    failed = true;
    if (!started) begin("fatal error", 1);
  };
  proc.on("SIGINT", onInt);
  proc.on("SIGTERM", onTerm);
  proc.on("uncaughtException", onFatal);
  proc.on("unhandledRejection", onFatal);
  const poll = o.launcherAlive && setInterval(() => {
    if (!started && !o.launcherAlive()) begin("launcher ended", 0);
  }, o.launcherPollMs ?? LAUNCHER_POLL_MS);
  if (poll) poll.unref();
  function stop() {
    if (poll) clearInterval(poll);
    proc.off("SIGINT", onInt);
    proc.off("SIGTERM", onTerm);
    proc.off("uncaughtException", onFatal);
    proc.off("unhandledRejection", onFatal);
  }
  return done;
}
function launcherWatch(env, parentPid) {
  if (!env.npm_lifecycle_event || parentPid <= 1) return void 0;
  return () => {
    try {
      process.kill(parentPid, 0);
      return true;
    } catch (err) {
      return err.code === "EPERM";
    }
  };
}
function createSessionTally(events) {
  const byErrcode = /* @__PURE__ */ new Map();
  let total = 0;
  const onDelivery = (r) => {
    total++;
    const code = r.answer.body.errcode;
    byErrcode.set(code, (byErrcode.get(code) ?? 0) + 1);
  };
  events.on("delivery", onDelivery);
  return {
    get total() {
      return total;
    },
    byErrcode,
    summary() {
      if (total === 0) return "session: no deliveries received";
      const parts = [...byErrcode].sort(([a], [b]) => a - b).map(([code, n]) => `${n} answered errcode ${code}`);
      return `session: ${total} deliver${total === 1 ? "y" : "ies"} received (${parts.join(", ")})`;
    },
    stop() {
      events.off("delivery", onDelivery);
    }
  };
}

export {
  createLogger,
  startInspectorFor,
  MOCK_TESTS,
  testsFor,
  expectedDeliveries,
  expectedErrcodeOf,
  buildApp,
  listen,
  openCaptureStore,
  untilSignal,
  launcherWatch,
  createSessionTally
};
