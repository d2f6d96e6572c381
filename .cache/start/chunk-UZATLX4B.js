import {
  ConfigError,
  en,
  finding,
  render
} from "./chunk-GJAS6JHG.js";

// src/protocol/envelope.ts
import sjson from "secure-json-parse";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// src/protocol/errors.ts
var ERRCODE = {
  OK: 0,
  FORMAT: 210,
  DECRYPT: 298,
  SYSTEM: 299,
  SIGNATURE: 300
};
var ERRMSG = {
  0: en.ERRCODE_0,
  210: en.ERRCODE_210,
  298: en.ERRCODE_298,
  299: en.ERRCODE_299,
  300: en.ERRCODE_300
};
var REASON_ERRCODE = {
  BODY_EMPTY: 210,
  CONTENT_TYPE_UNSUPPORTED: 210,
  ENVELOPE_UNPARSEABLE: 210,
  ENVELOPE_NO_CIPHERTEXT: 210,
  PAYLOAD_NOT_UTF8: 210,
  PAYLOAD_NOT_JSON_OBJECT: 210,
  SIGNATURE_MISSING: 300,
  SIGNATURE_MISMATCH: 300,
  TIMESTAMP_MISSING: 300,
  NONCE_MISSING: 300,
  CIPHERTEXT_NOT_BASE64: 298,
  CIPHERTEXT_LENGTH: 298,
  PADDING_INVALID: 298,
  DECLARED_LENGTH_INVALID: 298,
  APPID_MISMATCH: 298,
  AUTH_TAG_INVALID: 298,
  RECORD_FAILED: 299,
  INTERNAL: 299
};
var NotificationError = class extends Error {
  name = "NotificationError";
  errcode;
  reason;
  details;
  constructor(reason, message, details = {}) {
    super(message);
    this.reason = reason;
    this.details = details;
    this.errcode = REASON_ERRCODE[reason];
  }
};

// src/protocol/envelope.ts
var CIPHERTEXT_FIELDS = ["encrypt", "Encrypt", "data"];
var SIGNATURE_PARAMS = ["msg_signature", "signature", "sig"];
var NONCE_PARAMS = ["wxnontaxstr", "nonce"];
var TIMESTAMP_PARAMS = ["timestamp"];
var xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, processEntities: false });
function parseEnvelope(input) {
  const warnings = [];
  if (input.body.length === 0) throw new NotificationError("BODY_EMPTY", 'request body is empty: a delivery carries {"appid","encrypt"}');
  const format = formatOf(input.contentType, input.body, warnings);
  const fields = parseFields(format, input.body);
  const encryptHit = pick(fields, CIPHERTEXT_FIELDS, "WARN_BODY_NONCANONICAL", warnings);
  if (encryptHit === void 0) {
    throw new NotificationError(
      "ENVELOPE_NO_CIPHERTEXT",
      `${format} body has no ciphertext field (looked for ${CIPHERTEXT_FIELDS.join(", ")}; found ${Object.keys(fields).join(", ") || "none"})`,
      { fields: Object.keys(fields) }
    );
  }
  const query = flattenQuery(input.query, warnings);
  const sig = pickParam(query, fields, SIGNATURE_PARAMS, warnings);
  const nonce = pickParam(query, fields, NONCE_PARAMS, warnings);
  const ts = pickParam(query, fields, TIMESTAMP_PARAMS, warnings);
  return {
    format,
    contentType: input.contentType,
    encrypt: encryptHit.value,
    encryptField: encryptHit.name,
    appid: fields.appid ?? fields.AppId ?? fields.ToUserName,
    signature: sig?.value,
    signatureParam: sig?.name,
    nonce: nonce?.value,
    nonceParam: nonce?.name,
    timestamp: ts?.value,
    warnings
  };
}
function formatOf(contentType, body, warnings) {
  const mime = contentType?.split(";")[0]?.trim().toLowerCase();
  if (mime === "application/json" || mime?.endsWith("+json")) return "json";
  if (mime === "application/x-www-form-urlencoded") return "form";
  if (mime === "text/xml" || mime === "application/xml") return "xml";
  if (mime) {
    throw new NotificationError(
      "CONTENT_TYPE_UNSUPPORTED",
      `content-type "${mime}" is not supported: WeChat sends application/json (also accepted: form-urlencoded, XML)`,
      { contentType }
    );
  }
  const first2 = body.toString("utf8", 0, Math.min(body.length, 64)).trimStart()[0];
  const sniffed = first2 === "{" ? "json" : first2 === "<" ? "xml" : "form";
  warnings.push(finding("WARN_NO_CONTENT_TYPE", { format: sniffed }));
  return sniffed;
}
function parseFields(format, body) {
  const text = body.toString("utf8");
  try {
    if (format === "form") return Object.fromEntries(new URLSearchParams(text));
    if (format === "json") return stringFields(sjson.parse(text, void 0, { protoAction: "remove", constructorAction: "remove" }), "JSON");
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
    const doc = xml.parse(text);
    const root = typeof doc === "object" && doc !== null ? doc.xml : void 0;
    return stringFields(root, "XML <xml> root");
  } catch (err) {
    if (err instanceof NotificationError) throw err;
    throw new NotificationError(
      "ENVELOPE_UNPARSEABLE",
      `${format} body does not parse: ${err.message}`,
      { format, head: text.slice(0, 80) }
    );
  }
}
function stringFields(v, what) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new NotificationError("ENVELOPE_UNPARSEABLE", `${what} is not an object of fields (got ${Array.isArray(v) ? "array" : typeof v})`);
  }
  const out = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === "string") out[k] = val;
    else if (typeof val === "number" || typeof val === "boolean") out[k] = String(val);
  }
  return out;
}
function flattenQuery(query, warnings) {
  const out = {};
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) {
      warnings.push(finding("WARN_QUERY_REPEATED", { name: k, count: v.length }));
      if (v[0] !== void 0) out[k] = v[0];
    } else if (v !== void 0) out[k] = v;
  }
  return out;
}
function pick(src, names, where, warnings) {
  for (const name of names) {
    const value = src[name];
    if (value === void 0) continue;
    if (name !== names[0]) warnings.push(finding(where, { name, canonical: names[0] }));
    return { name, value };
  }
  return void 0;
}
function pickParam(query, body, names, warnings) {
  const fromQuery = pick(query, names, "WARN_QUERY_NONCANONICAL", warnings);
  if (fromQuery) return fromQuery;
  const fromBody = pick(body, names, "WARN_BODY_NONCANONICAL", warnings);
  if (fromBody) warnings.push(finding("WARN_PARAM_IN_BODY", { name: fromBody.name }));
  return fromBody;
}

// src/profiles/cipher-engine.ts
import { createCipheriv, createDecipheriv } from "node:crypto";

// src/protocol/random.ts
import { randomFillSync } from "node:crypto";
var POOL_BYTES = 4096;
var pool = Buffer.allocUnsafe(POOL_BYTES);
var offset = POOL_BYTES;
function randomBytesPooled(n) {
  if (n > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(n));
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
}

// src/protocol/cipher.ts
var PAD_BLOCK_BYTES = 32;
var RANDOM_BYTES = 16;
var HEADER_BYTES = RANDOM_BYTES + 4;
var BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
var ENCODING_AES_KEY_RE = /^[A-Za-z0-9]{43}$/;
function pad(buf, block = PAD_BLOCK_BYTES, padByte) {
  const n = block - buf.length % block;
  return Buffer.concat([buf, Buffer.alloc(n, padByte ?? n)]);
}
function frameWx(msg, appid, random = randomBytesPooled(RANDOM_BYTES)) {
  const body = Buffer.from(msg, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([random, len, body, Buffer.from(appid, "utf8")]);
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
function unpad(plain, block, cipherBytes) {
  const padByte = plain[plain.length - 1] ?? 0;
  if (padByte < 1 || padByte > block) {
    throw new NotificationError(
      "PADDING_INVALID",
      `pad byte is ${padByte}, expected 1..${block}: the key is probably not the one the sender used`,
      { cipherBytes, padByte }
    );
  }
  return { content: plain.subarray(0, plain.length - padByte), padByte };
}
function unframeWx(content, expectedAppid, cipherBytes, padByte) {
  const available = content.length - HEADER_BYTES;
  const declaredLength = content.length >= HEADER_BYTES ? content.readUInt32BE(RANDOM_BYTES) : -1;
  if (available < 0 || declaredLength > available) {
    throw new NotificationError(
      "DECLARED_LENGTH_INVALID",
      `declared message length ${declaredLength} bytes exceeds the ${Math.max(available, 0)} bytes available: wrong EncodingAESKey, or truncated ciphertext`,
      { cipherBytes, padByte, declaredLength, available: Math.max(available, 0) }
    );
  }
  const msgBytes = content.subarray(HEADER_BYTES, HEADER_BYTES + declaredLength);
  const appidBytes = content.subarray(HEADER_BYTES + declaredLength);
  const appid = appidBytes.toString("utf8");
  if (appid !== expectedAppid) {
    const shown = /^[\x20-\x7e]*$/.test(appid) ? `"${appid}",` : `${appidBytes.length} unprintable bytes (hex ${appidBytes.subarray(0, 24).toString("hex")}), so the key is probably wrong,`;
    throw new NotificationError(
      "APPID_MISMATCH",
      `appid inside the ciphertext is ${shown} expected "${expectedAppid}": the message was encrypted for another account, or WECHAT_APPID is wrong`,
      { cipherBytes, padByte, declaredLength, appidFound: /^[\x20-\x7e]*$/.test(appid) ? appid : `hex:${appidBytes.toString("hex")}`, appidExpected: expectedAppid }
    );
  }
  return { msg: decodeUtf8(msgBytes, declaredLength), appid, random: content.subarray(0, RANDOM_BYTES), cipherBytes, padByte, declaredLength };
}
function decodeUtf8(bytes, declaredLength) {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new NotificationError(
      "PAYLOAD_NOT_UTF8",
      "decrypted message is not valid UTF-8",
      { declaredLength, hex: bytes.subarray(0, 64).toString("hex") }
    );
  }
}
function checkBase64(encrypt, blockMultiple = true) {
  if (encrypt.includes(" ") && BASE64_RE.test(encrypt.replaceAll(" ", "+"))) {
    throw new NotificationError(
      "CIPHERTEXT_NOT_BASE64",
      'ciphertext contains spaces where base64 has "+": it was form-encoded without escaping "+" (send %2B, or JSON)',
      { length: encrypt.length }
    );
  }
  if (encrypt.length === 0 || encrypt.length % 4 !== 0 || !BASE64_RE.test(encrypt)) {
    const bad = [...encrypt].findIndex((c, i) => !/[A-Za-z0-9+/=]/.test(c) || c === "=" && i < encrypt.length - 2);
    throw new NotificationError(
      "CIPHERTEXT_NOT_BASE64",
      bad >= 0 ? `ciphertext is not base64: character ${JSON.stringify(encrypt[bad])} at offset ${bad}` : `ciphertext is not base64: length ${encrypt.length} is not a positive multiple of 4`,
      { length: encrypt.length, offset: bad }
    );
  }
  const bytes = Buffer.from(encrypt, "base64");
  if (blockMultiple && bytes.length % 16 !== 0) {
    throw new NotificationError(
      "CIPHERTEXT_LENGTH",
      `ciphertext is ${bytes.length} bytes, not a multiple of the 16-byte AES block: it was truncated or altered`,
      { cipherBytes: bytes.length }
    );
  }
  return bytes;
}

// src/profiles/cipher-engine.ts
var GCM_IV = 12;
var GCM_TAG = 16;
function ivFor(c, key) {
  if (c.mode === "aes-256-ecb") return null;
  if (c.iv === "key") return key.subarray(0, 16);
  return randomBytesPooled(c.mode === "aes-256-gcm" ? GCM_IV : 16);
}
function encryptWith(c, key, msg, appid, o = {}) {
  const framed = c.framing === "random-len-msg-appid" ? frameWx(msg, appid, o.random) : Buffer.from(msg, "utf8");
  const iv = ivFor(c, key);
  if (c.mode === "aes-256-gcm") {
    const g = createCipheriv("aes-256-gcm", key, iv);
    const body2 = Buffer.concat([g.update(framed), g.final()]);
    return Buffer.concat([iv, body2, g.getAuthTag()]).toString("base64");
  }
  const cipher = createCipheriv(c.mode, key, iv).setAutoPadding(false);
  const body = Buffer.concat([cipher.update(pad(framed, c.padBlock, o.padByte)), cipher.final()]);
  return (c.iv === "prefix" && iv ? Buffer.concat([iv, body]) : body).toString("base64");
}
function openBytes(c, key, bytes) {
  if (c.mode === "aes-256-gcm") {
    if (bytes.length < GCM_IV + GCM_TAG) {
      throw new NotificationError("CIPHERTEXT_LENGTH", `ciphertext is ${bytes.length} bytes, shorter than a GCM nonce (12) and tag (16)`, { cipherBytes: bytes.length });
    }
    const d2 = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, GCM_IV));
    d2.setAuthTag(bytes.subarray(bytes.length - GCM_TAG));
    try {
      return { plain: Buffer.concat([d2.update(bytes.subarray(GCM_IV, bytes.length - GCM_TAG)), d2.final()]), padByte: 0 };
    } catch {
      throw new NotificationError("AUTH_TAG_INVALID", "the AES-256-GCM tag does not verify: the key is not the one the sender used, or the ciphertext was altered", { cipherBytes: bytes.length });
    }
  }
  const prefixed = c.iv === "prefix";
  if (prefixed && bytes.length < 32) {
    throw new NotificationError("CIPHERTEXT_LENGTH", `ciphertext is ${bytes.length} bytes: too short for a 16-byte IV and one block`, { cipherBytes: bytes.length });
  }
  const iv = c.mode === "aes-256-ecb" ? null : prefixed ? bytes.subarray(0, 16) : key.subarray(0, 16);
  const d = createDecipheriv(c.mode, key, iv).setAutoPadding(false);
  const body = prefixed ? bytes.subarray(16) : bytes;
  const plain = Buffer.concat([d.update(body), d.final()]);
  return { plain, padByte: unpad(plain, c.padBlock, bytes.length).padByte };
}
function decryptWith(c, key, text, expectedAppid) {
  const bytes = checkBase64(text, c.mode !== "aes-256-gcm");
  const { plain, padByte } = openBytes(c, key, bytes);
  const content = c.mode === "aes-256-gcm" ? plain : plain.subarray(0, plain.length - padByte);
  if (c.framing === "random-len-msg-appid") return unframeWx(content, expectedAppid, bytes.length, padByte);
  return { msg: decodeUtf8(content, content.length), appid: "", random: Buffer.alloc(0), cipherBytes: bytes.length, padByte, declaredLength: content.length };
}
function describeCipher(c) {
  const key = { "base64+=": 'base64 of the key + "="', ascii: "the key's 32 bytes as they are", hex: "the key read as hex", base64: "the key read as base64", "md5-hex": "the MD5 hex of the key" }[c.key.as];
  const from = c.key.from === "aesKey" ? "EncodingAESKey" : "Token";
  const iv = c.mode === "aes-256-ecb" ? "" : c.iv === "key" ? ", IV = first 16 key bytes" : ", IV before the ciphertext";
  const padding = c.mode === "aes-256-gcm" ? ", tag after the ciphertext" : `, PKCS#7 to ${c.padBlock} bytes`;
  const framing = c.framing === "msg" ? "the message alone" : "random(16) \u2016 length \u2016 message \u2016 appid";
  return `${c.mode.toUpperCase()} with ${key} (${from})${iv}${padding}; plaintext is ${framing}`;
}

// src/profiles/descriptor.ts
import { z } from "zod";
var location = z.object({
  in: z.enum(["query", "body", "header"]),
  name: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, "a field name is letters, digits, _ . - (starting with a letter)")
}).strict();
var secretRef = z.enum(["aesKey", "token"]);
var KEY_FORMS = ["base64+=", "ascii", "hex", "base64", "md5-hex"];
var SIGNED_VALUES = ["token", "timestamp", "nonce", "ciphertext", "appid"];
var descriptorSchema = z.object({
  name: z.string().optional(),
  body: z.enum(["json", "form", "xml"]),
  fields: z.object({
    ciphertext: location,
    signature: location,
    timestamp: location.optional(),
    nonce: location.optional(),
    appid: location.optional()
  }).strict(),
  cipher: z.object({
    mode: z.enum(["aes-256-cbc", "aes-256-ecb", "aes-256-gcm"]),
    key: z.object({ from: secretRef, as: z.enum(KEY_FORMS) }).strict(),
    iv: z.enum(["key", "prefix", "none"]),
    /** PKCS#7 block; wxbizmsgcrypt pads to 32. Ignored for GCM (no padding). */
    padBlock: z.union([z.literal(16), z.literal(32)]).default(16),
    framing: z.enum(["random-len-msg-appid", "msg"])
  }).strict(),
  signature: z.object({
    alg: z.enum(["sha1", "sha256", "md5", "hmac-sha256", "hmac-sha1"]),
    /** The HMAC key, and the trailing `&key=` of a k=v string: always NONTAX_TOKEN. */
    key: z.literal("token").default("token"),
    over: z.array(z.enum(SIGNED_VALUES)).min(1),
    order: z.enum(["sorted", "fixed"]),
    join: z.enum(["concat", "kv"]),
    encoding: z.enum(["hex", "HEX", "base64"])
  }).strict(),
  /** The answer: JSON {errcode, errmsg, data, timestamp, nonce, msg_signature}, data encrypted and signed as above. */
  answer: z.enum(["errcode-json"]).default("errcode-json")
}).strict().superRefine((d, ctx) => {
  const bad = (message, path) => ctx.addIssue({ code: "custom", message, path });
  const { mode, iv } = d.cipher;
  if (mode === "aes-256-ecb" && iv !== "none") bad('AES-256-ECB has no IV: use "iv": "none"', ["cipher", "iv"]);
  if (mode === "aes-256-cbc" && iv === "none") bad('AES-256-CBC needs an IV: "key" (the first 16 key bytes) or "prefix"', ["cipher", "iv"]);
  if (mode === "aes-256-gcm" && iv !== "prefix") bad('AES-256-GCM needs a fresh nonce per message: use "iv": "prefix" (12 bytes before the ciphertext, tag after)', ["cipher", "iv"]);
  const s = d.signature;
  for (const v of s.over) {
    if ((v === "timestamp" || v === "nonce" || v === "appid") && d.fields[v] === void 0) bad(`the signature covers ${v}, so fields.${v} must say where it travels`, ["signature", "over"]);
  }
  if (s.join === "kv" && s.over.includes("token")) bad('a k=v signature appends "&key=<secret>"; leave "token" out of "over"', ["signature", "over"]);
  if (new Set(s.over).size !== s.over.length) bad("a value is listed twice in signature.over", ["signature", "over"]);
});
function descriptorString(d) {
  const { name: _name, ...rest } = d;
  const f = rest.fields;
  const fields = Object.fromEntries(["ciphertext", "signature", "timestamp", "nonce", "appid"].flatMap((k) => f[k] ? [[k, { in: f[k].in, name: f[k].name }]] : []));
  const c = rest.cipher;
  const s = rest.signature;
  return JSON.stringify({
    body: rest.body,
    fields,
    cipher: { mode: c.mode, key: { from: c.key.from, as: c.key.as }, iv: c.iv, padBlock: c.padBlock, framing: c.framing },
    // Sorted values have no order of their own: list them canonically, so equal profiles print equal.
    signature: { alg: s.alg, key: s.key, over: s.order === "sorted" ? [...s.over].sort((x, y) => SIGNED_VALUES.indexOf(x) - SIGNED_VALUES.indexOf(y)) : s.over, order: s.order, join: s.join, encoding: s.encoding },
    answer: rest.answer
  });
}
function sameDescriptor(a, b) {
  return descriptorString(a) === descriptorString(b);
}

// src/profiles/keys.ts
import { createHash } from "node:crypto";
function keyProblem(secret, form) {
  switch (form) {
    case "base64+=":
      return /^[A-Za-z0-9+/]{43}$/.test(secret) ? void 0 : `must be 43 base64 characters (an EncodingAESKey); got ${secret.length} characters`;
    case "ascii":
      return Buffer.byteLength(secret, "utf8") === 32 ? void 0 : `must be 32 bytes used as they are; got ${Buffer.byteLength(secret, "utf8")}`;
    case "hex":
      return /^[0-9a-fA-F]{64}$/.test(secret) ? void 0 : `must be 64 hex characters; got ${secret.length} characters`;
    case "base64":
      return /^[A-Za-z0-9+/]{43}=$/.test(secret) ? void 0 : 'must be base64 of 32 bytes (44 characters ending in "=")';
    case "md5-hex":
      return secret.length > 0 ? void 0 : "must not be empty";
  }
}
function deriveKey(secret, form) {
  const problem = keyProblem(secret, form);
  if (problem !== void 0) throw new TypeError(`the key ${problem}`);
  switch (form) {
    case "base64+=":
      return Buffer.from(secret + "=", "base64");
    case "ascii":
      return Buffer.from(secret, "utf8");
    case "hex":
      return Buffer.from(secret, "hex");
    case "base64":
      return Buffer.from(secret, "base64");
    // Pay v2's req_info key: the lower-case MD5 hex of the API key, its 32 characters as bytes.
    case "md5-hex":
      return Buffer.from(createHash("md5").update(secret, "utf8").digest("hex"), "latin1");
  }
}
function usableForms(secret, forms) {
  return forms.filter((f) => keyProblem(secret, f) === void 0);
}

// src/profiles/named.ts
var wxQuery = {
  signature: { in: "query", name: "msg_signature" },
  timestamp: { in: "query", name: "timestamp" },
  nonce: { in: "query", name: "wxnontaxstr" }
};
var wxCipher = { mode: "aes-256-cbc", key: { from: "aesKey", as: "base64+=" }, iv: "key", padBlock: 32, framing: "random-len-msg-appid" };
var wxSignature = { alg: "sha1", key: "token", over: ["token", "timestamp", "nonce", "ciphertext"], order: "sorted", join: "concat", encoding: "hex" };
var NAMED = {
  // S3: WeChat's published message encryption, in a JSON envelope.
  wxbizmsgcrypt: {
    family: "S3",
    body: "json",
    fields: { ciphertext: { in: "body", name: "encrypt" }, ...wxQuery, appid: { in: "body", name: "appid" } },
    cipher: wxCipher,
    signature: wxSignature
  },
  // S4: the same, in the XML envelope official accounts receive.
  "wxbizmsgcrypt-xml": {
    family: "S4",
    body: "xml",
    fields: { ciphertext: { in: "body", name: "Encrypt" }, ...wxQuery, appid: { in: "body", name: "ToUserName" } },
    cipher: wxCipher,
    signature: wxSignature
  },
  // S1: nontax-native JSON with a `data` field; HMAC over timestamp, nonce and data.
  "nontax-data-hmac": {
    family: "S1",
    body: "json",
    fields: {
      ciphertext: { in: "body", name: "data" },
      signature: { in: "body", name: "signature" },
      timestamp: { in: "body", name: "timestamp" },
      nonce: { in: "body", name: "nonce" },
      appid: { in: "body", name: "appid" }
    },
    cipher: { mode: "aes-256-cbc", key: { from: "aesKey", as: "base64+=" }, iv: "prefix", padBlock: 16, framing: "msg" },
    signature: { alg: "hmac-sha256", key: "token", over: ["timestamp", "nonce", "ciphertext"], order: "fixed", join: "concat", encoding: "hex" }
  },
  // S1: `data` in the body, SHA-256 over the sorted token, timestamp, nonce and data, signature in the query as `sig`.
  "nontax-data-sha256": {
    family: "S1",
    body: "json",
    fields: {
      ciphertext: { in: "body", name: "data" },
      signature: { in: "query", name: "sig" },
      timestamp: { in: "query", name: "timestamp" },
      nonce: { in: "query", name: "wxnontaxstr" },
      appid: { in: "body", name: "appid" }
    },
    cipher: { mode: "aes-256-cbc", key: { from: "aesKey", as: "base64+=" }, iv: "key", padBlock: 16, framing: "msg" },
    signature: { alg: "sha256", key: "token", over: ["token", "timestamp", "nonce", "ciphertext"], order: "sorted", join: "concat", encoding: "hex" }
  },
  // S5: WeChat Pay v2 style: sorted k=v&…&key=KEY, MD5 upper hex; req_info AES-256-ECB under md5-hex of the key.
  "payv2-md5": {
    family: "S5",
    body: "json",
    fields: {
      ciphertext: { in: "body", name: "req_info" },
      signature: { in: "body", name: "sign" },
      timestamp: { in: "body", name: "timestamp" },
      nonce: { in: "body", name: "nonce_str" },
      appid: { in: "body", name: "appid" }
    },
    cipher: { mode: "aes-256-ecb", key: { from: "aesKey", as: "md5-hex" }, iv: "none", padBlock: 16, framing: "msg" },
    signature: { alg: "md5", key: "token", over: ["appid", "nonce", "timestamp", "ciphertext"], order: "sorted", join: "kv", encoding: "HEX" }
  },
  // S5 with HMAC-SHA256 instead of MD5 (Pay v2's sign_type=HMAC-SHA256).
  "payv2-hmac": {
    family: "S5",
    body: "json",
    fields: {
      ciphertext: { in: "body", name: "req_info" },
      signature: { in: "body", name: "sign" },
      timestamp: { in: "body", name: "timestamp" },
      nonce: { in: "body", name: "nonce_str" },
      appid: { in: "body", name: "appid" }
    },
    cipher: { mode: "aes-256-ecb", key: { from: "aesKey", as: "md5-hex" }, iv: "none", padBlock: 16, framing: "msg" },
    signature: { alg: "hmac-sha256", key: "token", over: ["appid", "nonce", "timestamp", "ciphertext"], order: "sorted", join: "kv", encoding: "HEX" }
  },
  // S6: AES-256-GCM (nonce before, tag after the ciphertext), HMAC-SHA256 base64 in headers.
  "gcm-headers": {
    family: "S6",
    body: "json",
    fields: {
      ciphertext: { in: "body", name: "data" },
      signature: { in: "header", name: "x-wechat-signature" },
      timestamp: { in: "header", name: "x-wechat-timestamp" },
      nonce: { in: "header", name: "x-wechat-nonce" },
      appid: { in: "body", name: "appid" }
    },
    cipher: { mode: "aes-256-gcm", key: { from: "aesKey", as: "base64+=" }, iv: "prefix", padBlock: 16, framing: "msg" },
    signature: { alg: "hmac-sha256", key: "token", over: ["timestamp", "nonce", "ciphertext"], order: "fixed", join: "concat", encoding: "base64" }
  }
};
var DEFAULT_PROFILE = "wxbizmsgcrypt";
function namedProfileNames() {
  return Object.keys(NAMED);
}
function namedDescriptor(name) {
  const n = NAMED[name];
  if (n === void 0) return void 0;
  const { family: _family, ...input } = n;
  return descriptorSchema.parse({ ...input, name });
}
function namedDescriptors() {
  return namedProfileNames().map((n) => namedDescriptor(n));
}

// src/profiles/signer.ts
import { createHash as createHash2, createHmac } from "node:crypto";
function valueOf(v, i) {
  if (v === "ciphertext") return i.encrypt;
  if (v === "appid") return i.appid ?? "";
  return i[v];
}
function wireName(v, fields) {
  if (v === "token") return "token";
  return (v === "ciphertext" ? fields.ciphertext : fields[v])?.name ?? v;
}
function signedString(sig, fields, input) {
  const secret = input.token;
  if (sig.join === "kv") {
    const pairs = sig.over.map((v) => [wireName(v, fields), valueOf(v, input)]).filter(([, value]) => value !== "");
    if (sig.order === "sorted") pairs.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    const parts2 = pairs.map(([k, v]) => `${k}=${v}`);
    return { parts: parts2, joined: `${parts2.join("&")}&key=${secret}`, key: secret };
  }
  const parts = sig.over.map((v) => valueOf(v, input));
  if (sig.order === "sorted") parts.sort();
  return { parts, joined: parts.join(""), key: sig.alg.startsWith("hmac-") ? secret : void 0 };
}
function digest(alg, joined, key) {
  if (alg === "hmac-sha256" || alg === "hmac-sha1") return createHmac(alg.slice(5), key ?? "").update(joined, "utf8").digest();
  return createHash2(alg).update(joined, "utf8").digest();
}
function encodeDigest(bytes, encoding) {
  if (encoding === "base64") return bytes.toString("base64");
  const hex = bytes.toString("hex");
  return encoding === "HEX" ? hex.toUpperCase() : hex;
}
function describeSignature(sig, fields) {
  const alg = { sha1: "SHA-1", sha256: "SHA-256", md5: "MD5", "hmac-sha256": "HMAC-SHA256", "hmac-sha1": "HMAC-SHA1" }[sig.alg];
  const names = sig.over.map((v) => v === "token" ? "token" : wireName(v, fields));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}` : names.join("");
  const enc = { hex: "lower-case hex", HEX: "upper-case hex", base64: "base64" }[sig.encoding];
  const keyed = sig.alg.startsWith("hmac-") ? " keyed with the Token" : "";
  if (sig.join === "kv") return `${alg}${keyed} over ${sig.order === "sorted" ? "the sorted" : "the"} ${list} as k=v&\u2026&key=<Token>, ${enc}`;
  return `${alg}${keyed} over ${sig.order === "sorted" ? "the sorted" : "the concatenated"} ${list}, ${enc}`;
}

// src/profiles/wire.ts
import sjson2 from "secure-json-parse";
import { XMLParser as XMLParser2, XMLValidator as XMLValidator2 } from "fast-xml-parser";
var xml2 = new XMLParser2({ ignoreAttributes: true, parseTagValue: false, trimValues: false, processEntities: false });
function bodyFields(format, body) {
  const text = body.toString("utf8");
  try {
    if (format === "form") return Object.fromEntries(new URLSearchParams(text));
    if (format === "json") return scalars(sjson2.parse(text, void 0, { protoAction: "remove", constructorAction: "remove" }));
    const valid = XMLValidator2.validate(text);
    if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
    const doc = xml2.parse(text);
    return scalars(doc.xml ?? Object.values(doc)[0]);
  } catch (err) {
    throw new NotificationError("ENVELOPE_UNPARSEABLE", `the body is not ${format.toUpperCase()} of fields: ${err.message}`);
  }
}
function scalars(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("not an object of fields");
  const out = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === "string") out[k] = val;
    else if (typeof val === "number" || typeof val === "boolean") out[k] = String(val);
  }
  return out;
}
function first(v) {
  return Array.isArray(v) ? v[0] : v;
}
function valueAt(loc, s) {
  if (loc === void 0) return void 0;
  if (loc.in === "query") return first(s.query[loc.name]);
  if (loc.in === "header") return first(s.headers[loc.name.toLowerCase()]);
  return s.body[loc.name];
}
function readEnvelope(d, input) {
  if (input.body.length === 0) throw new NotificationError("BODY_EMPTY", `request body is empty: this profile expects a ${d.body.toUpperCase()} body`);
  const s = { query: input.query, headers: input.headers ?? {}, body: bodyFields(d.body, input.body) };
  const f = d.fields;
  const encrypt = valueAt(f.ciphertext, s);
  if (encrypt === void 0) {
    throw new NotificationError("ENVELOPE_NO_CIPHERTEXT", `no ciphertext in ${f.ciphertext.in} field "${f.ciphertext.name}" (body fields: ${Object.keys(s.body).join(", ") || "none"})`, { fields: Object.keys(s.body) });
  }
  return {
    format: d.body,
    contentType: input.contentType,
    encrypt,
    encryptField: f.ciphertext.name,
    appid: valueAt(f.appid, s),
    signature: valueAt(f.signature, s),
    signatureParam: f.signature.name,
    nonce: valueAt(f.nonce, s),
    nonceParam: f.nonce?.name,
    timestamp: valueAt(f.timestamp, s),
    warnings: []
  };
}
var CONTENT_TYPE = { json: "application/json", form: "application/x-www-form-urlencoded", xml: "text/xml" };
function frameWire(d, v) {
  const query = {};
  const headers = {};
  const body = [];
  const put = (loc, value) => {
    if (loc === void 0 || value === void 0) return;
    if (loc.in === "query") query[loc.name] = value;
    else if (loc.in === "header") headers[loc.name.toLowerCase()] = value;
    else body.push([loc.name, value]);
  };
  const f = d.fields;
  put(f.nonce, v.nonce);
  put(f.timestamp, v.timestamp);
  put(f.appid, v.appid);
  put(f.ciphertext, v.ciphertext);
  put(f.signature, v.signature);
  return { query, headers, contentType: CONTENT_TYPE[d.body], body: Buffer.from(serializeBody(d.body, body)) };
}
function serializeBody(format, fields) {
  if (format === "json") return JSON.stringify(Object.fromEntries(fields));
  if (format === "form") return new URLSearchParams(fields).toString();
  return `<xml>${fields.map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`).join("")}</xml>`;
}

// src/profiles/create.ts
var SECRET_VAR = { aesKey: "NONTAX_ENCODING_AES_KEY", token: "NONTAX_TOKEN" };
function nameOf(d) {
  return namedDescriptors().find((n) => sameDescriptor(n, d))?.name;
}
var TOLERANT = /* @__PURE__ */ new Set(["wxbizmsgcrypt", "wxbizmsgcrypt-xml"]);
function createProfile(d) {
  const named = nameOf(d);
  const name = named ?? d.name ?? "custom";
  const words = { cipher: describeCipher(d.cipher), signature: describeSignature(d.signature, d.fields) };
  let cached;
  const keyFor = (s) => {
    const secret = d.cipher.key.from === "aesKey" ? s.encodingAESKey : s.token;
    if (cached?.secret !== secret) cached = { secret, key: deriveKey(secret, d.cipher.key.as) };
    return cached.key;
  };
  const base = (input) => signedString(d.signature, d.fields, input);
  return {
    name,
    id: named ?? descriptorString(d),
    descriptor: d,
    assumption: `WeChat does not publish the nontax callback crypto; assuming the ${name} profile (docs/PROTOCOL.md \xA7${named === "wxbizmsgcrypt" ? "4" : "6"}): ${words.cipher}; signature ${words.signature}`,
    words,
    encrypt: (msg, s, o) => encryptWith(d.cipher, keyFor(s), msg, s.appid, Buffer.isBuffer(o) ? { random: o } : o ?? {}),
    decrypt: (text, s) => decryptWith(d.cipher, keyFor(s), text, s.appid),
    sign: (input) => {
      const b = base(input);
      return encodeDigest(digest(d.signature.alg, b.joined, b.key), d.signature.encoding);
    },
    signatureBase: base,
    signs: (v) => d.signature.over.includes(v),
    readEnvelope: named !== void 0 && TOLERANT.has(named) ? parseEnvelope : (input) => readEnvelope(d, input),
    frame: (values) => frameWire(d, values),
    secretProblems: (s) => {
      const from = d.cipher.key.from;
      const problem = keyProblem(from === "aesKey" ? s.encodingAESKey : s.token, d.cipher.key.as);
      return problem === void 0 ? [] : [`${SECRET_VAR[from]} ${problem}, as the ${name} profile reads it (${d.cipher.key.as})`];
    }
  };
}

// src/config.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { z as z2 } from "zod";

// src/profiles/config.ts
import { randomBytes } from "node:crypto";

// src/profiles/resolve.ts
import { readFileSync } from "node:fs";
function parseProfileSetting(value, variable = "NONTAX_PROFILE", read = (p) => readFileSync(p, "utf8")) {
  const v = value?.trim() ?? "";
  if (v === "") return { ok: true, descriptor: namedDescriptor(DEFAULT_PROFILE) };
  let text = v;
  if (v.startsWith("@")) {
    try {
      text = read(v.slice(1)).trim();
    } catch (err) {
      return { ok: false, problem: `${variable}=${v}: cannot read ${v.slice(1)} (${err.code ?? err.message}); give a profile name, a JSON descriptor, or @ and a readable file` };
    }
  }
  if (!text.startsWith("{")) {
    const named = namedDescriptor(text);
    if (named) return { ok: true, descriptor: named };
    return { ok: false, problem: `${variable}: no profile named "${text.slice(0, 60)}"; the named profiles are ${namedProfileNames().join(", ")} (or give a JSON descriptor, see docs/PROTOCOL.md \xA75)` };
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `${variable} is not valid JSON: ${err.message}` };
  }
  const parsed = descriptorSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`);
    return { ok: false, problem: `${variable} is not a valid profile descriptor (docs/PROTOCOL.md \xA75): ${issues.join("; ")}` };
  }
  return { ok: true, descriptor: parsed.data };
}

// src/profiles/config.ts
var fallback = namedDescriptor(DEFAULT_PROFILE);
function configuredProfiles(e, problems, emulateOverride) {
  const p = parseProfileSetting(e.NONTAX_PROFILE, "NONTAX_PROFILE");
  if (!p.ok) problems.push(p.problem);
  const profile = p.ok ? p.descriptor : fallback;
  const emuValue = emulateOverride ?? e.NONTAX_EMULATE_PROFILE;
  const q = emuValue === void 0 ? p : parseProfileSetting(emuValue, emulateOverride === void 0 ? "NONTAX_EMULATE_PROFILE" : "--emulate-profile");
  if (!q.ok && q !== p) problems.push(q.problem);
  const emulateProfile = q.ok ? q.descriptor : profile;
  for (const d of /* @__PURE__ */ new Set([profile, emulateProfile])) {
    const problem = secretProblem(d, e);
    if (problem !== void 0 && !problems.includes(problem)) problems.push(problem);
  }
  return { profile, emulateProfile };
}
function secretProblem(d, e) {
  const { from, as } = d.cipher.key;
  const value = from === "aesKey" ? e.NONTAX_ENCODING_AES_KEY : e.NONTAX_TOKEN;
  if (value === void 0) return void 0;
  if (from === "aesKey" && as === "base64+=") {
    return ENCODING_AES_KEY_RE.test(value) ? void 0 : "NONTAX_ENCODING_AES_KEY must be exactly 43 characters of A-Z, a-z, 0-9, as the console generates it";
  }
  const problem = keyProblem(value, as);
  const name = from === "aesKey" ? "NONTAX_ENCODING_AES_KEY" : "NONTAX_TOKEN";
  return problem === void 0 ? void 0 : `${name} ${problem}, as profile ${d.name ?? "custom"} reads it (key "${as}", docs/PROTOCOL.md \xA75)`;
}
function demoKey(form, alnum) {
  if (form === "ascii") return alnum(32);
  if (form === "hex") return randomBytes(32).toString("hex");
  if (form === "base64") return randomBytes(32).toString("base64");
  return alnum(43);
}

// src/config.ts
var int = (name, min, max, example) => z2.string().optional().refine(
  (v) => v === void 0 || /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max,
  { message: `${name} must be an integer ${min}-${max} (e.g. ${name}=${example})` }
);
var schema = z2.object({
  WECHAT_APPID: z2.string().regex(/^wx[0-9a-f]{16}$/i, "WECHAT_APPID must look like wx followed by 16 hex characters (e.g. WECHAT_APPID=wx1234567890abcdef)").optional(),
  WECHAT_APPSECRET: z2.string().regex(/^[0-9a-zA-Z]{16,64}$/, "WECHAT_APPSECRET must be the 32-character AppSecret from the console (letters and digits)").optional(),
  WECHAT_ACCESS_TOKEN: z2.string().min(16, "WECHAT_ACCESS_TOKEN is too short to be an access_token").optional(),
  WECHAT_API_BASE: z2.url({ message: "WECHAT_API_BASE must be a URL (e.g. WECHAT_API_BASE=https://api.weixin.qq.com)" }).optional(),
  NONTAX_TOKEN: z2.string().regex(/^[A-Za-z0-9]{3,32}$/, "NONTAX_TOKEN must be 3-32 letters or digits, as the console accepts (e.g. NONTAX_TOKEN=MyToken123)").optional(),
  // Its shape depends on the profile (43-character EncodingAESKey by default): checked by configuredProfiles.
  NONTAX_ENCODING_AES_KEY: z2.string().max(256, "NONTAX_ENCODING_AES_KEY is longer than any key a profile reads").optional(),
  NONTAX_PROFILE: z2.string().optional(),
  NONTAX_EMULATE_PROFILE: z2.string().optional(),
  PUBLIC_URL: z2.url({ message: "PUBLIC_URL must be an absolute https URL of your tunnel (e.g. PUBLIC_URL=https://abc123.ngrok-free.app)" }).optional(),
  NOTIFY_PATH: z2.string().regex(/^\/[\w\-./]*$/, 'NOTIFY_PATH must start with "/" (e.g. NOTIFY_PATH=/nontax/notify)').optional(),
  HOST: z2.string().min(1).optional(),
  PORT: int("PORT", 0, 65535, "3000"),
  TLS_CERT_FILE: z2.string().min(1).optional(),
  TLS_KEY_FILE: z2.string().min(1).optional(),
  LOG_LEVEL: z2.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent" }).optional(),
  LOG_FORMAT: z2.enum(["pretty", "json"], { message: 'LOG_FORMAT must be "pretty" or "json"' }).optional(),
  MOCK_VERSION: int("MOCK_VERSION", 0, 100, "1"),
  MOCK_API: z2.enum(["mocknotification", "mockqueryfee"], { message: 'MOCK_API must be "mocknotification" (payment notification) or "mockqueryfee" (query-fee request)' }).optional(),
  WAIT_TIMEOUT_MS: int("WAIT_TIMEOUT_MS", 100, 36e5, "30000"),
  CAPTURE_DIR: z2.string().min(1).optional(),
  BODY_LIMIT_BYTES: int("BODY_LIMIT_BYTES", 1024, 104857600, "65536"),
  REQUEST_TIMEOUT_MS: int("REQUEST_TIMEOUT_MS", 100, 6e5, "10000"),
  HEADERS_TIMEOUT_MS: int("HEADERS_TIMEOUT_MS", 100, 6e5, "5000"),
  KEEP_ALIVE_TIMEOUT_MS: int("KEEP_ALIVE_TIMEOUT_MS", 0, 6e5, "5000"),
  MAX_CAPTURES_IN_MEMORY: int("MAX_CAPTURES_IN_MEMORY", 1, 1e6, "1000"),
  MAX_EVENT_LOOP_DELAY_MS: int("MAX_EVENT_LOOP_DELAY_MS", 10, 6e4, "1000"),
  INSPECTOR_PORT: z2.string().regex(/^(auto|\d{1,5})$/, "INSPECTOR_PORT must be a port 1-65535, 0 (off) or auto (any free port), e.g. INSPECTOR_PORT=4041").refine((v) => v === "auto" || Number(v) <= 65535, "INSPECTOR_PORT must be at most 65535").optional(),
  ADMIN_TOKEN: z2.string().min(16, "ADMIN_TOKEN must be at least 16 characters").optional()
});
function clean(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0 && v.trim() !== "").map(([k, v]) => [k, v?.trim()]));
}
function loadConfig(rawEnv, opts = {}) {
  const parsed = schema.safeParse(clean(rawEnv));
  if (!parsed.success) {
    const more = [];
    configuredProfiles(clean(rawEnv), more, opts.emulateProfile);
    throw new ConfigError([...parsed.error.issues.map((i) => i.message), ...more]);
  }
  const e = parsed.data;
  const problems = [];
  const profiles = configuredProfiles(e, problems, opts.emulateProfile);
  const hasCredentials = e.WECHAT_APPSECRET !== void 0 || e.WECHAT_ACCESS_TOKEN !== void 0;
  const mode = hasCredentials && !opts.forceEmulator ? "real" : "embedded";
  if (mode === "real") {
    if (!e.WECHAT_APPID) problems.push("WECHAT_APPID is required with WECHAT_APPSECRET or WECHAT_ACCESS_TOKEN (e.g. WECHAT_APPID=wx1234567890abcdef)");
    if (!e.NONTAX_TOKEN) problems.push("NONTAX_TOKEN is required against real WeChat: the Token configured for the notification URL");
    if (!e.NONTAX_ENCODING_AES_KEY) problems.push("NONTAX_ENCODING_AES_KEY is required against real WeChat: the 43-character EncodingAESKey from the console");
  }
  if (e.TLS_CERT_FILE === void 0 !== (e.TLS_KEY_FILE === void 0)) {
    problems.push("TLS_CERT_FILE and TLS_KEY_FILE go together: set both (npm run certs writes certs/cert.pem and certs/key.pem) or neither");
  }
  if (e.PUBLIC_URL && !/^https?:\/\//.test(e.PUBLIC_URL)) problems.push(`PUBLIC_URL must start with https:// (got "${e.PUBLIC_URL}")`);
  if (problems.length > 0) throw new ConfigError(problems);
  const demo = demoSecrets();
  return {
    mode,
    wechat: {
      appid: e.WECHAT_APPID ?? demo.appid,
      appsecret: mode === "real" ? e.WECHAT_APPSECRET : demo.appsecret,
      accessToken: mode === "real" ? e.WECHAT_ACCESS_TOKEN : void 0,
      apiBase: (e.WECHAT_API_BASE ?? "https://api.weixin.qq.com").replace(/\/+$/, "")
    },
    secrets: {
      appid: e.WECHAT_APPID ?? demo.appid,
      token: e.NONTAX_TOKEN ?? demo.token,
      encodingAESKey: e.NONTAX_ENCODING_AES_KEY ?? demoKey(profiles.profile.cipher.key.as, randomAlnum)
    },
    ...profiles,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    notifyPath: e.NOTIFY_PATH ?? "/nontax/notify",
    host: e.HOST ?? "127.0.0.1",
    port: e.PORT === void 0 ? 3e3 : Number(e.PORT),
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : void 0,
    logLevel: e.LOG_LEVEL ?? "info",
    logFormat: e.LOG_FORMAT ?? (opts.isTTY ? "pretty" : "json"),
    mockVersion: e.MOCK_VERSION === void 0 ? 1 : Number(e.MOCK_VERSION),
    mockApi: e.MOCK_API ?? "mocknotification",
    waitTimeoutMs: e.WAIT_TIMEOUT_MS === void 0 ? 3e4 : Number(e.WAIT_TIMEOUT_MS),
    captureDir: e.CAPTURE_DIR ?? "./captures",
    limits: {
      // Payment notifications are a few KiB; 64 KiB leaves room and bounds what MAX_CAPTURES_IN_MEMORY can hold.
      bodyLimitBytes: numOr(e.BODY_LIMIT_BYTES, 65536),
      requestTimeoutMs: numOr(e.REQUEST_TIMEOUT_MS, 1e4),
      headersTimeoutMs: numOr(e.HEADERS_TIMEOUT_MS, 5e3),
      keepAliveTimeoutMs: numOr(e.KEEP_ALIVE_TIMEOUT_MS, 5e3),
      maxCapturesInMemory: numOr(e.MAX_CAPTURES_IN_MEMORY, 1e3),
      maxEventLoopDelayMs: numOr(e.MAX_EVENT_LOOP_DELAY_MS, 1e3)
    },
    adminToken: e.ADMIN_TOKEN,
    inspectorPort: e.INSPECTOR_PORT === void 0 ? 4041 : e.INSPECTOR_PORT === "auto" ? "auto" : Number(e.INSPECTOR_PORT)
  };
}
var numOr = (v, d) => v === void 0 ? d : Number(v);
var ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function randomAlnum(n) {
  return [...randomBytes2(n)].map((b) => ALNUM[b % ALNUM.length]).join("");
}
function demoSecrets() {
  return {
    appid: "wx" + randomBytes2(8).toString("hex"),
    appsecret: randomBytes2(16).toString("hex"),
    token: randomAlnum(32),
    encodingAESKey: randomAlnum(43)
  };
}
function secretValues(c) {
  return [c.wechat.appsecret, c.wechat.accessToken, c.secrets.token, c.secrets.encodingAESKey, c.adminToken].filter((s) => !!s);
}

// src/protocol/sign.ts
import { timingSafeEqual } from "node:crypto";
function unixSeconds(ms) {
  return String(Math.floor(ms / 1e3));
}
function signaturesEqual(expected, received) {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

// src/protocol/signature-check.ts
var TOKEN_PLACEHOLDER = "<token>";
function checkSignature(env, token, profile) {
  const warnings = [];
  const f = profile.descriptor.fields;
  const base = { received: env.signature, param: env.signatureParam, nonceParam: env.nonceParam, algorithm: profile.words.signature, warnings };
  if (profile.signs("timestamp") && (env.timestamp === void 0 || env.timestamp === "")) {
    return { ...base, ok: false, reason: "TIMESTAMP_MISSING", cause: { code: "SIG_TIMESTAMP_MISSING", params: { param: f.timestamp?.name, where: f.timestamp?.in } } };
  }
  if (profile.signs("nonce") && (env.nonce === void 0 || env.nonce === "")) {
    return { ...base, ok: false, reason: "NONCE_MISSING", cause: { code: "SIG_NONCE_MISSING", params: { param: f.nonce?.name, where: f.nonce?.in } } };
  }
  const input = { token, timestamp: env.timestamp ?? "", nonce: env.nonce ?? "", encrypt: env.encrypt, appid: env.appid };
  const { parts, joined } = profile.signatureBase(input);
  const expected = profile.sign(input);
  const shown = {
    ...base,
    expected,
    parts: parts.map((s) => s === token ? TOKEN_PLACEHOLDER : s.split(token).join(TOKEN_PLACEHOLDER)),
    hashed: joined.split(token).join(TOKEN_PLACEHOLDER)
  };
  if (env.signature === void 0 || env.signature === "") {
    return { ...shown, ok: false, reason: "SIGNATURE_MISSING", cause: { code: "SIG_MISSING", params: { looked: `looked for ${f.signature.in} field "${f.signature.name}"${env.signatureParam === void 0 && f.signature.name === "msg_signature" ? ", signature, sig" : ""}` } } };
  }
  if (signaturesEqual(expected, env.signature)) return { ...shown, ok: true };
  const enc = profile.descriptor.signature.encoding;
  if (enc !== "base64") {
    const other = enc === "hex" ? env.signature.toLowerCase() : env.signature.toUpperCase();
    if (signaturesEqual(expected, other)) {
      warnings.push({ code: "SIG_HEX_CASE", params: enc === "hex" ? { got: "upper-case", emits: "lower-case" } : { got: "lower-case", emits: "upper-case" } });
      return { ...shown, ok: true };
    }
  }
  return { ...shown, ok: false, reason: "SIGNATURE_MISMATCH", cause: likelyCause(env, token, expected, profile) };
}
function likelyCause(env, token, expected, profile) {
  const sig = env.signature ?? "";
  if (!sameShape(sig, expected, profile.descriptor.signature.encoding)) {
    return { code: "SIG_NOT_ITS_SHAPE", params: { received: sig.slice(0, 60), shape: shapeOf(expected, profile.descriptor.signature.encoding), algorithm: profile.descriptor.signature.alg } };
  }
  const withoutCiphertext = profile.sign({ token, timestamp: env.timestamp ?? "", nonce: env.nonce ?? "", encrypt: "", appid: env.appid });
  if (profile.signs("ciphertext") && signaturesEqual(withoutCiphertext.toLowerCase(), sig.toLowerCase())) {
    return { code: "SIG_URL_VERIFICATION_FORMULA", params: { param: env.signatureParam ?? profile.descriptor.fields.signature.name } };
  }
  return { code: "SIG_TOKEN_OR_BODY" };
}
function sameShape(sig, expected, enc) {
  if (sig.length !== expected.length) return false;
  return enc === "base64" ? /^[A-Za-z0-9+/]+=*$/.test(sig) : /^[0-9a-fA-F]+$/.test(sig);
}
function shapeOf(expected, enc) {
  return enc === "base64" ? `${expected.length} base64 characters` : `${expected.length} hex characters`;
}
function refineCause(check, decrypted) {
  if (check.reason !== "SIGNATURE_MISMATCH" || check.cause?.code !== "SIG_TOKEN_OR_BODY") return;
  check.cause = { code: decrypted ? "SIG_TOKEN_WRONG_BODY_INTACT" : "SIG_BODY_ALTERED" };
}

// src/protocol/inspect.ts
var TIMESTAMP_WARN_S = 300;
function inspectDelivery(input, ctx) {
  const warnings = [];
  let env;
  try {
    env = ctx.profile.readEnvelope(input);
  } catch (err) {
    return failed(asNotificationError(err), { kind: "unknown", warnings });
  }
  const { warnings: envWarnings, ...envelope } = env;
  warnings.push(...envWarnings);
  timestampWarning(env.timestamp, ctx.nowMs, warnings);
  const signature = checkSignature(env, ctx.secrets.token, ctx.profile);
  warnings.push(...signature.warnings);
  const decryption = decrypt(env.encrypt, ctx);
  refineCause(signature, decryption.ok);
  if (env.appid !== void 0 && env.appid !== ctx.secrets.appid) {
    warnings.push(finding("WARN_APPID_DIFFERS", { envelope: env.appid, configured: ctx.secrets.appid }));
  }
  const result = { errcode: ERRCODE.OK, envelope, signature, decryption, kind: "unknown", warnings };
  let payloadError;
  if (decryption.ok) {
    try {
      result.payload = parsePayload(decryption.plaintext);
      result.kind = kindOf(result.payload);
    } catch (err) {
      payloadError = asNotificationError(err);
    }
  }
  if (!signature.ok) return failed(new NotificationError(signature.reason ?? "SIGNATURE_MISMATCH", signature.cause ? render(signature.cause) : "signature check failed"), result);
  if (!decryption.ok) return failed(new NotificationError(decryption.reason, decryption.message, decryption.details), result);
  if (payloadError) return failed(payloadError, result);
  return result;
}
function errmsgFor(i) {
  return i.message ? `${ERRMSG[i.errcode]}: ${i.message}` : ERRMSG[i.errcode];
}
function failed(err, partial) {
  return { ...partial, errcode: err.errcode, reason: err.reason, message: err.message };
}
function decrypt(encrypt, ctx) {
  try {
    const d = ctx.profile.decrypt(encrypt, ctx.secrets);
    return { ok: true, appid: d.appid, cipherBytes: d.cipherBytes, padByte: d.padByte, declaredLength: d.declaredLength, plaintext: d.msg };
  } catch (err) {
    const e = asNotificationError(err);
    return { ok: false, reason: e.reason, message: e.message, details: e.details };
  }
}
function parsePayload(plaintext) {
  let v;
  try {
    v = JSON.parse(plaintext);
  } catch (err) {
    throw new NotificationError("PAYLOAD_NOT_JSON_OBJECT", `decrypted message is not JSON (${err.message}): ${plaintext.slice(0, 200)}`, { plaintext });
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new NotificationError("PAYLOAD_NOT_JSON_OBJECT", `decrypted message is JSON but not an object: ${plaintext.slice(0, 200)}`, { plaintext });
  }
  return v;
}
function kindOf(p) {
  if ("order_id" in p) return "payment_notification";
  if ("payment_notice_no" in p || "service_id" in p) return "query_fee";
  return "unknown";
}
function timestampWarning(ts, nowMs, warnings) {
  if (ts === void 0 || ts === "") return;
  if (!/^\d+$/.test(ts)) {
    warnings.push(finding("WARN_TIMESTAMP_NOT_UNIX", { timestamp: ts }));
    return;
  }
  const skew = Math.round(nowMs / 1e3) - Number(ts);
  if (Math.abs(skew) > TIMESTAMP_WARN_S) {
    warnings.push(finding(skew > 0 ? "WARN_TIMESTAMP_PAST" : "WARN_TIMESTAMP_FUTURE", { seconds: Math.abs(skew), limit: TIMESTAMP_WARN_S }));
  }
}
function asNotificationError(err) {
  if (err instanceof NotificationError) return err;
  return new NotificationError("INTERNAL", `receiver error: ${err?.message ?? String(err)}`);
}

export {
  ERRCODE,
  ERRMSG,
  NotificationError,
  randomBytesPooled,
  PAD_BLOCK_BYTES,
  ENCODING_AES_KEY_RE,
  deriveKey,
  usableForms,
  KEY_FORMS,
  descriptorSchema,
  DEFAULT_PROFILE,
  namedDescriptor,
  namedDescriptors,
  SIGNATURE_PARAMS,
  digest,
  bodyFields,
  first,
  frameWire,
  createProfile,
  loadConfig,
  secretValues,
  unixSeconds,
  signaturesEqual,
  TOKEN_PLACEHOLDER,
  checkSignature,
  inspectDelivery,
  errmsgFor
};
