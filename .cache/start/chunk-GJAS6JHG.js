// src/messages/en/common.ts
var common = {
  ERRCODE_0: "ok",
  ERRCODE_210: "data format error",
  ERRCODE_232: "payment notice already paid",
  ERRCODE_236: "payment not allowed at this bank",
  ERRCODE_298: "decryption failed",
  ERRCODE_299: "system error",
  ERRCODE_300: "signature error"
};

// src/messages/en/discovery.ts
var discovery = {
  DISCOVERY_OTHER_PROFILE: "this delivery verifies and decrypts under profile {name}, not the configured one ({configured}); set NONTAX_PROFILE={profile}{settings} (docs/PROTOCOL.md \xA77)",
  DISCOVERY_DECRYPTS_ONLY: "this delivery decrypts under profile {name}, not the configured one ({configured}), but no signature recipe matched (normal for WeChat's signature test); try: npm run captures -- discover {id}",
  DISCOVERY_NO_MATCH: "no profile decrypts or verifies this delivery with the secrets tried ({secrets}); its anatomy follows",
  DISCOVERY_RSA_NOTE: 'a hybrid RSA envelope (fields like key_encrypt_type and key) cannot be discovered without the private key that opens "key" (docs/PROTOCOL.md \xA76.6)',
  DISCOVERY_KEY_HINT: "if the platform gave you another key, pass it with --key K (repeatable); it is tried as cipher key and signing key"
};

// src/messages/en/inspector.ts
var inspector = {
  INSPECTOR_LISTENING: "inspector: open {url} to watch deliveries live, replay, tamper and edit them (loopback only; INSPECTOR_PORT=0 turns it off)",
  INSPECTOR_OFF: "inspector: off (INSPECTOR_PORT=0)",
  INSPECTOR_PORT_IN_USE: 'inspector: port {port} on 127.0.0.1 is already in use (another run still open?); the receiver goes on without it. Stop the other run, or set INSPECTOR_PORT to a free port (or "auto")',
  INSPECTOR_NOT_FOUND: `no capture "{id}" in this run's capture store; reload the list`,
  INSPECTOR_BAD_HOST: 'the inspector answers only at 127.0.0.1 or localhost (got Host "{host}"): open the URL the log printed',
  INSPECTOR_CROSS_ORIGIN: "refused: actions must come from the inspector page itself (Origin {origin}, Sec-Fetch-Site {site})",
  INSPECTOR_NEEDS_JSON: "refused: actions are sent as JSON with the x-inspector header, as the inspector page does",
  INSPECTOR_BAD_TARGET: 'the target must be an http:// or https:// URL, e.g. http://127.0.0.1:3000 (got "{to}")',
  INSPECTOR_BAD_TAMPER: "tamper must be one of {tampers}",
  INSPECTOR_BAD_EDIT: 'an edit is an object of field \u2192 value, e.g. {"set": {"order_id": "NT1"}}',
  INSPECTOR_NOTHING_TO_CHANGE: "nothing to change: fill at least one field",
  INSPECTOR_SET_SYNTAX: '--set wants field=value with a plain field name, e.g. --set order_id=NT123 (got "{text}")',
  INSPECTOR_NOT_A_NUMBER: '{name} is a number in the plaintext; "{value}" is not a number',
  INSPECTOR_BAD_TOKEN: "the token is letters and digits only",
  INSPECTOR_BAD_AES_KEY: "the EncodingAESKey is 43 letters and digits (got {length} characters)",
  INSPECTOR_BAD_APPID: 'the appid is letters, digits, "_" and "-"',
  INSPECTOR_INTERNAL: "inspector error: see the log for the cause",
  INSPECTOR_NOT_DECRYPTED: "capture {id} has no decrypted plaintext to edit (it did not decrypt with the configured EncodingAESKey); edit needs one",
  INSPECTOR_PLAINTEXT_NOT_OBJECT: "capture {id}: the decrypted plaintext is not a JSON object, so fields cannot be set in it",
  INSPECTOR_SEND_FAILED: "could not send to {origin}: {cause}; is the receiver running there, and is the URL right?",
  INSPECTOR_NO_VERDICT: "no verdict: npm run serve does not trigger test deliveries (npm start does)"
};

// src/messages/en/preflight.ts
var preflight = {
  LISTEN_EADDRINUSE: "could not listen: {detail}. Another program (maybe an earlier run) holds that port: stop it, or set PORT to a free port in .env.",
  LISTEN_EACCES: "could not listen: {detail}. Ports below 1024 need privileges: set PORT to 1024 or above in .env.",
  LISTEN_EADDRNOTAVAIL: "could not listen: {detail}. HOST is not an address of this machine: set HOST=127.0.0.1 (or 0.0.0.0) in .env.",
  INTERNAL_ERROR: "internal error: {detail} (a bug in nontax-debugger; please report it with the command you ran)",
  USAGE_UNKNOWN_COMMAND: 'unknown command "{name}" (commands: run, serve, check, captures, certs; see --help)',
  USAGE_BAD_FLAGS: "{command}: {detail}",
  CAPTURE_NOT_FOUND: 'no capture matches "{key}" in {dir}: give an ID (or any unique part of it), a wxnontaxstr, an order_id, or last (see "captures list"; CAPTURE_DIR sets where captures are kept)',
  CAPTURE_NONE_YET: 'no captures in {dir} yet, so there is no "last" (the receiver records each delivery there; CAPTURE_DIR sets where)',
  CAPTURE_AMBIGUOUS: '"{key}" matches {count} captures; give more of the ID, or one of these:\n{candidates}',
  CAPTURE_NEEDS_ID: '{verb} needs a capture: an ID (or any unique part of it), a wxnontaxstr, an order_id, or last (see "captures list")',
  PRUNE_DRY_RUN_NONE: "dry run: nothing to prune: no day file in {dir} ended before {cutoff}",
  PRUNE_DRY_RUN_FILE: "dry run: would remove {file} ({records} records)",
  PRUNE_DRY_RUN_TOTAL: "dry run: would prune {records} records in {files} day files older than {cutoff}; nothing was removed (run again without --dry-run)",
  REPLAY_DIFFERS: "replay: the answer differs from what was expected (exit 1)",
  CERTS_EXIST: '{files} already exist; not overwritten (a server may be using them). Run "npm run certs -- --force" to replace them.'
};

// src/messages/en/signature.ts
var signature = {
  SIG_TIMESTAMP_MISSING: 'no "{param}" {where} value: the signature covers the timestamp, so it cannot be checked',
  SIG_NONCE_MISSING: 'no "{param}" {where} value: the signature covers the nonce, so it cannot be checked',
  SIG_MISSING: "no signature ({looked})",
  SIG_NOT_ITS_SHAPE: 'received "{received}" is not {shape}, the shape of {algorithm}',
  SIG_URL_VERIFICATION_FORMULA: "the signature was computed over token, timestamp and nonce only (the URL-verification formula); {param} must include the ciphertext",
  SIG_TOKEN_OR_BODY: "the token differs from the sender's, or the body, timestamp or nonce changed after signing",
  SIG_TOKEN_WRONG_BODY_INTACT: "the ciphertext is intact (it decrypts with your key), so the token is wrong (NONTAX_TOKEN), or the timestamp/nonce are not the ones that were signed",
  SIG_BODY_ALTERED: "the ciphertext does not decrypt either: the body was altered in transit, or both NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY are wrong (or WeChat uses another scheme: npm run captures -- discover ID)",
  SIG_HEX_CASE: "signature hex is {got}; this profile emits {emits} (accepted: WeChat documents no case)",
  SIG_ANSWER_TOKEN_DIFFERS: "the answer data decrypts with check's key, so the handler signs with another token than check's (NONTAX_TOKEN), or over other strings than the timestamp, nonce and data it put in the answer",
  SIG_ANSWER_SECRETS_DIFFER: "the answer data does not decrypt with check's key either: the handler uses other secrets than check (NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY, WECHAT_APPID)",
  SIG_ANSWER_SIGNED_DELIVERY_CIPHERTEXT: "the handler signed the delivery's ciphertext instead of the answer's data",
  SIG_ANSWER_SIGNED_DELIVERY_TS_NONCE: "the handler signed with the delivery's timestamp and nonce, not the timestamp and nonce it put in the answer",
  SIG_ANSWER_COPIED_INPUTS: "the handler copied the delivery's signature inputs (timestamp, nonce, ciphertext) instead of signing its own answer"
};

// src/messages/en/delivery.ts
var delivery = {
  WARN_NO_CONTENT_TYPE: "no content-type header; read the body as {format}",
  WARN_QUERY_REPEATED: 'query parameter "{name}" appears {count} times; used the first',
  WARN_QUERY_NONCANONICAL: 'query parameter "{name}" used; the canonical name is "{canonical}"',
  WARN_BODY_NONCANONICAL: 'body field "{name}" used; the canonical name is "{canonical}"',
  WARN_PARAM_IN_BODY: '"{name}" was read from the body; WeChat puts it in the URL query',
  WARN_TIMESTAMP_NOT_UNIX: 'timestamp "{timestamp}" is not unix seconds (signed as received)',
  WARN_TIMESTAMP_PAST: "timestamp is {seconds} s in the past (over {limit} s; a warning only: WeChat documents no window)",
  WARN_TIMESTAMP_FUTURE: "timestamp is {seconds} s in the future (over {limit} s; a warning only: WeChat documents no window)",
  WARN_APPID_DIFFERS: 'envelope appid "{envelope}" differs from the configured WECHAT_APPID "{configured}"',
  WARN_DUPLICATE_ORDER: "duplicate of {earlier} (same order_id + status): answered 0 again since WeChat retries lost answers; do not apply it twice",
  WARN_NONCE_REUSED: "wxnontaxstr {nonce} was already used by delivery {earlier}: a replay, or a sender that reuses nonces"
};

// src/messages/en/answer.ts
var answer = {
  ANSWER_HTTP_STATUS: "HTTP status {status}; the answer should be HTTP 200 with an errcode",
  ANSWER_NOT_JSON: "answer is not JSON: {head}",
  ANSWER_NOT_OBJECT: "answer is not a JSON object",
  ANSWER_NO_ERRCODE: "answer has no numeric errcode (got {got})",
  ANSWER_NO_DATA: 'errcode 0 but no encrypted "data" in the answer',
  ANSWER_DATA_UNSIGNED: 'answer "data" is not signed: timestamp, nonce and msg_signature must be strings',
  ANSWER_SIGNATURE_MISMATCH: "answer msg_signature does not match its data, timestamp and nonce",
  ANSWER_SIGNATURE_HEX_CASE: "answer msg_signature is {got} hex; this profile emits {emits} (accepted: WeChat documents no case)",
  ANSWER_DATA_NOT_JSON: "answer data decrypts but is not JSON: {head}",
  ANSWER_DATA_NOT_OBJECT: "answer data decrypts to {head}, not a JSON object",
  ANSWER_DATA_NOT_DECRYPTED: "answer data does not decrypt: {detail}"
};

// src/messages/en/network.ts
var network = {
  NET_TIMEOUT: "no complete answer within {timeoutMs} ms{codeSuffix}",
  NET_TLS: "TLS handshake failed ({code}: {detail}): the certificate is not trusted (self-signed?) or does not match the host",
  NET_ECONNREFUSED: "connection refused: nothing listens on that host and port (ECONNREFUSED)",
  NET_ENOTFOUND: "the host name does not resolve (DNS) (ENOTFOUND)",
  NET_EAI_AGAIN: "DNS lookup failed temporarily (EAI_AGAIN)",
  NET_ECONNRESET: "the connection was reset by the other side or a proxy (ECONNRESET)",
  NET_EHOSTUNREACH: "no route to the host (EHOSTUNREACH)",
  NET_ENETUNREACH: "the network is unreachable (ENETUNREACH)",
  NET_UND_ERR_SOCKET: "the other side closed the connection before answering (UND_ERR_SOCKET)",
  NET_OTHER: "{detail}{codeSuffix}",
  /** The same failures, said to the owner of a handler that `check` or forward mode sent to. */
  SEND_TIMEOUT: "timeout after {timeoutMs} ms: no answer from {url}",
  SEND_ECONNREFUSED: "ECONNREFUSED: nothing listens at {origin}; start your handler or fix the URL",
  SEND_ENOTFOUND: "ENOTFOUND: the host name does not resolve for {origin}; start your handler or fix the URL",
  SEND_EAI_AGAIN: "EAI_AGAIN: DNS lookup failed temporarily for {origin}; start your handler or fix the URL",
  SEND_EHOSTUNREACH: "EHOSTUNREACH: no route to the host of {origin}; start your handler or fix the URL",
  SEND_ENETUNREACH: "ENETUNREACH: the network is unreachable for {origin}; start your handler or fix the URL",
  SEND_ECONNRESET: "ECONNRESET: the handler reset the connection without answering",
  SEND_EPIPE: "EPIPE: the handler closed the connection while the body was being sent",
  SEND_UND_ERR_SOCKET: "UND_ERR_SOCKET: the handler closed the connection without answering",
  SEND_TLS: "{code}: the TLS certificate of {origin} is not trusted or does not match the host",
  SEND_OTHER: "{codePrefix}{detail}",
  SEND_NOT_SENT: "not sent: {first}"
};

// src/messages/en/grade.ts
var grade = {
  FIX_VERIFY: "compute sha1 over sort(token, timestamp, wxnontaxstr, encrypt) joined without separator, compare it with msg_signature in constant time, and answer 300 before decrypting",
  FIX_TOKEN: "its Token differs from the one check signs with (NONTAX_TOKEN / --token), or it hashes other strings: sort token, timestamp, wxnontaxstr and encrypt exactly as received, join them, sha1, lowercase hex",
  FIX_KEY: `its EncodingAESKey or appid differs from check's (NONTAX_ENCODING_AES_KEY, WECHAT_APPID / --aes-key, --appid), or it decrypts differently: key = base64(EncodingAESKey + "=") (32 bytes), iv = its first 16 bytes, AES-256-CBC without auto-padding, padding to 32 bytes, a uint32 big-endian byte length, the appid at the end`,
  FIX_ENVELOPE: 'read the JSON body {"appid","encrypt"} and wxnontaxstr, timestamp, msg_signature from the URL query',
  FIX_ERRCODE_BODY: 'WeChat reads {"errcode","errmsg"} from a JSON body; catch framework errors (body parse, content type, size) and answer HTTP 200 with the errcode',
  GRADE_NO_ANSWER: "{error}",
  GRADE_TIMEOUT: "{error}: WeChat gives up and retries; answer within a few seconds and do slow work after answering",
  GRADE_NO_ERRCODE: "your handler answered HTTP {status} with {what}. {@FIX_ERRCODE_BODY}{want}",
  GRADE_NO_ERRCODE_FRAMEWORK: "your handler answered HTTP {status} with {what}: the request was refused before your code ran (a framework error page). {@FIX_ERRCODE_BODY}{want}",
  GRADE_ACCEPTED: "your handler answered 0 (success) where docs/PROTOCOL.md \xA74 expects {expected}: it accepted a delivery it must reject",
  GRADE_REJECTED: "your handler answered {errcode} ({name}) where docs/PROTOCOL.md \xA74 expects {expected}",
  GRADE_MISSED_300: "your handler rejected a correctly signed delivery as a signature error (300): {@FIX_TOKEN}",
  GRADE_MISSED_298: "your handler could not decrypt a correct delivery (298): {@FIX_KEY}",
  GRADE_MISSED_210: "your handler called a correct delivery malformed (210): {@FIX_ENVELOPE}",
  GRADE_MISSED_299: "your handler reported its own system error (299) for a correct delivery: WeChat retries it; look at the handler's log for the exception",
  GRADE_ANSWER_UNUSABLE: 'your handler answered 0 but WeChat cannot use the answer: {problems}. Answer {"errcode":0,"errmsg":"ok","data":encrypt(answer JSON),"timestamp","nonce","msg_signature":sha1(sort(token,timestamp,nonce,data))} with the same key, appid and token',
  NOTE_LATITUDE: "acceptable, with a warning (docs/PROTOCOL.md \xA78)",
  NOTE_HTTP_STATUS: "HTTP {status}: docs/PROTOCOL.md \xA74 answers HTTP 200 and puts the outcome in errcode (WeChat's handling of other statuses is undocumented)",
  NOTE_REJECTION_WITH_DATA: "the answer to a rejected delivery carries data; docs/PROTOCOL.md \xA74 answers failures without data",
  NOTE_NO_ECHO: 'answer data {data} does not echo {missing} (docs/PROTOCOL.md \xA74: a payment notification is answered {"order_id","status"})',
  NOTE_ANSWER: "{text}",
  NOTE_ACCEPTED_ALTHOUGH: "accepted although {items} (docs/PROTOCOL.md \xA78 allows either answer)",
  NOTE_VERIFY_FIRST: "both the signature and the decryption fail; answering 298 means the handler decrypts before it verifies: verify first",
  NOTE_NOT_BASE64_210: "docs/PROTOCOL.md \xA74 answers 298 for ciphertext that is not base64; 210 still rejects it",
  NOTE_SNIFFED_UNSUPPORTED: "the handler sniffed an unsupported content type and accepted it (docs/PROTOCOL.md \xA78 allows it)",
  NOTE_NOT_GRADED_299: "the debugger itself failed on this delivery; not graded",
  WHY_SIGNATURE_TEST_ACCEPTED: "your handler answered 0 to WeChat's signature test, a delivery whose msg_signature is wrong: it does not verify signatures; {@FIX_VERIFY}"
};

// src/messages/en/check.ts
var check = {
  CASE_SIGNED_OK_300: "your handler answered 300 (signature error) to a correctly signed delivery: {@FIX_TOKEN}",
  CASE_DECRYPT_REJECTED: "your handler rejected it, but docs/PROTOCOL.md \xA74 answers 298 (decryption failed) for a ciphertext that does not decrypt to a valid message",
  CASE_FLIPPED_ACCEPTED: "your handler answered 0 to a body altered after signing (one ciphertext bit; it still decrypts to valid JSON): it does not verify msg_signature; {@FIX_VERIFY}",
  CASE_FLIPPED_REJECTED: "your handler rejected the altered body, but not as a signature error: the ciphertext still decrypts to valid JSON under check's key, so it decrypts before it verifies (or uses another key); verify msg_signature first and answer 300",
  CASE_MISSING_SIGNATURE_210: "rejected as a format error; docs/PROTOCOL.md \xA74 answers 300 for a missing signature",
  CASE_MISSING_SIGNATURE_ACCEPTED: "your handler answered 0 to a delivery without any signature: it does not require msg_signature; {@FIX_VERIFY}",
  CASE_OTHER_TOKEN_ACCEPTED: "your handler answered 0 to a delivery signed with another token: it does not verify msg_signature; {@FIX_VERIFY}",
  CASE_BAD_BASE64_210: "rejected as a format error; docs/PROTOCOL.md \xA74 answers 298 for ciphertext that is not base64",
  CASE_OTHER_KEY_ACCEPTED: "your handler answered 0 to a ciphertext encrypted under another EncodingAESKey: it ignores decryption failures; check the pad byte (1..32), the declared length and the appid after decrypting; answer 298 when decryption does not check out",
  CASE_OTHER_APPID_ACCEPTED: "your handler answered 0 to a message encrypted for another appid: it does not compare the appid at the end of the plaintext with its own WECHAT_APPID; answer 298 when decryption does not check out",
  CASE_TRUNCATED_ACCEPTED: "your handler answered 0 to a truncated ciphertext: it does not check the pad byte, the declared length and the appid after decrypting; answer 298 when decryption does not check out",
  CASE_BAD_BASE64_ACCEPTED: `your handler answered 0 to a ciphertext that is not base64: it does not validate the base64 (Node's Buffer.from(s, "base64") silently skips bad characters); answer 298 when decryption does not check out`,
  CASE_BAD_PADDING_ACCEPTED: "your handler answered 0 to a ciphertext whose padding is invalid (pad byte 0): it does not check that the pad byte is 1..32; answer 298 when decryption does not check out",
  CASE_SIGNATURE_PARAM_0: 'accepted the signature from the non-canonical "signature" parameter; WeChat sends msg_signature (docs/PROTOCOL.md \xA78 allows either)',
  CASE_UPPER_HEX_0: "compared the signature case-insensitively; this profile emits lower-case hex (docs/PROTOCOL.md \xA78 allows either)",
  CASE_STALE_TIMESTAMP_0: "accepted a delivery signed a day ago: WeChat documents no freshness window (docs/PROTOCOL.md \xA78 allows either); a replayed old delivery would pass too",
  CASE_EMPTY_BODY_298: "rejected as a decryption failure; an empty body is a format error (210)",
  CASE_EMPTY_BODY_ACCEPTED: "your handler answered 0 to an empty body: it reported success without reading a notification; {@FIX_ENVELOPE}, and answer 210 when there is none",
  CASE_BAD_JSON_ACCEPTED: "your handler answered 0 to a body that is not valid JSON: it reported success without a notification; answer 210 when the body does not parse",
  CASE_TEXT_PLAIN_0: "sniffed and accepted a text/plain body; WeChat sends application/json (docs/PROTOCOL.md \xA78 allows either)",
  CASE_REPLAYED_NONCE_0: "accepted a wxnontaxstr it had already seen: a captured delivery could be replayed (docs/PROTOCOL.md \xA78 allows it; WeChat documents no replay window)",
  CASE_REPLAYED_NONCE_REJECTED: "rejected a repeated wxnontaxstr: fine if WeChat never reuses one, but if its retries do, this drops them (undocumented; docs/PROTOCOL.md \xA78 allows either)",
  CASE_DUPLICATE_REJECTED: "your handler rejected a repeated notification of the same order_id and status: WeChat delivers again when it lost your first answer, so answer 0 again (and do not apply it twice)",
  CASE_ONE_MIB_0: "accepted a 1 MiB notification: real ones are a few KiB, so a body limit near 64 KiB bounds the memory a sender can make the handler use (docs/PROTOCOL.md \xA78 allows either)",
  CASE_CHINESE_298: "your handler could not decrypt a Chinese plaintext (298). If crypto-test passes, the 4-byte length counts UTF-8 bytes, not characters: take that many bytes, then decode them as UTF-8. If crypto-test fails too, fix that first: {@FIX_KEY}",
  CASE_CHINESE_210: "your handler decrypted a Chinese plaintext to something that is not JSON: decode the message bytes as UTF-8 (not latin1 or GBK) after taking the declared byte length",
  CASE_LONG_PADDING_298: `your handler could not decrypt a correct delivery whose pad byte is {padByte} (298). If crypto-test passes, it unpads to 16-byte blocks (AES's own PKCS#7, Java's PKCS5Padding, or a "pad byte over 16 is invalid" check), which works only while the pad byte is 1..16: wxbizmsgcrypt pads to 32-byte blocks, so decrypt with no automatic padding and accept a pad byte of 1..32. If crypto-test fails too, fix that first: {@FIX_KEY}`,
  CASE_LONG_PADDING_210: "your handler read a correct delivery whose pad byte is {padByte} as malformed (210): it probably strips 16-byte padding only, leaving pad bytes after the appid or the message; remove all n bytes of value n, n in 1..32",
  CASE_ANSWER_PADDING_16: "your handler's answer data is {cipherBytes} bytes of ciphertext with pad byte {padByte}; PKCS#7 to 32-byte blocks gives {wantBytes} bytes with pad byte {wantPad}: it pads to 16-byte blocks (AES's own PKCS#7/PKCS5Padding). WeChat decrypts the answer with 32-byte padding: encrypt with no automatic padding and append n = 32 - (length % 32) bytes of value n",
  CASE_ANSWER_PADDING_OTHER: "your handler's answer data is {cipherBytes} bytes of ciphertext with pad byte {padByte}; PKCS#7 to 32-byte blocks gives {wantBytes} bytes with pad byte {wantPad}: its padding is not PKCS#7 to 32-byte blocks. WeChat decrypts the answer with 32-byte padding: encrypt with no automatic padding and append n = 32 - (length % 32) bytes of value n"
};

// src/messages/en/index.ts
var en = {
  ...common,
  ...preflight,
  ...inspector,
  ...signature,
  ...discovery,
  ...delivery,
  ...answer,
  ...network,
  ...grade,
  ...check
};

// src/messages/render.ts
var CATALOGUES = { en, zh: en };
var PLACEHOLDER = /\{(\w+)\}/g;
var INCLUDE = /\{@(\w+)\}/g;
function fill(template, params = {}) {
  return template.replace(PLACEHOLDER, (whole, name) => {
    const v = params[name];
    return v === void 0 || v === null ? whole : String(v);
  });
}
function render(finding2, lang = "en") {
  const catalogue = CATALOGUES[lang];
  const template = catalogue[finding2.code];
  if (template === void 0) return finding2.code;
  const expanded = template.replace(INCLUDE, (whole, code) => catalogue[code] ?? whole);
  return fill(expanded, finding2.params);
}
function isMessageCode(code) {
  return Object.hasOwn(en, code);
}
function renderWarning(w, lang = "en") {
  return typeof w === "string" ? w : render(w, lang);
}
function finding(code, params) {
  return params === void 0 ? { code } : { code, params };
}

// src/errors.ts
var EXIT = { PASS: 0, FAILED: 1, COULD_NOT_RUN: 2 };
var AppError = class extends Error {
  name = "AppError";
  code;
  exitCode;
  params;
  constructor(code, message, exitCode = EXIT.COULD_NOT_RUN, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    this.exitCode = exitCode;
    this.params = options?.params ?? {};
  }
  /** An error whose text is rendered from the message catalogue. */
  static from(finding2) {
    const e = new this(finding2.code, render(finding2));
    Object.assign(e, { params: finding2.params ?? {} });
    return e;
  }
};
var UsageError = class extends AppError {
  name = "UsageError";
  /** The command whose usage is printed after the problem ('' = the top-level usage). */
  command;
  constructor(code, message) {
    super(code, message, EXIT.COULD_NOT_RUN);
  }
};
var ConfigError = class extends AppError {
  name = "ConfigError";
  problems;
  constructor(problems, code = "CONFIG_INVALID") {
    super(code, `configuration is not valid:
${problems.map((p) => `  - ${p}`).join("\n")}
See .env.example and the README's "Configuration" section.`, EXIT.COULD_NOT_RUN);
    this.problems = problems;
  }
};
var SetupError = class extends AppError {
  name = "SetupError";
  constructor(code, message, options) {
    super(code, message, EXIT.COULD_NOT_RUN, options);
  }
};
var WechatRefusedError = class extends AppError {
  name = "WechatRefusedError";
  constructor(code, message, options) {
    super(code, message, EXIT.COULD_NOT_RUN, options);
  }
};
function asAppError(err) {
  if (err instanceof AppError) return err;
  const e = err;
  if (e?.code === "EADDRINUSE" || e?.code === "EACCES" || e?.code === "EADDRNOTAVAIL") {
    return SetupError.from({ code: `LISTEN_${e.code}`, params: { detail: e.message } });
  }
  return void 0;
}

export {
  en,
  render,
  isMessageCode,
  renderWarning,
  finding,
  EXIT,
  AppError,
  UsageError,
  ConfigError,
  SetupError,
  WechatRefusedError,
  asAppError
};
