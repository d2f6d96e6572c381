import {
  maskSecrets
} from "./chunk-QJB4YHH6.js";
import {
  AppError,
  EXIT,
  UsageError,
  asAppError,
  render
} from "./chunk-GJAS6JHG.js";

// src/main.ts
import { existsSync } from "node:fs";

// src/cli/usage.ts
var RUN_USAGE = `usage: npm start -- [--once] [--json] [--emulator] [--demo-keys] [--api mockqueryfee] [--emulate-profile P]
       npx nontax-debugger run [same options]      (use this form when you pipe the output)
  --once       exit after the verdict: 0 when both deliveries behaved as expected, 1 otherwise, 2 when it could not run
  --json       print the verdict as one JSON object on stdout, logs as JSON lines on stderr (implies --once)
  --emulator   use the built-in WeChat emulator even when credentials are configured
  --api NAME   mocknotification (default: a payment notification) or mockqueryfee (a query-fee request)
  --emulate-profile P   the built-in emulator sends in profile P (a name, JSON or @file; also
               NONTAX_EMULATE_PROFILE) while the receiver speaks NONTAX_PROFILE (docs/PROTOCOL.md \xA75)`;
var SERVE_USAGE = `usage: npm run serve [-- --forward-to URL] [--demo-keys]
  runs the receiver alone at NOTIFY_PATH (no trigger), for staging configs that point at it
  --forward-to URL   pass each delivery (exact bytes, query, content-type) to your handler, relay its
                     answer, and grade it against docs/PROTOCOL.md \xA74; a dead or slow handler gets the sender 299
  --demo-keys        run with generated NONTAX_TOKEN / NONTAX_ENCODING_AES_KEY (no real delivery can verify)
  Needs NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY (in .env or the environment) unless --demo-keys.`;
var CERTS_USAGE = `usage: npm run certs [-- --force]
  writes a self-signed certs/cert.pem and certs/key.pem for loopback HTTPS (TLS_CERT_FILE, TLS_KEY_FILE)
  --force   overwrite an existing pair`;
var TOP_USAGE = `usage: nontax-debugger <command> [options]      (npx nontax-debugger \u2026 from the clone, or npm start / npm run \u2026)
commands:
  run        trigger WeChat's mock notification, receive both deliveries, print a verdict (npm start)
  serve      receive deliveries only, optionally forwarding to your handler (npm run serve)
  check      grade your own handler with WeChat's deliveries and a hostile battery (npm run check)
  captures   list, show, verify, replay, export and prune recorded deliveries (npm run captures)
  certs      write a self-signed pair for loopback HTTPS (npm run certs)
<command> --help shows the options of each.
Exit codes: 0 pass, 1 the verdict or check failed, 2 could not run (configuration, setup, WeChat refused).`;

// src/cli/dispatch.ts
var COMMANDS = {
  run: async () => (await import("./run-AL7OJUJD.js")).runRun,
  serve: async () => (await import("./serve-XHKVTW6R.js")).runServe,
  check: async () => (await import("./check-GJRCW67R.js")).runCheck,
  captures: async () => (await import("./captures-3O3PHVTP.js")).runCaptures,
  certs: async () => (await import("./certs-NB5UBAG5.js")).runCerts
};
var USAGES = { run: RUN_USAGE, serve: SERVE_USAGE, certs: CERTS_USAGE };
var HELP = ["help", "--help", "-h"];
async function main(argv, io) {
  const [name = "run", ...rest] = argv;
  const load = COMMANDS[name];
  if (!load) {
    if (HELP.includes(name)) {
      io.out(TOP_USAGE);
      return EXIT.PASS;
    }
    io.err(`${render({ code: "USAGE_UNKNOWN_COMMAND", params: { name } })}

${TOP_USAGE}`);
    return EXIT.COULD_NOT_RUN;
  }
  const usage = USAGES[name];
  if (usage !== void 0 && (rest.includes("--help") || rest.includes("-h"))) {
    io.out(usage);
    return EXIT.PASS;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (err) {
    return report(err, name, io);
  }
}
function report(err, name, io) {
  const secrets = Object.entries(io.env).filter(([k]) => /SECRET|TOKEN|AES_KEY/.test(k)).map(([, v]) => v);
  const app = asAppError(err);
  if (app instanceof UsageError) {
    io.err(`${name}: ${app.message}

${USAGES[name] ?? TOP_USAGE}`);
    return app.exitCode;
  }
  if (app instanceof AppError) {
    io.err(maskSecrets(`${app.message}`, secrets));
    return app.exitCode;
  }
  io.err(maskSecrets(render({ code: "INTERNAL_ERROR", params: { detail: err?.stack ?? String(err) } }), secrets));
  return EXIT.COULD_NOT_RUN;
}

// src/cli/io.ts
function processIo() {
  return {
    out: (t) => {
      process.stdout.write(t.endsWith("\n") ? t : t + "\n");
    },
    err: (t) => {
      process.stderr.write(t.endsWith("\n") ? t : t + "\n");
    },
    env: process.env,
    isTTY: process.stdout.isTTY === true
  };
}

// src/main.ts
var envFile = process.env.ENV_FILE || ".env";
if (envFile !== "none" && existsSync(envFile)) process.loadEnvFile(envFile);
process.exitCode = await main(process.argv.slice(2), processIo());
