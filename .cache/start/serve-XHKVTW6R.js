import {
  buildApp,
  createLogger,
  createSessionTally,
  launcherWatch,
  listen,
  openCaptureStore,
  startInspectorFor,
  untilSignal
} from "./chunk-WHSCTIE3.js";
import {
  DEFAULT_TIMEOUT_MS,
  sendRequest
} from "./chunk-NJ53JUP3.js";
import {
  expectationFor,
  gradeReply,
  referenceForensics
} from "./chunk-YI66P2DG.js";
import "./chunk-Y4BVNIMO.js";
import "./chunk-ODITVC6Q.js";
import {
  rawQueryOf,
  withQuery
} from "./chunk-MA225YI5.js";
import "./chunk-SYNFUKYE.js";
import {
  createProfile,
  loadConfig
} from "./chunk-UZATLX4B.js";
import "./chunk-QJB4YHH6.js";
import {
  parseFlags
} from "./chunk-L4WV3MXU.js";
import "./chunk-GJAS6JHG.js";

// src/forward/forwarder.ts
var FORWARDED_HEADERS = ["content-type", "user-agent", "accept"];
function profileHeaders(profile, h) {
  const out = {};
  for (const loc of Object.values(profile.descriptor.fields)) {
    const v = loc?.in === "header" ? h[loc.name.toLowerCase()] : void 0;
    if (v !== void 0) out[loc?.name.toLowerCase() ?? ""] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}
function forwardHeaders(h) {
  const out = {};
  for (const name of FORWARDED_HEADERS) {
    const v = h[name];
    if (v !== void 0) out[name] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}
function createForwarder(opts) {
  if (!/^https?:\/\/[^/]/.test(opts.target) || !URL.canParse(opts.target)) {
    throw new TypeError(`forward target must be the http(s) URL of your handler (e.g. http://127.0.0.1:8080/notify); got "${opts.target}"`);
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (req) => {
    const reply = await sendRequest(withQuery(opts.target, rawQueryOf(req.url)), {
      method: req.method,
      headers: { ...profileHeaders(opts.profile, req.headers), ...forwardHeaders(req.headers) },
      body: req.body,
      timeoutMs,
      dispatcher: opts.dispatcher
    });
    const env = req.expected.envelope;
    const grade = gradeReply(expectationFor(req.expected, { bodyBytes: req.body.length }), reply, {
      secrets: opts.secrets,
      profile: opts.profile,
      sent: { timestamp: env?.timestamp, nonce: env?.nonce, encrypt: env?.encrypt }
    });
    if (grade.failure === "errcode") grade.forensics.push(...referenceForensics(req.expected));
    if (reply.kind === "error") return { ok: false, durationMs: reply.durationMs, error: reply.error, grade };
    return { ok: true, status: reply.status, headers: reply.headers, body: reply.body, durationMs: reply.durationMs, grade };
  };
}

// src/cli/serve.ts
async function runServe(argv, io) {
  const { values } = parseFlags(argv, { "forward-to": { type: "string" } });
  const config = loadConfig(io.env, { isTTY: io.isTTY });
  const logger = createLogger(config);
  const profile = createProfile(config.profile);
  const target = values["forward-to"];
  const forward = target ? createForwarder({ target, secrets: config.secrets, profile }) : void 0;
  const store = await openCaptureStore(config, logger);
  const app = await buildApp(config, { logger, store, profile, ...forward ? { forward } : {} }).catch(async (err) => {
    await store.close();
    throw err;
  });
  const url = await listen(app, config).catch(async (err) => {
    await app.close();
    throw err;
  });
  logger.info({ url: url + config.notifyPath, forwardTo: target }, target ? `listening: deliveries to ${url}${config.notifyPath} are recorded, forwarded to ${target}, graded, and its answers relayed (Ctrl-C to stop)` : `listening: deliveries to ${url}${config.notifyPath} are verified, decrypted, logged and answered (Ctrl-C to stop)`);
  const inspector = await startInspectorFor(app, url, logger);
  const tally = createSessionTally(app.nontax.events);
  const launcherAlive = launcherWatch(io.env, process.ppid);
  const code = await untilSignal(async () => {
    await app.close();
    await inspector?.close();
  }, {
    say: (line) => logger.info(line),
    onClosed: () => logger.info(tally.summary()),
    ...launcherAlive ? { launcherAlive } : {}
  });
  logger.info(`stopped: every delivery received was answered and recorded (exit ${code})`);
  return code;
}
export {
  runServe
};
