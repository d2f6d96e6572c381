import {
  buildDelivery,
  checkAnswer,
  rawQueryOf,
  withQuery
} from "./chunk-MA225YI5.js";
import {
  bodyBytes
} from "./chunk-SYNFUKYE.js";
import {
  SIGNATURE_PARAMS,
  inspectDelivery
} from "./chunk-UZATLX4B.js";
import {
  render,
  renderWarning
} from "./chunk-GJAS6JHG.js";

// src/capture/recorded-request.ts
var NOT_REPLAYED = /* @__PURE__ */ new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "proxy-connection",
  "accept-encoding",
  "forwarded",
  "via",
  "x-real-ip"
]);
function replayHeaders(r) {
  const out = {};
  for (const [name, v] of Object.entries(r.headers)) {
    const k = name.toLowerCase();
    if (NOT_REPLAYED.has(k) || k.startsWith("x-forwarded-")) continue;
    const value = Array.isArray(v) ? v.join(", ") : v;
    if (value === "[redacted]") continue;
    out[k] = value;
  }
  return out;
}
function rawQuery(r) {
  return rawQueryOf(r.url);
}
function targetUrl(r, to, query = rawQuery(r)) {
  let base;
  if (to === void 0) {
    const proto = String(r.headers["x-forwarded-proto"] ?? "http").split(",")[0]?.trim() || "http";
    base = `${proto}://${String(r.headers.host ?? "127.0.0.1")}${r.path}`;
  } else {
    const u = new URL(to);
    const hasPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(to);
    base = `${u.origin}${hasPath ? u.pathname : r.path}${u.search}`;
  }
  return withQuery(base, query);
}
function outgoingRequest(r, to, query = rawQuery(r), body = bodyBytes(r.body)) {
  const bodyless = r.method === "GET" || r.method === "HEAD";
  return { method: r.method, url: targetUrl(r, to, query), headers: replayHeaders(r), body: bodyless ? void 0 : body };
}

// src/capture/tamper.ts
var TAMPERS = ["signature", "body", "timestamp", "appid"];
var TamperError = class extends Error {
  name = "TamperError";
};
function applyTamper(kind, r) {
  const query = rawQuery(r);
  const body = bodyBytes(r.body);
  switch (kind) {
    case "signature": {
      const name = r.inspection.envelope?.signatureParam ?? SIGNATURE_PARAMS.find((p) => queryValue(query, p) !== void 0) ?? "msg_signature";
      const v = queryValue(query, name);
      if (!v) throw new TamperError(`the recorded request has no "${name}" query parameter to tamper with; try --tamper body`);
      const i = Math.max(0, [...v].findIndex((c) => /[0-9a-f]/i.test(c)));
      const from = v[i] ?? "";
      const to = from === "0" ? "1" : "0";
      return {
        query: setQueryValue(query, name, v.slice(0, i) + to + v.slice(i + 1)),
        body,
        change: `${name}: character ${i + 1} changed "${from}" \u2192 "${to}"`,
        expect: "errcode 300: the signature no longer matches",
        expectErrcode: 300
      };
    }
    case "timestamp": {
      const v = queryValue(query, "timestamp");
      if (v === void 0) throw new TamperError('the recorded request has no "timestamp" query parameter to tamper with');
      const next = /^\d{1,15}$/.test(v) ? String(Number(v) + 1) : `${v}1`;
      return {
        query: setQueryValue(query, "timestamp", next),
        body,
        change: `timestamp: ${v} \u2192 ${next}`,
        expect: "errcode 300: the timestamp is signed, so the signature no longer matches",
        expectErrcode: 300
      };
    }
    case "body": {
      const { text, at, from, to } = flipCiphertextChar(r);
      return {
        query,
        body: Buffer.from(text, "utf8"),
        change: `ciphertext: one base64 character changed at body offset ${at} ("${from}" \u2192 "${to}"), still valid base64 of the same length`,
        expect: "errcode 300: the signature covers the ciphertext",
        expectErrcode: 300
      };
    }
    case "appid": {
      const { text, from, to } = changeEnvelopeAppid(r);
      return {
        query,
        body: Buffer.from(text, "utf8"),
        change: `envelope appid: "${from}" \u2192 "${to}" (the ciphertext still carries the original appid)`,
        expect: "errcode 0, ideally with a warning: msg_signature does not cover the envelope appid and the decrypted appid is the one that counts; a handler that trusts the envelope appid instead is what this reveals",
        expectErrcode: 0
      };
    }
  }
}
function bodyText(r, what) {
  if (r.body.encoding !== "utf8") throw new TamperError(`the recorded body is not UTF-8 text, so its ${what} cannot be located`);
  return r.body.text;
}
function flipCiphertextChar(r) {
  const cipher = r.inspection.envelope?.encrypt;
  if (!cipher) throw new TamperError("the recorded delivery has no ciphertext (its envelope did not parse); --tamper body needs one");
  const text = bodyText(r, "ciphertext");
  const W = 4;
  for (let d = 0; d < cipher.length; d++) {
    const i = Math.floor(cipher.length / 2) + (d % 2 === 0 ? d / 2 : -(d + 1) / 2);
    const window = cipher.slice(i - W, i + W + 1);
    if (i - W < 0 || window.length !== 2 * W + 1 || !/^[A-Za-z0-9]+$/.test(window)) continue;
    const pos = text.indexOf(window);
    if (pos === -1) continue;
    const at = pos + W;
    const from = text[at] ?? "";
    const to = from === "A" ? "B" : "A";
    return { text: text.slice(0, at) + to + text.slice(at + 1), at, from, to };
  }
  throw new TamperError("could not locate the ciphertext in the recorded body");
}
var APPID_PATTERNS = [
  /("(?:appid|AppId)"\s*:\s*")([^"\\]*)(")/,
  /((?:^|&)appid=)([^&]*)()/,
  /(<(?:appid|AppId|ToUserName)>(?:<!\[CDATA\[)?)([^<\]]*)()/
];
function changeEnvelopeAppid(r) {
  const text = bodyText(r, "appid field");
  for (const re of APPID_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const from = m[2] ?? "";
    const last = from.at(-1);
    const to = from === "" ? "wx0000000000000000" : from.slice(0, -1) + (last === "0" ? "1" : "0");
    const start = m.index + (m[1] ?? "").length;
    return { text: text.slice(0, start) + to + text.slice(start + from.length), from, to };
  }
  throw new TamperError('the recorded body has no envelope "appid" field to change');
}
function queryValue(query, name) {
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    const k = eq === -1 ? part : part.slice(0, eq);
    if (safeDecode(k) === name) return safeDecode(eq === -1 ? "" : part.slice(eq + 1));
  }
  return void 0;
}
function setQueryValue(query, name, value) {
  let done = false;
  return query.split("&").map((part) => {
    const eq = part.indexOf("=");
    const k = eq === -1 ? part : part.slice(0, eq);
    if (done || safeDecode(k) !== name) return part;
    done = true;
    return `${k}=${encodeURIComponent(value)}`;
  }).join("&");
}
function safeDecode(s) {
  try {
    return decodeURIComponent(s.replaceAll("+", " "));
  } catch {
    return s;
  }
}

// src/cli/captures-replay.ts
import { request } from "undici";

// src/capture/compare-answers.ts
function compareAnswers(original, replay2, secrets, profile) {
  const originalText = JSON.stringify(original.body);
  const sameStatus = original.status === replay2.status;
  const check = checkAnswer(replay2.status, replay2.text, secrets, profile);
  const base = { sameStatus, originalErrcode: original.body.errcode, replayErrcode: check.errcode, sameData: void 0 };
  if (sameStatus && replay2.text === originalText) {
    return { ...base, byteIdentical: true, summary: "byte-identical to the recorded answer" };
  }
  const statusNote = sameStatus ? "" : ` (HTTP ${original.status} \u2192 ${replay2.status})`;
  if (check.errcode !== original.body.errcode) {
    return { ...base, byteIdentical: false, summary: `different answer: errcode ${original.body.errcode} \u2192 ${check.errcode ?? "none"}${statusNote}` };
  }
  if (check.errcode !== 0 || original.body.data === void 0) {
    return { ...base, byteIdentical: false, summary: `same errcode ${check.errcode}${statusNote}, but the bytes differ (errmsg or fields changed)` };
  }
  const recorded = checkAnswer(original.status, originalText, secrets, profile);
  const decrypted = recorded.data !== void 0 && check.data !== void 0;
  if (!decrypted) {
    return {
      ...base,
      byteIdentical: false,
      summary: `same errcode 0${statusNote}; the bytes differ because a success answer carries a fresh nonce, timestamp and ciphertext each time, and its data does not decrypt with the current secrets, so only errcode and errmsg were compared`
    };
  }
  const sameData = JSON.stringify(recorded.data) === JSON.stringify(check.data);
  return {
    ...base,
    byteIdentical: false,
    sameData,
    summary: sameData ? `same errcode 0 and the same decrypted data${statusNote}; the bytes differ only because a success answer carries a fresh nonce, timestamp and ciphertext each time` : `same errcode 0${statusNote}, but the decrypted data differs: ${JSON.stringify(recorded.data)} \u2192 ${JSON.stringify(check.data)}`
  };
}

// src/cli/captures-replay.ts
var REPLAY_TIMEOUT_MS = 15e3;
var ReplayError = class extends Error {
  name = "ReplayError";
};
async function replay(r, to, tamper, secrets, profile, dispatcher) {
  const tampered = tamper ? applyTamper(tamper, r) : void 0;
  const req = outgoingRequest(r, to, tampered?.query, tampered?.body);
  let status;
  let text;
  try {
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher,
      headersTimeout: REPLAY_TIMEOUT_MS,
      bodyTimeout: REPLAY_TIMEOUT_MS
    });
    status = res.statusCode;
    text = Buffer.from(await res.body.arrayBuffer()).toString("utf8");
  } catch (err) {
    const e = err;
    throw new ReplayError(`could not send to ${new URL(req.url).origin}: ${e.code ?? e.name} ${e.message}; is the receiver running there, and is --to the right URL?`);
  }
  return { request: req, tampered, status, text, comparison: compareAnswers(r.answer, { status, text }, secrets, profile) };
}
function replayText(r, o) {
  const lines = [`replay ${r.id} \u2192 ${o.request.method} ${o.request.url}`];
  if (o.tampered) lines.push(`tamper      ${o.tampered.change}`, `expect      ${o.tampered.expect}`);
  lines.push(
    `original    HTTP ${r.answer.status}  ${JSON.stringify(r.answer.body)}`,
    `replayed    HTTP ${o.status}  ${o.text}`
  );
  if (o.tampered) {
    const got = o.comparison.replayErrcode;
    lines.push(`result      ${got === o.tampered.expectErrcode ? `as expected (errcode ${got})` : `errcode ${got ?? "none"}, expected ${o.tampered.expectErrcode}`}`);
  } else {
    lines.push(`compared    ${o.comparison.summary}`);
  }
  return lines.join("\n");
}
function replayMatches(o) {
  if (o.tampered) return o.comparison.replayErrcode === o.tampered.expectErrcode;
  const c = o.comparison;
  return c.byteIdentical || c.sameStatus && c.replayErrcode === c.originalErrcode && c.sameData !== false;
}

// src/cli/captures-format.ts
function shortTime(iso) {
  return iso.replace("T", " ").replace(/\.\d+Z$/, "Z");
}
function sigWord(i) {
  return i.signature === void 0 ? "-" : i.signature.ok ? "ok" : "bad";
}
function decryptWord(i) {
  return i.decryption === void 0 ? "-" : i.decryption.ok ? "ok" : "failed";
}
function orderOf(r) {
  const p = r.inspection.payload;
  return p?.order_id === void 0 ? "-" : `${String(p.order_id)}/${String(p.status)}`;
}
function listLine(r) {
  return [
    shortTime(r.receivedAt),
    r.id,
    r.wxnontaxstr ?? "-",
    r.test.padEnd(9),
    `errcode=${String(r.answer.body.errcode).padEnd(3)}`,
    `sig=${sigWord(r.inspection).padEnd(3)}`,
    `decrypt=${decryptWord(r.inspection).padEnd(6)}`,
    `order=${orderOf(r)}`,
    r.duplicateOf ? `duplicate-of=${r.duplicateOf}` : ""
  ].join("  ").trimEnd();
}
var LIST_HEADER = "received              id                      wxnontaxstr       test       answer       verdict bits";
var indent = (text, pad = "  ") => text.split("\n").map((l) => pad + l).join("\n");
function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
var TEST_NAMES = {
  crypto: "crypto (correctly signed and encrypted: WeChat's encryption test)",
  signature: "signature (decrypts, signature wrong: WeChat's signature test)",
  other: "other"
};
function showText(r) {
  const i = r.inspection;
  const out = [];
  const section = (title, ...lines) => out.push("", title, ...lines);
  out.push(`capture ${r.id}`);
  out.push(`  received   ${r.receivedAt} from ${r.remoteAddress}, answered in ${r.durationMs} ms`);
  out.push(`  request    ${r.method} ${r.url}`);
  out.push(`  nonce      wxnontaxstr ${r.wxnontaxstr ?? "(none)"}`);
  out.push(`  test       ${TEST_NAMES[r.test]}`);
  if (r.duplicateOf) out.push(`  duplicate  of ${r.duplicateOf} (same order_id + status; answered 0 again, must not be applied twice)`);
  section("headers", ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join(", ") : v}`));
  section(`body (${r.body.bytes} bytes, ${r.body.encoding}, sha256 ${r.body.sha256})`, indent(r.body.text || "(empty)"));
  if (i.envelope) {
    const e = i.envelope;
    section(
      "envelope",
      `  format ${e.format}, content-type ${e.contentType ?? "(none)"}, ciphertext from "${e.encryptField}" (${e.encrypt.length} chars)`,
      `  appid ${e.appid ?? "(none)"}, signature from ${e.signatureParam ?? "(none)"}, nonce from ${e.nonceParam ?? "(none)"}, timestamp ${e.timestamp ?? "(none)"}`
    );
  }
  if (i.signature) {
    const s = i.signature;
    section(
      `signature  ${s.ok ? "ok" : `FAILED (${s.reason ?? "unknown"})`}`,
      ...s.cause ? [`  cause     ${render(s.cause)}`] : [],
      `  received  ${s.received ?? "(none)"}`,
      `  expected  ${s.expected ?? "(not computed)"}`,
      ...s.hashed ? [`  hashed    ${s.hashed}`, `  by        ${s.algorithm ?? ""}`] : []
    );
  }
  if (i.decryption) {
    const d = i.decryption;
    section(
      d.ok ? "decryption ok" : `decryption FAILED (${d.reason})`,
      d.ok ? `  appid ${d.appid}, ${d.cipherBytes} cipher bytes, pad byte ${d.padByte}, message ${d.declaredLength} bytes` : `  ${d.message}`
    );
    if (d.ok) section("plaintext", indent(pretty(d.plaintext)));
  }
  section(`answer (HTTP ${r.answer.status})`, indent(JSON.stringify(r.answer.body, null, 2)));
  section(`verdict    errcode ${i.errcode}${i.reason ? ` ${i.reason}: ${i.message ?? ""}` : " (accepted)"}`);
  if (i.warnings.length > 0) section("warnings", ...i.warnings.map((w) => `  - ${renderWarning(w)}`));
  if (r.forwarded !== void 0) section("forwarded to your handler", indent(JSON.stringify(r.forwarded, null, 2)));
  return out.join("\n");
}

// src/cli/captures-verify.ts
function reinspect(r, s, profile) {
  return inspectDelivery(
    { body: bodyBytes(r.body), contentType: r.contentType, query: r.query, headers: r.headers },
    { secrets: s.secrets, profile, nowMs: Date.parse(r.receivedAt) }
  );
}
function failure(i) {
  return i.reason ? `${i.reason}: ${i.message ?? ""}` : "accepted";
}
function explainChange(before, after, s) {
  const from = before.errcode;
  const to = after.errcode;
  const tokenSrc = s.origins.token;
  const keySrc = s.origins.aesKey;
  if (from === to) return to === 0 ? "no change: errcode 0 both times; these secrets decode it" : `no change: errcode ${to} both times (${after.reason ?? "same failure"})`;
  const head = `${from} \u2192 ${to}: `;
  if (to === 0) {
    const why = [];
    if (before.signature?.ok !== true) why.push(`the ${tokenSrc} matches the signature`);
    if (before.decryption?.ok !== true) why.push(`the ${keySrc} decrypts it`);
    return head + (why.join(" and ") || "these secrets decode it");
  }
  if (to === 298) return `${head}the ${keySrc} does not decrypt it`;
  if (to === 300 && after.reason === "SIGNATURE_MISMATCH") return `${head}the ${tokenSrc} does not match the signature`;
  return `${head}${after.reason ?? "failed"}`;
}
var step = (before, after, reason) => `${before} \u2192 ${after}${reason ? ` (${reason})` : ""}`;
function verifyText(r, after, s) {
  const before = r.inspection;
  const lines = [
    `verify ${r.id} (wxnontaxstr ${r.wxnontaxstr ?? "-"}, received ${r.receivedAt})`,
    `secrets     ${s.sources.token}; ${s.sources.aesKey}; ${s.sources.appid}`,
    `recorded    errcode ${before.errcode}  ${failure(before)}`,
    `now         errcode ${after.errcode}  ${failure(after)}`,
    `change      ${explainChange(before, after, s)}`,
    `signature   ${step(sigWord(before), sigWord(after), after.signature?.ok === false ? after.signature.reason : void 0)}`,
    `decryption  ${step(decryptWord(before), decryptWord(after), after.decryption?.ok === false ? after.decryption.reason : void 0)}`
  ];
  if (after.decryption?.ok) {
    let shown = after.decryption.plaintext;
    try {
      shown = JSON.stringify(JSON.parse(shown), null, 2);
    } catch {
    }
    lines.push("plaintext", ...shown.split("\n").map((l) => `  ${l}`));
  }
  if (after.warnings.length > 0) lines.push("warnings", ...after.warnings.map((w) => `  - ${renderWarning(w)}`));
  return lines.join("\n");
}

// src/capture/export.ts
function shellQuote(s) {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}
var INLINE_SAFE = /^[\x20-\x26\x28-\x7e]*$/;
function toCurl(req) {
  const parts = ["curl -sS"];
  if (req.method !== "POST" || req.body === void 0) parts.push(`-X ${shellQuote(req.method)}`);
  parts.push(shellQuote(req.url));
  for (const [k, v] of Object.entries(req.headers)) parts.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  if (req.body === void 0) return parts.join(" \\\n  ");
  if (req.headers["content-type"] === void 0) parts.push(`-H ${shellQuote("Content-Type:")}`);
  parts.push(`-H ${shellQuote("Expect:")}`);
  const text = req.body.toString("utf8");
  const inline = Buffer.from(text, "utf8").equals(req.body) && INLINE_SAFE.test(text) && !text.startsWith("@");
  if (inline) return [...parts, `--data-binary ${shellQuote(text)}`].join(" \\\n  ");
  return `printf %s ${shellQuote(req.body.toString("base64"))} | base64 -d | ${[...parts, "--data-binary @-"].join(" \\\n  ")}`;
}
function toHar(r, req, creator) {
  const url = new URL(req.url);
  const queryString = [...url.searchParams].map(([name, value]) => ({ name, value }));
  const answerText = JSON.stringify(r.answer.body);
  const postData = req.body === void 0 ? void 0 : r.body.encoding === "utf8" ? { mimeType: r.contentType ?? "", text: r.body.text } : { mimeType: r.contentType ?? "", text: r.body.text, _encoding: "base64" };
  const headers = Object.entries(req.headers).map(([name, value]) => ({ name, value }));
  if (r.headers.host !== void 0) headers.unshift({ name: "host", value: String(r.headers.host) });
  return {
    log: {
      version: "1.2",
      creator,
      entries: [{
        startedDateTime: r.receivedAt,
        time: r.durationMs,
        comment: `capture ${r.id}${r.wxnontaxstr ? ` (wxnontaxstr ${r.wxnontaxstr})` : ""} from ${r.remoteAddress}`,
        request: {
          method: req.method,
          url: req.url,
          httpVersion: "HTTP/1.1",
          cookies: [],
          headers,
          queryString,
          ...postData ? { postData } : {},
          headersSize: -1,
          bodySize: req.body?.length ?? 0
        },
        response: {
          status: r.answer.status,
          statusText: r.answer.status === 200 ? "OK" : "",
          httpVersion: "HTTP/1.1",
          cookies: [],
          headers: [{ name: "content-type", value: "application/json; charset=utf-8" }],
          content: { size: Buffer.byteLength(answerText), mimeType: "application/json; charset=utf-8", text: answerText },
          redirectURL: "",
          headersSize: -1,
          bodySize: Buffer.byteLength(answerText)
        },
        cache: {},
        timings: { send: 0, wait: r.durationMs, receive: 0 }
      }]
    }
  };
}

// src/inspector/edit.ts
import { request as request2 } from "undici";
var EDIT_TIMEOUT_MS = 15e3;
var FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var REQUEST_ERRORS = /* @__PURE__ */ new Set([
  "INSPECTOR_BAD_TARGET",
  "INSPECTOR_BAD_TAMPER",
  "INSPECTOR_BAD_EDIT",
  "INSPECTOR_NOTHING_TO_CHANGE",
  "INSPECTOR_SET_SYNTAX",
  "INSPECTOR_NOT_A_NUMBER",
  "INSPECTOR_BAD_TOKEN",
  "INSPECTOR_BAD_AES_KEY",
  "INSPECTOR_BAD_APPID"
]);
var EditError = class extends Error {
  name = "EditError";
  finding;
  constructor(finding) {
    super(finding.code);
    this.finding = finding;
  }
};
function parseSet(text) {
  const eq = text.indexOf("=");
  const name = eq === -1 ? text : text.slice(0, eq);
  if (eq === -1 || !FIELD_NAME.test(name)) throw new EditError({ code: "INSPECTOR_SET_SYNTAX", params: { text } });
  return [name, text.slice(eq + 1)];
}
function editPlaintext(r, edits) {
  const d = r.inspection.decryption;
  if (!d?.ok) throw new EditError({ code: "INSPECTOR_NOT_DECRYPTED", params: { id: r.id } });
  let payload;
  try {
    payload = JSON.parse(d.plaintext);
  } catch {
    payload = void 0;
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw new EditError({ code: "INSPECTOR_PLAINTEXT_NOT_OBJECT", params: { id: r.id } });
  const out = { ...payload };
  for (const [name, value] of edits) {
    if (!FIELD_NAME.test(name)) throw new EditError({ code: "INSPECTOR_SET_SYNTAX", params: { text: `${name}=${value}` } });
    if (typeof out[name] === "number") {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw new EditError({ code: "INSPECTOR_NOT_A_NUMBER", params: { name, value } });
      out[name] = n;
    } else {
      out[name] = value;
    }
  }
  return { plaintext: JSON.stringify(out), payload: out };
}
async function sendEdited(r, edits, to, o) {
  const { plaintext } = editPlaintext(r, edits);
  const d = buildDelivery({ payload: plaintext, secrets: o.secrets, profile: o.profile, nowMs: o.nowMs });
  const query = Object.entries(d.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const req = { method: "POST", url: targetUrl(r, to, query), headers: { "content-type": d.contentType }, body: d.body };
  try {
    const res = await request2(req.url, {
      method: "POST",
      headers: req.headers,
      body: req.body,
      dispatcher: o.dispatcher,
      headersTimeout: EDIT_TIMEOUT_MS,
      bodyTimeout: EDIT_TIMEOUT_MS
    });
    const text = await res.body.text();
    return { request: req, plaintext, status: res.statusCode, text, answer: checkAnswer(res.statusCode, text, o.secrets, o.profile) };
  } catch (err) {
    const e = err;
    throw new EditError({ code: "INSPECTOR_SEND_FAILED", params: { origin: new URL(req.url).origin, cause: `${e.code ?? e.name} ${e.message}` } });
  }
}

export {
  toCurl,
  toHar,
  outgoingRequest,
  TAMPERS,
  TamperError,
  ReplayError,
  replay,
  replayText,
  replayMatches,
  REQUEST_ERRORS,
  EditError,
  parseSet,
  sendEdited,
  listLine,
  LIST_HEADER,
  showText,
  reinspect,
  explainChange,
  verifyText
};
