import {
  deliveryBytesOfRecord,
  discover,
  discoveryText
} from "./chunk-Y4BVNIMO.js";
import {
  SecretFlagError,
  resolveSecrets
} from "./chunk-LL7KQ7PF.js";
import {
  createFileStore
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
  ConfigError
} from "./chunk-GJAS6JHG.js";

// src/cli/captures-discover.ts
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
var DISCOVER_USAGE = `usage: npm run captures -- discover ID [--json] [--key K]\u2026 [--token T] [--aes-key K] [--appid A]

Searches the profile space (docs/PROTOCOL.md \xA77) for the scheme this recorded delivery verifies and
decrypts under, with NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY, WECHAT_APPID and every --key. Prints the
best matches with the NONTAX_PROFILE line to paste; with no match, the delivery's anatomy.
Exit code: 0 a profile decrypts and verifies it, 1 none does, 2 usage or configuration error.`;
var SIBLING_WINDOW_MS = 12e4;
async function runDiscover(argv, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: "boolean" }, key: { type: "string", multiple: true }, token: { type: "string" }, "aes-key": { type: "string" }, appid: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
  } catch (err) {
    io.err(`${err.message}

${DISCOVER_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(DISCOVER_USAGE);
    return 0;
  }
  const id = positionals[0];
  if (id === void 0) {
    io.err(`discover needs a capture ID (see "captures list")

${DISCOVER_USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  const keys = values.key ?? [];
  const mask = (t) => maskSecrets(t, [...secretValues(config), values.token, values["aes-key"], ...keys]);
  const exists = await stat(config.captureDir).then((s) => s.isDirectory(), () => false);
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory, now: Date.now, log: { warn: (_o, msg) => io.err(msg) }, readOnly: true });
  try {
    if (!exists) {
      io.err(`no capture "${id}": CAPTURE_DIR "${config.captureDir}" does not exist yet`);
      return 1;
    }
    const all = await store.list();
    const hits = all.filter((r2) => r2.id === id || r2.id.startsWith(id));
    const r = hits.find((h) => h.id === id) ?? (hits.length === 1 ? hits[0] : void 0);
    if (!r) {
      io.err(hits.length > 1 ? `capture ID "${id}" is ambiguous: ${hits.slice(0, 5).map((h) => h.id).join(", ")}` : `no capture "${id}" in ${store.dir} (see "captures list")`);
      return 1;
    }
    let s;
    try {
      s = resolveSecrets(values, io.env, config, r);
    } catch (err) {
      if (err instanceof SecretFlagError) {
        io.err(`${err.message}

${DISCOVER_USAGE}`);
        return 2;
      }
      throw err;
    }
    const sibling = siblingOf(r, all);
    const d = discover(deliveryBytesOfRecord(r), { secrets: s.secrets, extraKeys: keys, sibling: sibling ? deliveryBytesOfRecord(sibling) : void 0 });
    const configured = createProfile(config.profile).id;
    if (values.json) {
      io.out(mask(JSON.stringify({ capture: r.id, configuredProfile: configured, sibling: sibling?.id, ...d })));
    } else {
      const head = `${r.method} ${r.path} \xB7 ${r.contentType ?? "no content-type"} \xB7 ${r.body.bytes} bytes \xB7 received ${r.receivedAt}`;
      io.out(mask(discoveryText(r.id, head, d, configured, sibling?.id)));
    }
    return d.matches.some((m) => m.decrypts && m.signatureVerifies) ? 0 : 1;
  } finally {
    await store.close();
  }
}
function siblingOf(r, all) {
  const at = Date.parse(r.receivedAt);
  return all.filter((o) => o.id !== r.id && o.path === r.path && Math.abs(Date.parse(o.receivedAt) - at) <= SIBLING_WINDOW_MS).sort((a, b) => Math.abs(Date.parse(a.receivedAt) - at) - Math.abs(Date.parse(b.receivedAt) - at))[0];
}
export {
  DISCOVER_USAGE,
  runDiscover
};
