import {
  ERRMSG,
  randomBytesPooled,
  signaturesEqual,
  unixSeconds
} from "./chunk-UZATLX4B.js";
import {
  finding
} from "./chunk-GJAS6JHG.js";

// src/net/raw-query.ts
function rawQueryOf(url) {
  const q = url.indexOf("?");
  return q < 0 ? "" : url.slice(q + 1);
}
function withQuery(target, rawQuery) {
  if (rawQuery === "") return target;
  const hash = target.indexOf("#");
  const base = hash >= 0 ? target.slice(0, hash) : target;
  return base + (base.includes("?") ? base.endsWith("?") || base.endsWith("&") ? "" : "&" : "?") + rawQuery;
}

// src/protocol/delivery.ts
import { randomBytes } from "node:crypto";
function newWxNontaxStr() {
  return randomBytes(8).toString("hex");
}
function buildDelivery(o) {
  const msg = typeof o.payload === "string" ? o.payload : JSON.stringify(o.payload);
  const ciphertext = o.profile.encrypt(msg, o.secrets, { random: o.random });
  const timestamp = unixSeconds(o.nowMs);
  const nonce = o.nonce ?? newWxNontaxStr();
  const appid = o.secrets.appid;
  const token = o.badSignature ? randomBytes(16).toString("hex") : o.secrets.token;
  const signature = o.profile.sign({ token, timestamp, nonce, encrypt: ciphertext, appid });
  return { ...o.profile.frame({ ciphertext, signature, timestamp, nonce, appid }), nonce };
}
function deliveryUrl(base, query) {
  const u = new URL(base);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}

// src/protocol/answer.ts
import sjson from "secure-json-parse";
function newNonce() {
  return randomBytesPooled(8).toString("hex");
}
function buildSuccessAnswer(answer, secrets, profile, nowMs, nonce = newNonce()) {
  const data = profile.encrypt(JSON.stringify(answer), secrets);
  const timestamp = unixSeconds(nowMs);
  return { errcode: 0, errmsg: ERRMSG[0], data, timestamp, nonce, msg_signature: profile.sign({ token: secrets.token, timestamp, nonce, encrypt: data }) };
}
function buildFailureAnswer(errcode, errmsg) {
  return { errcode, errmsg };
}
function checkAnswer(httpStatus, body, secrets, profile) {
  const out = { httpStatus, errcode: void 0, errmsg: void 0, signatureOk: null, data: void 0, problems: [], warnings: [] };
  if (httpStatus !== 200) out.problems.push(finding("ANSWER_HTTP_STATUS", { status: httpStatus }));
  let parsed;
  try {
    parsed = sjson.parse(body, void 0, { protoAction: "remove", constructorAction: "remove" });
  } catch {
    out.problems.push(finding("ANSWER_NOT_JSON", { head: JSON.stringify(body.slice(0, 120)) }));
    return out;
  }
  if (typeof parsed !== "object" || parsed === null) {
    out.problems.push(finding("ANSWER_NOT_OBJECT"));
    return out;
  }
  const a = parsed;
  if (typeof a.errcode === "number") out.errcode = a.errcode;
  else out.problems.push(finding("ANSWER_NO_ERRCODE", { got: JSON.stringify(a.errcode) ?? "nothing" }));
  if (typeof a.errmsg === "string") out.errmsg = a.errmsg;
  if (typeof a.data !== "string") {
    if (out.errcode === 0) out.problems.push(finding("ANSWER_NO_DATA"));
    return out;
  }
  const { timestamp, nonce } = a;
  const sig = a.msg_signature;
  if (typeof timestamp !== "string" || typeof nonce !== "string" || typeof sig !== "string") {
    out.signatureOk = false;
    out.problems.push(finding("ANSWER_DATA_UNSIGNED"));
  } else {
    const expected = profile.sign({ token: secrets.token, timestamp, nonce, encrypt: a.data });
    const hex = profile.descriptor.signature.encoding !== "base64";
    out.signatureOk = signaturesEqual(expected, sig) || hex && signaturesEqual(expected.toLowerCase(), sig.toLowerCase());
    const lower = expected === expected.toLowerCase();
    if (!out.signatureOk) out.problems.push(finding("ANSWER_SIGNATURE_MISMATCH"));
    else if (sig !== expected) out.warnings.push(finding("ANSWER_SIGNATURE_HEX_CASE", { got: lower ? "upper-case" : "lower-case", emits: lower ? "lower-case" : "upper-case" }));
  }
  try {
    const plain = profile.decrypt(a.data, secrets).msg;
    try {
      out.data = JSON.parse(plain);
    } catch {
      out.problems.push(finding("ANSWER_DATA_NOT_JSON", { head: plain.slice(0, 120) }));
    }
  } catch (err) {
    out.problems.push(finding("ANSWER_DATA_NOT_DECRYPTED", { detail: err.message }));
  }
  return out;
}

export {
  rawQueryOf,
  withQuery,
  buildSuccessAnswer,
  buildFailureAnswer,
  checkAnswer,
  newWxNontaxStr,
  buildDelivery,
  deliveryUrl
};
