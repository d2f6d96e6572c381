import {
  bodyBytes
} from "./chunk-SYNFUKYE.js";
import {
  DEFAULT_PROFILE,
  KEY_FORMS,
  bodyFields,
  createProfile,
  deriveKey,
  descriptorSchema,
  digest,
  first,
  inspectDelivery,
  namedDescriptor,
  namedDescriptors,
  usableForms
} from "./chunk-UZATLX4B.js";
import {
  render
} from "./chunk-GJAS6JHG.js";

// src/profiles/discover/record.ts
function deliveryBytesOfRecord(r) {
  return { query: r.query, headers: r.headers, contentType: r.contentType, body: bodyBytes(r.body), receivedAtMs: Date.parse(r.receivedAt) };
}

// src/profiles/discover/fields.ts
var TRANSPORT_HEADERS = /* @__PURE__ */ new Set([
  "host",
  "content-length",
  "content-type",
  "connection",
  "user-agent",
  "accept",
  "accept-encoding",
  "accept-language",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-real-ip",
  "via",
  "pragma",
  "cache-control",
  "transfer-encoding",
  "authorization",
  "cookie",
  "proxy-authorization",
  "x-admin-token"
]);
function bodyFormatOf(d) {
  const mime = d.contentType?.split(";")[0]?.trim().toLowerCase();
  if (mime === "application/json" || mime?.endsWith("+json")) return "json";
  if (mime === "application/x-www-form-urlencoded") return "form";
  if (mime === "text/xml" || mime === "application/xml") return "xml";
  const c = d.body.toString("utf8", 0, Math.min(64, d.body.length)).trimStart()[0];
  return c === "{" ? "json" : c === "<" ? "xml" : d.body.length > 0 ? "form" : void 0;
}
function fieldsOf(d) {
  const fields = [];
  for (const [name, v] of Object.entries(d.query)) {
    const value = first(v);
    if (value !== void 0) fields.push({ in: "query", name, value });
  }
  for (const [name, v] of Object.entries(d.headers)) {
    const value = first(v);
    if (value !== void 0 && !TRANSPORT_HEADERS.has(name.toLowerCase()) && value !== "[redacted]") fields.push({ in: "header", name: name.toLowerCase(), value });
  }
  const format = bodyFormatOf(d);
  if (format === void 0) return { format, fields };
  try {
    for (const [name, value] of Object.entries(bodyFields(format, d.body))) fields.push({ in: "body", name, value });
    return { format, fields };
  } catch (err) {
    return { format, fields, bodyError: err.message };
  }
}
function sameField(a, b) {
  return a.in === b.in && a.name === b.name;
}
function fieldLabel(f) {
  return `${f.in} ${f.in === "header" ? "header" : "field"} "${f.name}"`;
}

// src/profiles/discover/shapes.ts
var B64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
var HEX_RE = /^[0-9a-fA-F]+$/;
var DIGEST_BYTES = { 16: "MD5", 20: "SHA-1", 32: "SHA-256 or HMAC-SHA256" };
function base64Bytes(v) {
  if (v.length < 4 || v.length % 4 !== 0 || !B64_RE.test(v)) return void 0;
  return Buffer.from(v, "base64");
}
function digestShape(v) {
  if (HEX_RE.test(v) && [32, 40, 64].includes(v.length)) {
    return { bytes: v.length / 2, encoding: v === v.toLowerCase() ? "hex" : "HEX" };
  }
  const b = base64Bytes(v);
  if (b && DIGEST_BYTES[b.length] !== void 0 && !HEX_RE.test(v)) return { bytes: b.length, encoding: "base64" };
  return void 0;
}
function timestampLike(v, nowMs) {
  if (!/^\d{10}(\d{3})?$/.test(v)) return void 0;
  const ms = v.length === 13 ? Number(v) : Number(v) * 1e3;
  if (Math.abs(ms - nowMs) > 10 * 365 * 864e5) return void 0;
  return v.length === 13 ? "ms" : "s";
}
function nonceLike(v) {
  return /^[A-Za-z0-9_-]{6,64}$/.test(v) && !appidLike(v) && !/^\d{10}(\d{3})?$/.test(v) && digestShape(v) === void 0 && (/[A-Za-z]/.test(v) || v.length >= 8);
}
function appidLike(v) {
  return /^wx[0-9a-f]{16}$/i.test(v);
}
function ciphertextLike(f) {
  const b = base64Bytes(f.value);
  return b && b.length >= 16 && digestShape(f.value) === void 0 ? b : void 0;
}

// src/profiles/discover/anatomy.ts
function base64Note(bytes) {
  if (bytes % 16 === 0) return "whole AES blocks: CBC or ECB (with a 16-byte IV prefix if CBC with a fresh IV)";
  if (bytes - 28 >= 0) return "not whole AES blocks: GCM (12-byte nonce + ciphertext + 16-byte tag), or not ciphertext";
  return "not whole AES blocks";
}
function anatomyOf(fields, nowMs, sibling) {
  const out = fields.map((f) => {
    const a = { in: f.in, name: f.name, length: f.value.length, sample: f.value.length > 48 ? `${f.value.slice(0, 40)}\u2026` : f.value };
    const digest2 = digestShape(f.value);
    if (digest2) a.digest = { bytes: digest2.bytes, encoding: digest2.encoding === "base64" ? "base64" : digest2.encoding === "HEX" ? "upper-case hex" : "lower-case hex", likely: DIGEST_BYTES[digest2.bytes] ?? "?" };
    const b = digest2 ? void 0 : base64Bytes(f.value);
    if (b && b.length >= 16) a.base64 = { bytes: b.length, multipleOf16: b.length % 16 === 0, note: base64Note(b.length) };
    const ts = timestampLike(f.value, nowMs);
    if (ts) a.timestamp = new Date(ts === "ms" ? Number(f.value) : Number(f.value) * 1e3).toISOString();
    if (!ts && !digest2 && !a.base64 && nonceLike(f.value)) a.nonceLike = true;
    if (appidLike(f.value)) a.appidLike = true;
    if (sibling) {
      const other = sibling.find((s) => sameField(s, f));
      a.versusSibling = other === void 0 ? "only-here" : other.value === f.value ? "same" : "differs";
    }
    return a;
  });
  return {
    fields: out,
    onlyInSibling: sibling ? sibling.filter((s) => !fields.some((f) => sameField(f, s))).map((s) => ({ in: s.in, name: s.name })) : [],
    signatureSuspects: out.filter((a) => a.digest && a.versusSibling === "differs").map((a) => ({ in: a.in, name: a.name }))
  };
}

// src/profiles/discover/compose.ts
var loc = (f) => f ? { in: f.in, name: f.name } : void 0;
function setting(s, variable) {
  if (variable === "NONTAX_ENCODING_AES_KEY" && s.ref === "aesKey" || variable === "NONTAX_TOKEN" && s.ref === "token") return void 0;
  return `${variable}=<the value you passed as ${s.label}>`;
}
function neighbour(x, body, fields) {
  const has = (l) => l !== void 0 && fields.some((f) => sameField(f, l));
  const score = (d) => (d.body === body ? 1 : 0) + (sameField(d.fields.ciphertext, x.ct) ? 2 : 0) + (has(d.fields.signature) ? 2 : 0) + (x.d && d.cipher.mode === x.d.cipher.mode && d.cipher.framing === x.d.cipher.framing && d.cipher.key.as === x.d.cipher.key.as ? 2 : 0) + (x.s && d.signature.alg === x.s.alg && d.signature.join === x.s.join ? 2 : 0);
  const best = namedDescriptors().map((d) => ({ d, n: score(d) })).sort((a, b) => b.n - a.n)[0];
  return best && best.n > 0 ? best.d : namedDescriptor(DEFAULT_PROFILE);
}
function descriptorOf(x, body, roles, all) {
  const near = neighbour(x, body, all);
  const fields = {
    ciphertext: { in: x.ct.in, name: x.ct.name },
    signature: loc(x.s?.field) ?? near.fields.signature
  };
  const ts = loc(x.s?.used.timestamp ?? roles.timestamp[0]) ?? near.fields.timestamp;
  const nonce = loc(x.s?.used.nonce ?? roles.nonce[0]) ?? near.fields.nonce;
  const appid = loc(x.s?.used.appid ?? roles.appid[0]);
  if (ts) fields.timestamp = ts;
  if (nonce) fields.nonce = nonce;
  if (appid) fields.appid = appid;
  const cipher = x.d ? { ...x.d.cipher, key: { from: x.d.secret.ref === "token" ? "token" : "aesKey", as: x.d.cipher.key.as } } : near.cipher;
  const signature = x.s ? { alg: x.s.alg, key: "token", over: x.s.over, order: x.s.order, join: x.s.join, encoding: x.s.encoding } : near.signature;
  const parsed = descriptorSchema.safeParse({ body, fields, cipher, signature });
  return parsed.success ? parsed.data : void 0;
}
function composeMatches(dHits, sHits, roles, body, all, delivery, secrets) {
  const drafts = [];
  for (const d of dHits) {
    const sigs = sHits.filter((s) => sameField(s.used.ciphertext, d.field));
    if (sigs.length === 0) drafts.push({ d, s: void 0, ct: d.field });
    for (const s of sigs) drafts.push({ d, s, ct: d.field });
  }
  for (const s of sHits) if (!dHits.some((d) => sameField(d.field, s.used.ciphertext))) drafts.push({ d: void 0, s, ct: s.used.ciphertext });
  const out = /* @__PURE__ */ new Map();
  for (const x of drafts) {
    const descriptor = descriptorOf(x, body, roles, all);
    if (!descriptor) continue;
    const m = judge(x, descriptor, delivery, secrets);
    if (!m.decrypts && !m.signatureVerifies) continue;
    const sig = descriptor.signature;
    const key = `${JSON.stringify({ ...descriptor, name: void 0, signature: { ...sig, order: void 0, over: [...sig.over].sort() } })}
${m.settings.join("\n")}`;
    const prev = out.get(key);
    if (!prev || prev.score < m.score) out.set(key, m);
  }
  return [...out.values()].sort((a, b) => b.score - a.score);
}
function judge(x, descriptor, delivery, configured) {
  const profile = createProfile(descriptor);
  const secrets = {
    appid: x.d?.appidInside || configured.appid,
    encodingAESKey: x.d && x.d.secret.ref !== "token" ? x.d.secret.value : configured.encodingAESKey,
    token: x.s?.secret.value ?? (x.d?.secret.ref === "token" ? x.d.secret.value : configured.token)
  };
  const i = inspectDelivery({ body: delivery.body, contentType: delivery.contentType, query: delivery.query, headers: delivery.headers }, { secrets, profile, nowMs: delivery.receivedAtMs });
  const decrypts = x.d !== void 0 && i.decryption?.ok === true;
  const signatureVerifies = x.s !== void 0 && i.signature?.ok === true;
  const settings = [
    x.d ? setting(x.d.secret, x.d.secret.ref === "token" ? "NONTAX_TOKEN" : "NONTAX_ENCODING_AES_KEY") : void 0,
    x.s ? setting(x.s.secret, "NONTAX_TOKEN") : void 0,
    x.d?.appidInside && x.d.appidInside !== configured.appid ? `WECHAT_APPID=${x.d.appidInside}` : void 0
  ].filter((s) => s !== void 0);
  const named = profile.name !== "custom";
  const score = (decrypts ? 4 : 0) + (signatureVerifies ? 4 : 0) + (named ? 1 : 0) - settings.length * 0.5 + (descriptor.signature.order === "sorted" ? 0.1 : 0);
  let payloadFields = [];
  if (decrypts && i.decryption?.ok) payloadFields = Object.keys(JSON.parse(i.decryption.plaintext));
  return {
    profile: profile.id,
    name: profile.name,
    decrypts,
    signatureVerifies,
    settings,
    decryption: x.d ? { field: loc(x.d.field), secret: x.d.secret.label, keyForm: x.d.cipher.key.as, appidInside: x.d.appidInside, payloadFields } : void 0,
    signature: x.s ? { field: loc(x.s.field), secret: x.s.secret.label, over: [x.s.used.timestamp, x.s.used.nonce, x.s.used.appid].filter((f) => f !== void 0).map((f) => loc(f)) } : void 0,
    words: profile.words,
    score
  };
}

// src/profiles/discover/decrypt-search.ts
import { createDecipheriv } from "node:crypto";
var VARIANTS = [
  { mode: "aes-256-cbc", iv: "key" },
  { mode: "aes-256-cbc", iv: "prefix" },
  { mode: "aes-256-ecb", iv: "none" },
  { mode: "aes-256-gcm", iv: "prefix" }
];
var utf8 = new TextDecoder("utf-8", { fatal: true });
function open(v, key, bytes) {
  try {
    if (v.mode === "aes-256-gcm") {
      if (bytes.length < 29) return null;
      const d2 = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
      d2.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([d2.update(bytes.subarray(12, bytes.length - 16)), d2.final()]);
    }
    const body = v.iv === "prefix" ? bytes.subarray(16) : bytes;
    if (body.length === 0 || body.length % 16 !== 0) return null;
    const iv = v.mode === "aes-256-ecb" ? null : v.iv === "prefix" ? bytes.subarray(0, 16) : key.subarray(0, 16);
    const d = createDecipheriv(v.mode, key, iv).setAutoPadding(false);
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    return null;
  }
}
function unpadStrict(plain, block) {
  const n2 = plain[plain.length - 1] ?? 0;
  if (n2 < 1 || n2 > block || n2 > plain.length) return null;
  for (let i = plain.length - n2; i < plain.length; i++) if (plain[i] !== n2) return null;
  return plain.subarray(0, plain.length - n2);
}
function jsonObject(bytes) {
  try {
    const text = utf8.decode(bytes);
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? text : null;
  } catch {
    return null;
  }
}
function unframe(content) {
  if (content.length < 20) return null;
  const len = content.readUInt32BE(16);
  if (len > content.length - 20) return null;
  const msg = jsonObject(content.subarray(20, 20 + len));
  if (msg === null) return null;
  const appidBytes = content.subarray(20 + len);
  const appid = appidBytes.toString("utf8");
  return /^[\x20-\x7e]{0,64}$/.test(appid) ? { msg, appid } : null;
}
function searchDecryptions(fields, secrets, count) {
  const hits = [];
  for (const field of fields) {
    const bytes = ciphertextLike(field);
    if (!bytes) continue;
    for (const secret of secrets) {
      for (const as of usableForms(secret.value, KEY_FORMS)) {
        const key = deriveKey(secret.value, as);
        for (const v of VARIANTS) {
          count.n++;
          const plain = open(v, key, bytes);
          if (plain === null) continue;
          const blocks = v.mode === "aes-256-gcm" ? [null] : [32, 16];
          for (const block of blocks) {
            const content = block === null ? plain : unpadStrict(plain, block);
            if (content === null) continue;
            const padBlock = block ?? 16;
            const framed = unframe(content);
            if (framed) hits.push({ field, secret, cipher: { ...v, key: { as }, padBlock, framing: "random-len-msg-appid" }, msg: framed.msg, appidInside: framed.appid });
            const alone = jsonObject(content);
            if (alone !== null) hits.push({ field, secret, cipher: { ...v, key: { as }, padBlock, framing: "msg" }, msg: alone });
          }
        }
      }
    }
  }
  return dedupePadding(hits);
}
function dedupePadding(hits) {
  const twin = (h, block) => hits.some((o) => o !== h && o.cipher.padBlock === block && o.field === h.field && o.secret === h.secret && o.cipher.key.as === h.cipher.key.as && o.cipher.mode === h.cipher.mode && o.cipher.iv === h.cipher.iv && o.cipher.framing === h.cipher.framing);
  return hits.filter((h) => {
    if (h.cipher.mode === "aes-256-gcm") return true;
    const preferred = h.cipher.framing === "random-len-msg-appid" ? 32 : 16;
    return h.cipher.padBlock === preferred || !twin(h, preferred);
  });
}

// src/profiles/discover/sign-search.ts
var PLAIN = ["sha1", "sha256", "md5"];
var HMAC = ["hmac-sha256", "hmac-sha1"];
var ALL = [...PLAIN, ...HMAC];
var MAX_PER_ROLE = 3;
function rolesOf(fields, ciphertext, appid, nowMs) {
  const free = fields.filter((f) => !ciphertext.some((c) => sameField(c, f)) && digestShape(f.value) === void 0);
  const ts = free.filter((f) => timestampLike(f.value, nowMs) !== void 0 || /time/i.test(f.name) && /^\d+$/.test(f.value));
  const nonce = free.filter((f) => !ts.includes(f) && (/nonce|nontaxstr|rand/i.test(f.name) || nonceLike(f.value)) && f.value !== appid && !/appid/i.test(f.name));
  const ids = free.filter((f) => /appid/i.test(f.name) || appid !== "" && f.value === appid);
  const byHint = (re) => (a, b) => Number(re.test(b.name)) - Number(re.test(a.name));
  return {
    ciphertext,
    timestamp: ts.sort(byHint(/time/i)).slice(0, MAX_PER_ROLE),
    nonce: nonce.sort(byHint(/nonce|nontaxstr/i)).slice(0, MAX_PER_ROLE),
    appid: ids.slice(0, 2)
  };
}
function signatureCandidates(fields) {
  const out = /* @__PURE__ */ new Map();
  for (const field of fields) {
    const shape = digestShape(field.value);
    if (!shape) continue;
    const bytes = shape.encoding === "base64" ? base64Bytes(field.value) : Buffer.from(field.value, "hex");
    if (!bytes) continue;
    const k = bytes.toString("hex");
    out.set(k, [...out.get(k) ?? [], { field, encoding: shape.encoding }]);
  }
  return out;
}
function* permutations(items) {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i], ...p];
  }
}
function* orders(items) {
  yield { order: "sorted", items: [...items].sort((a, b) => a.value < b.value ? -1 : a.value > b.value ? 1 : 0) };
  for (const p of permutations(items)) yield { order: "fixed", items: p };
}
function* choices(list) {
  yield void 0;
  yield* list;
}
function searchSignatures(fields, roles, secrets, count, limit) {
  const wanted = signatureCandidates(fields);
  const hits = [];
  if (wanted.size === 0) return hits;
  const check = (alg, joined, key, meta) => {
    count.n++;
    const found = wanted.get(digest(alg, joined, key).toString("hex"));
    for (const w of found ?? []) hits.push({ ...meta, alg, field: w.field, encoding: w.encoding });
  };
  for (const ct of roles.ciphertext) for (const ts of choices(roles.timestamp)) for (const nonce of choices(roles.nonce)) for (const appid of choices(roles.appid)) {
    const items = [{ role: "ciphertext", field: ct, value: ct.value }];
    if (ts) items.push({ role: "timestamp", field: ts, value: ts.value });
    if (nonce) items.push({ role: "nonce", field: nonce, value: nonce.value });
    if (appid) items.push({ role: "appid", field: appid, value: appid.value });
    const used = { ciphertext: ct, timestamp: ts, nonce, appid };
    for (const secret of secrets) {
      if (count.n > limit) return hits;
      const token = { role: "token", value: secret.value };
      for (const o of orders([...items, token])) {
        const meta = { over: o.items.map((i) => i.role), order: o.order, join: "concat", used, secret };
        for (const alg of PLAIN) check(alg, o.items.map((i) => i.value).join(""), void 0, meta);
      }
      for (const o of orders(items)) {
        const meta = { over: o.items.map((i) => i.role), order: o.order, join: "concat", used, secret };
        for (const alg of HMAC) check(alg, o.items.map((i) => i.value).join(""), secret.value, meta);
      }
      const kv = [...items].sort((a, b) => (a.field?.name ?? "") < (b.field?.name ?? "") ? -1 : 1);
      const joined = `${kv.map((i) => `${i.field?.name ?? ""}=${i.value}`).join("&")}&key=${secret.value}`;
      for (const alg of ALL) check(alg, joined, secret.value, { over: kv.map((i) => i.role), order: "sorted", join: "kv", used, secret });
    }
  }
  return hits;
}

// src/profiles/discover/index.ts
var DEFAULT_CANDIDATE_LIMIT = 5e5;
function candidateSecrets(s, extra = []) {
  const out = [
    { label: "NONTAX_ENCODING_AES_KEY", value: s.encodingAESKey, ref: "aesKey" },
    { label: "NONTAX_TOKEN", value: s.token, ref: "token" }
  ];
  extra.forEach((value, i) => {
    if (value !== "" && !out.some((o) => o.value === value)) out.push({ label: `--key #${i + 1}`, value, ref: "extra", index: i });
  });
  return out.filter((o) => o.value !== "");
}
function discover(delivery, o) {
  const started = performance.now();
  const limit = o.limit ?? DEFAULT_CANDIDATE_LIMIT;
  const secrets = candidateSecrets(o.secrets, o.extraKeys);
  const { format, fields, bodyError } = fieldsOf(delivery);
  const dCount = { n: 0 };
  const sCount = { n: 0 };
  const dHits = searchDecryptions(fields, secrets, dCount);
  const decrypted = [...new Set(dHits.map((h) => h.field))];
  const ct = decrypted.length > 0 ? decrypted : fields.filter((f) => ciphertextLike(f) !== void 0);
  const roles = rolesOf(fields, ct, o.secrets.appid, delivery.receivedAtMs);
  const sHits = searchSignatures(fields, roles, secrets, sCount, limit);
  const matches = format === void 0 ? [] : composeMatches(dHits, sHits, roles, format, fields, delivery, o.secrets);
  const full = matches.some((m) => m.decrypts && m.signatureVerifies);
  const anatomy = full ? void 0 : anatomyOf(fields, delivery.receivedAtMs, o.sibling ? fieldsOf(o.sibling).fields : void 0);
  return {
    matches,
    searched: { candidates: dCount.n + sCount.n, decryptions: dCount.n, signatures: sCount.n, limit, bounded: sCount.n > limit, ms: Math.round(performance.now() - started), secrets: secrets.map((s) => s.label) },
    anatomy,
    bodyFormat: format,
    bodyError
  };
}

// src/profiles/discover/report.ts
function profileAssignment(profile) {
  return profile.startsWith("{") ? `NONTAX_PROFILE='${profile}'` : `NONTAX_PROFILE=${profile}`;
}
var n = (x) => x.toLocaleString("en-US");
function verdictOf(m) {
  if (m.decrypts && m.signatureVerifies) return "decrypts, and the signature verifies";
  if (m.decrypts) return "decrypts; no signature recipe matched (expected for WeChat's signature test)";
  return "the signature verifies; the ciphertext did not open (the cipher part is a guess)";
}
function matchLines(m, i, configured) {
  const lines = [`${i + 1}. ${m.name}${m.profile === configured ? " (the configured profile)" : ""}: ${verdictOf(m)}`];
  if (m.decryption) {
    lines.push(`   ciphertext  ${fieldLabel(m.decryption.field)} with ${m.decryption.secret}: ${m.words.cipher}`);
    if (m.decryption.payloadFields.length > 0) lines.push(`               \u2192 a JSON object with ${m.decryption.payloadFields.slice(0, 8).join(", ")}${m.decryption.payloadFields.length > 8 ? ", \u2026" : ""}`);
    if (m.decryption.appidInside) lines.push(`               appid sealed inside: ${m.decryption.appidInside}`);
  }
  if (m.signature) lines.push(`   signature   ${fieldLabel(m.signature.field)} = ${m.words.signature} (key: ${m.signature.secret})`);
  lines.push(`   set         ${profileAssignment(m.profile)}`);
  for (const s of m.settings) lines.push(`   and         ${s}`);
  return lines;
}
function anatomyLine(a) {
  const what = [];
  if (a.base64) what.push(`base64 \u2192 ${a.base64.bytes} bytes, ${a.base64.multipleOf16 ? "" : "not "}a multiple of 16 (${a.base64.note})`);
  if (a.digest) what.push(`${a.digest.bytes}-byte digest in ${a.digest.encoding}: likely ${a.digest.likely}`);
  if (a.timestamp) what.push(`timestamp ${a.timestamp}`);
  if (a.nonceLike) what.push("nonce-like");
  if (a.appidLike) what.push("an AppID");
  if (a.versusSibling) what.push(a.versusSibling === "same" ? "same in the other delivery" : a.versusSibling === "differs" ? "differs in the other delivery" : "not in the other delivery");
  return `  ${a.in.padEnd(6)} ${a.name.padEnd(20)} ${String(a.length).padStart(5)} chars  ${JSON.stringify(a.sample)}${what.length ? `
${" ".repeat(36)}${what.join("; ")}` : ""}`;
}
function anatomyText(a, siblingId) {
  const lines = ["anatomy (every field the delivery carries):", ...a.fields.map(anatomyLine)];
  if (siblingId) {
    lines.push(`compared with ${siblingId}, the other delivery of the same run:`);
    if (a.signatureSuspects.length > 0) lines.push(`  digest-shaped and different: ${a.signatureSuspects.map(fieldLabel).join(", ")}; the signature test's deliberately wrong signature travels there`);
    if (a.onlyInSibling.length > 0) lines.push(`  only in the other delivery: ${a.onlyInSibling.map(fieldLabel).join(", ")}`);
  }
  return lines;
}
function discoveryText(id, head, d, configured, siblingId) {
  const s = d.searched;
  const lines = [
    `discover ${id} \xB7 ${head}`,
    `searched ${n(s.candidates)} candidates (${n(s.decryptions)} decryptions, ${n(s.signatures)} signature recipes) with ${s.secrets.join(", ")} in ${s.ms} ms; ` + (s.bounded ? `stopped at the bound of ${n(s.limit)} candidates: the search is incomplete` : `bounded at ${n(s.limit)}, so complete`)
  ];
  if (d.bodyError) lines.push(`body: ${d.bodyError}`);
  if (d.matches.length === 0) lines.push("", render({ code: "DISCOVERY_NO_MATCH", params: { secrets: s.secrets.join(", ") } }));
  d.matches.slice(0, 5).forEach((m, i) => lines.push("", ...matchLines(m, i, configured)));
  if (d.matches.length > 5) lines.push("", `(${d.matches.length - 5} more matches; --json lists all)`);
  if (d.anatomy) {
    lines.push("", ...anatomyText(d.anatomy, siblingId), "", render({ code: "DISCOVERY_KEY_HINT" }), render({ code: "DISCOVERY_RSA_NOTE" }));
  }
  return lines.join("\n");
}

export {
  deliveryBytesOfRecord,
  discover,
  profileAssignment,
  discoveryText
};
