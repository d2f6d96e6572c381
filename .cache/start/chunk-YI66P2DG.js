import {
  checkAnswer
} from "./chunk-MA225YI5.js";
import {
  NotificationError,
  TOKEN_PLACEHOLDER,
  checkSignature
} from "./chunk-UZATLX4B.js";
import {
  maskSecrets
} from "./chunk-QJB4YHH6.js";
import {
  finding,
  isMessageCode,
  render
} from "./chunk-GJAS6JHG.js";

// src/net/error-code.ts
function errorCode(err, depth = 0) {
  if (depth > 4 || typeof err !== "object" || err === null) return void 0;
  const e = err;
  if (typeof e.code === "string") return e.code;
  for (const inner of Array.isArray(e.errors) ? e.errors : []) {
    const c = errorCode(inner, depth + 1);
    if (c) return c;
  }
  return errorCode(e.cause, depth + 1);
}

// src/wechat/network-error.ts
var TIMEOUT_CODES = /* @__PURE__ */ new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT", "ETIMEDOUT"]);
var TLS_CODE_RE = /CERT|SELF_SIGNED|TLS|SSL|ERR_SSL/;
var HINTS = {
  ECONNREFUSED: "NET_ECONNREFUSED",
  ENOTFOUND: "NET_ENOTFOUND",
  EAI_AGAIN: "NET_EAI_AGAIN",
  ECONNRESET: "NET_ECONNRESET",
  EHOSTUNREACH: "NET_EHOSTUNREACH",
  ENETUNREACH: "NET_ENETUNREACH",
  UND_ERR_SOCKET: "NET_UND_ERR_SOCKET"
};
function describeNetworkError(err, timeoutMs) {
  const name = err?.name;
  const code = errorCode(err);
  const codeSuffix = code ? ` (${code})` : "";
  const failure = (kind, f, tls = false) => ({ kind, code, tls, finding: f, text: render(f) });
  if (name === "TimeoutError" || code !== void 0 && TIMEOUT_CODES.has(code)) {
    return failure("timeout", finding("NET_TIMEOUT", { timeoutMs, codeSuffix }));
  }
  const message = err instanceof Error ? err.message : String(err);
  if (code !== void 0 && TLS_CODE_RE.test(code)) return failure("unreachable", finding("NET_TLS", { code, detail: message }), true);
  const hint = code === void 0 ? void 0 : HINTS[code];
  return failure("unreachable", hint ? finding(hint) : finding("NET_OTHER", { detail: message, codeSuffix }));
}

// src/grade/explain.ts
function nameOf(errcode) {
  const code = `ERRCODE_${errcode}`;
  return isMessageCode(code) ? render({ code }) : "not a documented receiver code";
}
var SUCCESS_MISSED = {
  300: "GRADE_MISSED_300",
  298: "GRADE_MISSED_298",
  210: "GRADE_MISSED_210",
  299: "GRADE_MISSED_299"
};
function primaryErrcode(e) {
  const a = e.accept.find((x) => x.outcome === "PASS" && typeof x.errcode === "number") ?? e.accept.find((x) => typeof x.errcode === "number");
  return typeof a?.errcode === "number" ? a.errcode : void 0;
}
var acceptsSuccess = (e) => e.accept.some((a) => a.errcode === 0);
function failReason(e, status, answer, bodyHead) {
  const code = answer.errcode;
  if (code === void 0) {
    const want = primaryErrcode(e);
    const framework = /FST_ERR|"statusCode"\s*:/.test(bodyHead) || [400, 404, 405, 413, 415].includes(status);
    const what = answer.problems.some((p) => p.code === "ANSWER_NOT_JSON") ? "a body that is not JSON" : "no numeric errcode in its body";
    return finding(framework ? "GRADE_NO_ERRCODE_FRAMEWORK" : "GRADE_NO_ERRCODE", { status, what, want: want !== void 0 ? `: here {"errcode":${want}}` : "" });
  }
  if (code === 0) return e.why?.accepted ?? finding("GRADE_ACCEPTED", { expected: e.text });
  const specific = e.why?.errcode?.[code];
  if (specific) return specific;
  const missed = SUCCESS_MISSED[code];
  if (acceptsSuccess(e) && missed) return finding(missed);
  return e.why?.rejected ?? finding("GRADE_REJECTED", { errcode: code, name: nameOf(code), expected: e.text });
}
function networkReason(reply) {
  return finding(reply.timedOut ? "GRADE_TIMEOUT" : "GRADE_NO_ANSWER", { error: reply.error });
}

// src/grade/expectation.ts
var LARGE_BODY_BYTES = 64 * 1024;
function accepts0(o = {}) {
  return build([{ errcode: 0, outcome: o.outcome ?? "PASS", note: o.note }, ...o.also ?? []], o.echo, o.why);
}
function rejects(errcode, o = {}) {
  return build([{ errcode, outcome: "PASS" }, ...o.also ?? []], void 0, o.why);
}
function build(accept, echo, why) {
  return { text: describeAccept(accept), accept, echo, why };
}
function label(a) {
  if (a.httpStatus !== void 0) return `HTTP ${a.httpStatus}`;
  if (a.errcode === "any-rejection") return "any rejection";
  if (a.errcode === 0) return "errcode 0 + signed, encrypted data";
  return `errcode ${a.errcode} (${nameOf(a.errcode ?? -1)})`;
}
function describeAccept(accept) {
  const pass = accept.filter((a) => a.outcome === "PASS").map(label);
  const warn2 = accept.filter((a) => a.outcome === "WARN").map(label);
  const parts = [pass.join(" or ")];
  if (warn2.length > 0) parts.push(`${pass.length > 0 ? "also acceptable, with a warning: " : "acceptable, with a warning: "}${warn2.join(" or ")}`);
  return parts.filter(Boolean).join("; ");
}
function shortLabel(a) {
  if (a.httpStatus !== void 0) return String(a.httpStatus);
  if (a.errcode === "any-rejection") return "reject";
  return String(a.errcode);
}
function shortExpected(e) {
  const pass = e.accept.filter((a) => a.outcome === "PASS").map(shortLabel).join("/");
  const warn2 = e.accept.filter((a) => a.outcome === "WARN").map(shortLabel).join("/");
  return [pass, warn2 && `[${warn2}]`].filter(Boolean).join(" ");
}
function latitudeOf(i, bodyBytes = 0) {
  const signature = [];
  const format = [];
  const env = i.envelope;
  if (env?.signatureParam && env.signatureParam !== "msg_signature") signature.push(`the signature came in "${env.signatureParam}", not "msg_signature"`);
  if (env?.nonceParam && env.nonceParam !== "wxnontaxstr") signature.push(`the nonce came in "${env.nonceParam}", not "wxnontaxstr"`);
  const hexCase = i.signature?.warnings.find((w) => w.code === "SIG_HEX_CASE");
  if (hexCase) signature.push(`the signature hex is ${String(hexCase.params?.got)}`);
  const has = (...codes) => i.warnings.some((w) => codes.includes(w.code));
  if (has("WARN_TIMESTAMP_PAST", "WARN_TIMESTAMP_FUTURE", "WARN_TIMESTAMP_NOT_UNIX")) signature.push("the timestamp is far from now or not unix seconds");
  if (has("WARN_PARAM_IN_BODY")) signature.push("a signing parameter came in the body, not the query");
  if (env?.encryptField && env.encryptField !== "encrypt") format.push(`the ciphertext came in "${env.encryptField}", not "encrypt"`);
  if (env && env.format !== "json") format.push(`the body is ${env.format}, not JSON`);
  if (env && env.contentType === void 0) format.push("the delivery has no content-type");
  return { signature, format, large: bodyBytes > LARGE_BODY_BYTES };
}
function expectationFor(i, o = {}) {
  const lat = latitudeOf(i, o.bodyBytes);
  if (i.errcode === 0) {
    const echo = i.kind === "payment_notification" ? { order_id: i.payload?.order_id, status: i.payload?.status } : void 0;
    const notes = [...lat.signature, ...lat.format, ...lat.large ? [`the body is over ${LARGE_BODY_BYTES / 1024} KiB`] : []];
    if (notes.length === 0) return accepts0({ echo });
    const also2 = [];
    if (lat.signature.length > 0) also2.push({ errcode: 300, outcome: "PASS" });
    if (lat.format.length > 0 || lat.large) also2.push({ errcode: 210, outcome: "PASS" });
    if (lat.large) also2.push({ httpStatus: 413, outcome: "PASS" });
    return accepts0({ echo, outcome: "WARN", note: finding("NOTE_ACCEPTED_ALTHOUGH", { items: notes.join("; ") }), also: also2 });
  }
  const also = [];
  if (i.errcode === 300 && i.decryption && !i.decryption.ok) {
    also.push({ errcode: 298, outcome: "WARN", note: finding("NOTE_VERIFY_FIRST") });
  }
  if (i.reason === "CIPHERTEXT_NOT_BASE64") also.push({ errcode: 210, outcome: "WARN", note: finding("NOTE_NOT_BASE64_210") });
  if (i.reason === "CONTENT_TYPE_UNSUPPORTED") also.push({ errcode: 0, outcome: "WARN", note: finding("NOTE_SNIFFED_UNSUPPORTED") });
  if (i.reason === "BODY_EMPTY") also.push({ errcode: 300, outcome: "PASS" });
  if (i.errcode === 299) return build([{ errcode: "any-rejection", outcome: "WARN", note: finding("NOTE_NOT_GRADED_299") }, { errcode: 0, outcome: "WARN", note: finding("NOTE_NOT_GRADED_299") }]);
  return rejects(i.errcode, { also });
}
function expectationForTest(test, echo) {
  if (test === "crypto") return accepts0({ echo });
  return rejects(300, { why: { accepted: finding("WHY_SIGNATURE_TEST_ACCEPTED") } });
}

// src/grade/forensics.ts
import sjson from "secure-json-parse";
var clip = (s, n = 24) => s.length > n ? `${s.slice(0, n)}\u2026(${s.length})` : s;
function signatureLines(label2, c) {
  const lines = [`${label2}: expected ${c.expected ?? "-"}, received ${c.received ?? "(none)"}${c.param ? ` in "${c.param}"` : ""}`];
  if (c.parts) lines.push(`${label2} is ${c.algorithm ?? "computed"}: [${c.parts.map((s) => s === TOKEN_PLACEHOLDER ? s : clip(s)).join(", ")}]`);
  if (c.cause) lines.push(`${label2} likely cause: ${render(c.cause)}`);
  return lines;
}
function decryptionLine(label2, err) {
  if (err instanceof NotificationError) return `${label2}: ${err.reason}: ${err.message} ${JSON.stringify(err.details)}`;
  return `${label2}: ${err.message}`;
}
function answerForensics(bodyText, secrets, profile, sent = {}) {
  let a;
  try {
    a = sjson.parse(bodyText, void 0, { protoAction: "remove", constructorAction: "remove" });
  } catch {
    return [];
  }
  if (typeof a !== "object" || a === null || typeof a.data !== "string") return [];
  const lines = [];
  let decrypted = false;
  try {
    profile.decrypt(a.data, secrets);
    decrypted = true;
  } catch (err) {
    lines.push(decryptionLine("answer data", err));
  }
  const { timestamp, nonce, msg_signature: sig } = a;
  if (typeof timestamp !== "string" || typeof nonce !== "string" || typeof sig !== "string") return lines;
  const env = {
    format: "json",
    contentType: "application/json",
    encrypt: a.data,
    encryptField: "data",
    appid: void 0,
    signature: sig,
    signatureParam: "msg_signature",
    nonce,
    nonceParam: "nonce",
    timestamp,
    warnings: []
  };
  const check = checkSignature(env, secrets.token, profile);
  if (check.ok) return lines;
  check.cause = { code: decrypted ? "SIG_ANSWER_TOKEN_DIFFERS" : "SIG_ANSWER_SECRETS_DIFFER" };
  const variant = signedVariant(sig.toLowerCase(), { token: secrets.token, timestamp, nonce, data: a.data }, sent, profile);
  if (variant) check.cause = variant;
  return [...signatureLines("answer msg_signature", check), ...lines];
}
function signedVariant(sig, ans, sent, profile) {
  const tries = [];
  if (sent.encrypt) tries.push([{ code: "SIG_ANSWER_SIGNED_DELIVERY_CIPHERTEXT" }, { timestamp: ans.timestamp, nonce: ans.nonce, encrypt: sent.encrypt }]);
  if (sent.timestamp && sent.nonce) {
    tries.push([{ code: "SIG_ANSWER_SIGNED_DELIVERY_TS_NONCE" }, { timestamp: sent.timestamp, nonce: sent.nonce, encrypt: ans.data }]);
    if (sent.encrypt) tries.push([{ code: "SIG_ANSWER_COPIED_INPUTS" }, { timestamp: sent.timestamp, nonce: sent.nonce, encrypt: sent.encrypt }]);
  }
  for (const [cause, input] of tries) if (profile.sign({ token: ans.token, ...input }).toLowerCase() === sig) return cause;
  return void 0;
}
function referenceForensics(i, o = {}) {
  const lines = [];
  const sig = i.signature;
  const inputs = `${sig?.algorithm ?? "computed"}: [${(sig?.parts ?? []).map((s) => s === TOKEN_PLACEHOLDER ? s : clip(s)).join(", ")}]`;
  if (sig && !sig.ok && o.crafted) {
    lines.push(`delivery msg_signature: sent ${sig.received ?? "(none)"}${sig.param ? ` in "${sig.param}"` : ""}; the correct one is ${sig.expected ?? "-"}`);
    if (sig.parts) lines.push(`delivery msg_signature: a verifying handler computes ${inputs} and sees the mismatch`);
  } else if (sig && !sig.ok) {
    lines.push(...signatureLines("delivery msg_signature", sig));
  }
  if (sig?.ok) lines.push(`delivery msg_signature is valid (${inputs})`);
  const d = i.decryption;
  if (d && !d.ok) lines.push(`delivery ciphertext: ${d.reason}: ${d.message} ${JSON.stringify(d.details)}`);
  if (d?.ok) lines.push(`delivery ciphertext decrypts with check's key: ${d.cipherBytes} bytes, pad byte ${d.padByte}, message ${d.declaredLength} bytes, appid ${d.appid}`);
  if (i.errcode !== 0 && i.reason && !sig) lines.push(`delivery: ${i.reason}: ${i.message ?? ""}`);
  return lines;
}

// src/grade/grade.ts
function gradeReply(e, reply, ctx) {
  if (reply.kind === "error") {
    return { outcome: "FAIL", failure: "no-answer", expected: e.text, got: `no answer: ${reply.error}`, reason: networkReason(reply), notes: [], forensics: [] };
  }
  const text = reply.body.toString("utf8");
  const secrets = [ctx.secrets.token, ctx.secrets.encodingAESKey];
  const shown = maskSecrets(text, secrets);
  const answer = maskAnswer(checkAnswer(reply.status, text, ctx.secrets, ctx.profile), shown, secrets);
  const grade = { outcome: "PASS", expected: e.text, got: describeGot(reply.status, answer, shown), answer, notes: [], forensics: [] };
  const match = matchOf(e.accept, reply.status, answer.errcode);
  if (!match) {
    grade.outcome = "FAIL";
    grade.failure = "errcode";
    grade.reason = failReason(e, reply.status, answer, shown.slice(0, 200));
    return grade;
  }
  if (match.outcome === "WARN") warn(grade, match.note ?? finding("NOTE_LATITUDE"));
  if (match.httpStatus !== void 0) return grade;
  if (reply.status !== 200) warn(grade, finding("NOTE_HTTP_STATUS", { status: reply.status }));
  if (answer.errcode === 0) gradeSuccessAnswer(grade, answer, e, text, ctx);
  else if (answer.signatureOk !== null) warn(grade, finding("NOTE_REJECTION_WITH_DATA"));
  return grade;
}
function warn(g, note) {
  if (g.outcome === "PASS") g.outcome = "WARN";
  g.notes.push(note);
}
function matchOf(accept, status, errcode) {
  const byStatus = accept.find((a) => a.httpStatus === status);
  if (byStatus) return byStatus;
  if (errcode === void 0) return void 0;
  return accept.find((a) => a.errcode === errcode) ?? (errcode !== 0 ? accept.find((a) => a.errcode === "any-rejection") : void 0);
}
function gradeSuccessAnswer(g, answer, e, text, ctx) {
  const problems = answer.problems.filter((p) => p.code !== "ANSWER_HTTP_STATUS");
  if (answer.data !== void 0 && (typeof answer.data !== "object" || answer.data === null || Array.isArray(answer.data))) {
    problems.push(finding("ANSWER_DATA_NOT_OBJECT", { head: JSON.stringify(answer.data).slice(0, 60) }));
  }
  if (problems.length > 0) {
    g.outcome = "FAIL";
    g.failure = "answer";
    g.reason = finding("GRADE_ANSWER_UNUSABLE", { problems: problems.map((p) => render(p)).join("; ") });
    g.forensics.push(...answerForensics(text, ctx.secrets, ctx.profile, ctx.sent).map((l) => maskSecrets(l, [ctx.secrets.token, ctx.secrets.encodingAESKey])));
    return;
  }
  for (const w of answer.warnings) warn(g, w);
  if (!e.echo || answer.data === void 0) return;
  const data = answer.data;
  const off = Object.entries(e.echo).filter(([k, v]) => v !== void 0 && String(data[k]) !== String(v));
  if (off.length > 0) {
    warn(g, finding("NOTE_NO_ECHO", { data: JSON.stringify(data).slice(0, 100), missing: off.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ") }));
  }
}
function describeGot(status, a, text) {
  if (a.errcode === void 0) return `HTTP ${status}, no errcode: ${JSON.stringify(text.slice(0, 120))}`;
  const msg = a.errmsg === void 0 ? "" : ` ${JSON.stringify(a.errmsg.slice(0, 120))}`;
  const data = a.data !== void 0 ? `, data decrypts to ${JSON.stringify(a.data).slice(0, 100)}` : "";
  const sig = a.signatureOk === null ? "" : a.signatureOk ? ", answer signature valid" : ", answer signature INVALID";
  return `HTTP ${status}, errcode ${a.errcode}${msg}${data}${sig}`;
}
function shortGot(reply, g) {
  if (reply.kind === "error") return reply.timedOut ? "timeout" : reply.unreachable ? "unreachable" : "no answer";
  const a = g.answer;
  if (a?.errcode === void 0) return `HTTP ${reply.status}, no errcode`;
  const http = reply.status === 200 ? "" : ` (HTTP ${reply.status})`;
  if (a.errcode !== 0) return `${a.errcode}${http}`;
  const ok = a.signatureOk === true && a.problems.every((p) => p.code === "ANSWER_HTTP_STATUS");
  return `${ok ? "0+data" : "0, bad answer"}${http}`;
}
function maskAnswer(a, shown, secrets) {
  const m = (t) => maskSecrets(t, secrets);
  return {
    ...a,
    errmsg: a.errmsg === void 0 ? void 0 : m(a.errmsg),
    problems: a.problems.map((p) => p.code === "ANSWER_NOT_JSON" ? finding("ANSWER_NOT_JSON", { head: JSON.stringify(shown.slice(0, 120)) }) : maskParams(p, m)),
    data: a.data === void 0 ? void 0 : JSON.parse(m(JSON.stringify(a.data)))
  };
}
function maskParams(f, m) {
  if (!f.params) return f;
  return { code: f.code, params: Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, typeof v === "string" ? m(v) : v])) };
}

export {
  describeNetworkError,
  accepts0,
  rejects,
  build,
  shortExpected,
  expectationFor,
  expectationForTest,
  referenceForensics,
  gradeReply,
  shortGot
};
