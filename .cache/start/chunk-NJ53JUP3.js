import {
  describeNetworkError
} from "./chunk-YI66P2DG.js";
import {
  finding,
  render
} from "./chunk-GJAS6JHG.js";

// src/net/send-request.ts
import { request } from "undici";
var DEFAULT_TIMEOUT_MS = 5e3;
var UNREACHABLE = {
  ECONNREFUSED: "SEND_ECONNREFUSED",
  ENOTFOUND: "SEND_ENOTFOUND",
  EAI_AGAIN: "SEND_EAI_AGAIN",
  EHOSTUNREACH: "SEND_EHOSTUNREACH",
  ENETUNREACH: "SEND_ENETUNREACH"
};
var CLOSED = { ECONNRESET: "SEND_ECONNRESET", EPIPE: "SEND_EPIPE", UND_ERR_SOCKET: "SEND_UND_ERR_SOCKET" };
async function sendRequest(url, o) {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(o.timeoutMs);
  try {
    const res = await request(url, {
      method: o.method,
      headers: o.headers,
      body: o.body.length > 0 || o.method !== "GET" ? o.body : void 0,
      signal,
      dispatcher: o.dispatcher
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    return { kind: "answer", status: res.statusCode, headers: flattenHeaders(res.headers), body, durationMs: elapsed() };
  } catch (err) {
    return { kind: "error", ...describeSendError(err, url, o.timeoutMs, signal.aborted), durationMs: elapsed() };
  }
}
function describeSendError(err, url, timeoutMs, timedOut = false) {
  const failure = describeNetworkError(err, timeoutMs);
  const code = failure.code;
  const u = new URL(url);
  const out = (f, unreachable2, timeout = false) => ({ error: render(f), finding: f, unreachable: unreachable2, timedOut: timeout });
  if (timedOut || failure.kind === "timeout") return out(finding("SEND_TIMEOUT", { timeoutMs, url: `${u.origin}${u.pathname}` }), false, true);
  const unreachable = code === void 0 ? void 0 : UNREACHABLE[code];
  if (unreachable) return out(finding(unreachable, { origin: u.origin }), true);
  const closed = code === void 0 ? void 0 : CLOSED[code];
  if (closed) return out(finding(closed), false);
  if (failure.tls) return out(finding("SEND_TLS", { code, origin: u.origin }), true);
  return out(finding("SEND_OTHER", { codePrefix: code ? `${code}: ` : "", detail: err?.message ?? String(err) }), false);
}
function notSent(first) {
  const f = finding("SEND_NOT_SENT", { first: first.error });
  return { error: render(f), finding: f, unreachable: true, timedOut: false };
}
var HOP_HEADERS = /* @__PURE__ */ new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "trailer", "te", "content-length"]);
function flattenHeaders(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) if (v !== void 0 && !HOP_HEADERS.has(k)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export {
  DEFAULT_TIMEOUT_MS,
  sendRequest,
  notSent
};
