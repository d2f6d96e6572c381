import {
  EditError,
  LIST_HEADER,
  REQUEST_ERRORS,
  ReplayError,
  TAMPERS,
  TamperError,
  listLine,
  outgoingRequest,
  parseSet,
  reinspect,
  replay,
  replayMatches,
  replayText,
  sendEdited,
  showText,
  toCurl,
  toHar,
  verifyText
} from "./chunk-ODITVC6Q.js";
import "./chunk-MA225YI5.js";
import {
  SecretFlagError,
  resolveSecrets
} from "./chunk-LL7KQ7PF.js";
import {
  createFileStore,
  dayFileName,
  dayRange,
  listDayFiles,
  scanRecords
} from "./chunk-SYNFUKYE.js";
import {
  createProfile,
  loadConfig,
  secretValues
} from "./chunk-UZATLX4B.js";
import {
  maskSecrets
} from "./chunk-QJB4YHH6.js";
import {
  AppError,
  EXIT,
  SetupError,
  UsageError,
  render
} from "./chunk-GJAS6JHG.js";

// src/cli/captures.ts
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import ms from "ms";

// src/cli/captures-lookup.ts
var CANDIDATES_SHOWN = 8;
async function lookupCaptures(store, key) {
  const exact = await store.get(key);
  if (exact) return { records: [exact], match: "id" };
  if (key === "last") {
    const [newest] = await store.list({ limit: 1 });
    if (newest) return { records: [newest], match: "last" };
    throw SetupError.from({ code: "CAPTURE_NONE_YET", params: { dir: store.dir } });
  }
  const all = await store.list();
  const byOrder = all.filter((r) => orderIdOf(r) === key);
  if (byOrder.length > 0) return { records: byOrder, match: "order_id" };
  const byNonce = all.filter((r) => r.wxnontaxstr === key);
  if (byNonce.length > 0) return unique(byNonce, "wxnontaxstr", key);
  const byId = all.filter((r) => r.id.includes(key));
  if (byId.length > 0) return unique(byId, "id-substring", key);
  throw SetupError.from({ code: "CAPTURE_NOT_FOUND", params: { key, dir: store.dir } });
}
function single(l, key) {
  if (l.records.length === 1 && l.records[0]) return l.records[0];
  throw ambiguous(l.records, key);
}
function unique(records, match, key) {
  if (records.length === 1) return { records, match };
  throw ambiguous(records, key);
}
function ambiguous(records, key) {
  const shown = records.slice(0, CANDIDATES_SHOWN).map((r) => `  ${r.id}  wxnontaxstr ${r.wxnontaxstr ?? "-"}  order_id ${orderIdOf(r) ?? "-"}  errcode ${r.answer.body.errcode}`);
  const more = records.length > CANDIDATES_SHOWN ? `
  \u2026 and ${records.length - CANDIDATES_SHOWN} more` : "";
  return SetupError.from({ code: "CAPTURE_AMBIGUOUS", params: { key, count: records.length, candidates: shown.join("\n") + more } });
}
function orderIdOf(r) {
  const o = r.inspection.payload?.order_id;
  return o === void 0 || o === null ? void 0 : String(o);
}

// src/cli/captures-views.ts
async function listCaptures(store, out, io, f) {
  const records = await store.list({ sinceMs: f.sinceMs, errcode: f.errcode, orderId: f.orderId, limit: f.limit });
  if (records.length === 0) {
    io.err(store.stats.records === 0 ? `no captures in ${store.dir} yet` : `no captures match (${store.stats.records} in ${store.dir})`);
    return 0;
  }
  if (io.isTTY && !f.json) out(LIST_HEADER);
  for (const r of records) out(f.json ? JSON.stringify(r) : listLine(r));
  if (f.limit !== void 0 && records.length === f.limit && store.stats.records > f.limit) {
    io.err(`showing the newest ${f.limit} of ${store.stats.records} captures; use --limit N or --since 2d for others`);
  }
  return 0;
}
function showCapture(r, out, json) {
  out(json ? JSON.stringify(r, null, 2) : showText(r));
  return 0;
}
function exportCapture(r, io, curl, har, to) {
  if (curl === har) {
    throw new UsageError("USAGE_BAD_FLAGS", "export needs exactly one of --curl or --har (e.g. captures export ID --curl)");
  }
  if (to !== void 0 && !URL.canParse(to)) throw new UsageError("USAGE_BAD_FLAGS", `--to must be a URL (got "${to}")`);
  const req = outgoingRequest(r, to);
  io.out(curl ? toCurl(req) : JSON.stringify(toHar(r, req, { name: "nontax-debugger", version: "0.1.0" }), null, 2));
  return 0;
}
async function pruneCaptures(store, out, olderThanMs) {
  const res = await store.prune(olderThanMs);
  if (res.removed.length === 0) {
    out(`nothing to prune: no day file in ${store.dir} ended before ${res.cutoff}`);
    return 0;
  }
  for (const f of res.removed) out(`removed ${f.file} (${f.records} records)`);
  out(`pruned ${res.records} records in ${res.removed.length} day files older than ${res.cutoff}`);
  return 0;
}
async function pruneDryRun(dir, out, olderThanMs, now) {
  const cutoffMs = now() - olderThanMs;
  const cutoff = new Date(cutoffMs).toISOString();
  const today = dayFileName("", now());
  let records = 0;
  let files = 0;
  for (const file of await listDayFiles(dir).catch(() => [])) {
    if (file === today || dayRange(file).endMs > cutoffMs) continue;
    const ids = /* @__PURE__ */ new Set();
    for await (const item of scanRecords(dir, file)) if ("record" in item) ids.add(item.record.id);
    out(render({ code: "PRUNE_DRY_RUN_FILE", params: { file, records: ids.size } }));
    records += ids.size;
    files++;
  }
  out(render(files === 0 ? { code: "PRUNE_DRY_RUN_NONE", params: { dir, cutoff } } : { code: "PRUNE_DRY_RUN_TOTAL", params: { records, files, cutoff } }));
  return 0;
}

// src/cli/captures-edit.ts
async function replayEdited(r, sets, to, d) {
  try {
    const o = await sendEdited(r, sets.map(parseSet), to, { secrets: d.secrets, profile: d.profile, nowMs: d.nowMs, ...d.dispatcher ? { dispatcher: d.dispatcher } : {} });
    d.out([
      `replay ${r.id} edited \u2192 POST ${o.request.url}`,
      `set         ${sets.join(", ")}`,
      `plaintext   ${o.plaintext}`,
      `original    HTTP ${r.answer.status}  errcode ${r.answer.body.errcode}`,
      `edited      HTTP ${o.status}  ${o.text}`,
      `result      errcode ${o.answer.errcode ?? "none"}${o.answer.data !== void 0 ? `, data ${JSON.stringify(o.answer.data)}` : ""}`
    ].join("\n"));
    return o.answer.errcode === 0 ? 0 : 1;
  } catch (err) {
    if (!(err instanceof EditError)) throw err;
    d.err(render(err.finding));
    return REQUEST_ERRORS.has(err.finding.code) ? 2 : 1;
  }
}

// src/cli/captures.ts
var DEFAULT_LIST_LIMIT = 100;
var CAPTURES_USAGE = `usage: captures <verb> [options]     (npm run captures -- <verb>, or nontax-debugger captures <verb>)

  list [--since 2h|2024-05-01] [--errcode 300] [--order ID] [--limit N] [--json]
                  (newest first; without --since or --limit, the newest ${DEFAULT_LIST_LIMIT})
  show ID [--json]
  verify ID [--token T] [--aes-key K] [--appid A] [--demo-keys]
  replay ID --to URL [--tamper signature|body|timestamp|appid] [--token T] [--aes-key K] [--appid A]
                  (exit 1 when the answer differs from the recorded one, or from what the tamper expects)
  replay ID --to URL --set order_id=NT1 [--set fee=1 ...]   (edited plaintext, re-encrypted and re-signed)
  export ID --curl | --har [--to URL]
  discover ID [--json] [--key K]\u2026   which profile (docs/PROTOCOL.md \xA77) this delivery verifies and decrypts under
  prune --older-than 7d [--dry-run]

Captures are read from CAPTURE_DIR (default ./captures). ID may be the full ID, any unique part of
it, a wxnontaxstr, an order_id (show and verify then act on all its captures), or last.
Secrets default to NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY and WECHAT_APPID; they are never printed.
Pipe the output with the packaged command: npx nontax-debugger captures export last --curl | bash
Exit codes: 0 done, 1 a replayed answer differs, 2 could not run (usage, configuration, no such capture).`;
var SECRET_FLAGS = { token: { type: "string" }, "aes-key": { type: "string" }, appid: { type: "string" } };
var OPTIONS = {
  list: { since: { type: "string" }, errcode: { type: "string" }, order: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
  show: { json: { type: "boolean" } },
  verify: { ...SECRET_FLAGS, "demo-keys": { type: "boolean" } },
  replay: { to: { type: "string" }, tamper: { type: "string" }, set: { type: "string", multiple: true }, ...SECRET_FLAGS },
  export: { curl: { type: "boolean" }, har: { type: "boolean" }, to: { type: "string" } },
  prune: { "older-than": { type: "string" }, "dry-run": { type: "boolean" } }
};
async function runCaptures(argv, io, deps = {}) {
  const [verb, ...rest] = argv;
  if (verb === void 0 || verb === "help" || verb === "--help" || verb === "-h") {
    if (verb !== void 0) {
      io.out(CAPTURES_USAGE);
      return 0;
    }
    io.err(CAPTURES_USAGE);
    return 2;
  }
  if (verb === "discover") return (await import("./captures-discover-VS2U2JIK.js")).runDiscover(rest, io);
  if (!(verb in OPTIONS)) return usage(io, `unknown verb "${verb}"`);
  const now = deps.now ?? Date.now;
  let store;
  try {
    const config = loadConfig(io.env);
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS[verb], allowPositionals: true, strict: true });
    const v = values;
    const str = (k) => typeof v[k] === "string" ? v[k] : void 0;
    const mask = [...secretValues(config), str("token"), str("aes-key")];
    const out = (t) => io.out(maskSecrets(t, mask));
    store = await openStore(config, io, now);
    if (verb === "list") return await listCaptures(store, out, io, listFilter(v, now));
    if (verb === "prune") {
      const age = durationMs(str("older-than"), "--older-than", "prune");
      return v["dry-run"] === true ? await pruneDryRun(store.dir, out, age, now) : await pruneCaptures(store, out, age);
    }
    const key = positionals[0];
    if (key === void 0) throw UsageError.from({ code: "CAPTURE_NEEDS_ID", params: { verb } });
    const found = await lookupCaptures(store, key);
    const c = { v, str, out, io, config, deps };
    if (verb === "show" || verb === "verify") {
      let code = 0;
      for (const r of found.records) code = Math.max(code, await onCapture(verb, r, c));
      return code;
    }
    return await onCapture(verb, single(found, key), c);
  } catch (err) {
    if (err instanceof UsageError || err.code?.startsWith("ERR_PARSE_ARGS")) return usage(io, err.message);
    if (err instanceof SecretFlagError) return usage(io, err.message);
    if (err instanceof TamperError || err instanceof ReplayError) {
      io.err(err.message);
      return EXIT.COULD_NOT_RUN;
    }
    if (err instanceof AppError) {
      io.err(err.message);
      return err.exitCode;
    }
    throw err;
  } finally {
    await store?.close();
  }
}
async function onCapture(verb, r, c) {
  const profile = c.deps.profile ?? createProfile(c.config.profile);
  switch (verb) {
    case "show":
      return showCapture(r, c.out, c.v.json === true);
    case "export":
      return exportCapture(r, c.io, c.v.curl === true, c.v.har === true, c.str("to"));
    case "verify": {
      const s = resolveSecrets(c.v, c.io.env, c.config, r);
      c.out(verifyText(r, reinspect(r, s, profile), s));
      return 0;
    }
    case "replay": {
      const to = c.str("to");
      if (to === void 0 || !URL.canParse(to)) throw new UsageError("USAGE_BAD_FLAGS", "replay needs --to URL, the receiver to send to (e.g. --to http://127.0.0.1:3000)");
      const tamper = c.str("tamper");
      if (tamper !== void 0 && !TAMPERS.includes(tamper)) throw new UsageError("USAGE_BAD_FLAGS", `--tamper must be one of ${TAMPERS.join(", ")} (got "${tamper}")`);
      const s = resolveSecrets(c.v, c.io.env, c.config, r);
      const sets = c.v.set;
      if (sets !== void 0) return replayEdited(r, sets, to, { secrets: s.secrets, profile, nowMs: (c.deps.now ?? Date.now)(), dispatcher: c.deps.dispatcher, out: c.out, err: c.io.err });
      const outcome = await replay(r, to, tamper, s.secrets, profile, c.deps.dispatcher);
      c.out(replayText(r, outcome));
      if (replayMatches(outcome)) return EXIT.PASS;
      c.io.err(render({ code: "REPLAY_DIFFERS" }));
      return EXIT.FAILED;
    }
  }
}
function usage(io, problem) {
  io.err(`${problem}

${CAPTURES_USAGE}`);
  return 2;
}
async function openStore(config, io, now) {
  const exists = await stat(config.captureDir).then((s) => s.isDirectory(), () => false);
  if (!exists) io.err(`note: CAPTURE_DIR "${config.captureDir}" does not exist yet (the receiver creates it on its first delivery)`);
  return createFileStore({
    dir: config.captureDir,
    maxInMemory: config.limits.maxCapturesInMemory,
    now,
    log: { warn: (_o, msg) => io.err(msg) },
    readOnly: !exists
  });
}
function durationMs(text, flag, verb) {
  if (text === void 0) throw new UsageError("USAGE_BAD_FLAGS", `${verb} needs ${flag} (e.g. ${flag} 7d)`);
  const n = ms(text);
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw new UsageError("USAGE_BAD_FLAGS", `${flag} must be a duration like 2h, 7d or 30m (got "${text}")`);
  return n;
}
function listFilter(v, now) {
  const since = typeof v.since === "string" ? v.since : void 0;
  let sinceMs;
  if (since !== void 0) {
    const d = ms(since);
    sinceMs = typeof d === "number" && Number.isFinite(d) ? now() - d : Date.parse(since);
    if (!Number.isFinite(sinceMs)) throw new UsageError("USAGE_BAD_FLAGS", `--since must be a duration (2h, 1d) or a date (2024-05-01, 2024-05-01T14:00Z); got "${since}"`);
  }
  const int = (k) => {
    const s = v[k];
    if (typeof s !== "string") return void 0;
    if (!/^\d+$/.test(s)) throw new UsageError("USAGE_BAD_FLAGS", `--${k} must be a whole number (got "${s}")`);
    return Number(s);
  };
  const limit = int("limit") ?? (sinceMs === void 0 ? DEFAULT_LIST_LIMIT : void 0);
  return { sinceMs, errcode: int("errcode"), orderId: typeof v.order === "string" ? v.order : void 0, limit, json: v.json === true };
}
export {
  CAPTURES_USAGE,
  DEFAULT_LIST_LIMIT,
  runCaptures
};
