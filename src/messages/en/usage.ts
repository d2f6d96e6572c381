/** The usage texts main() prints (--help, and after a usage error): whole entries, one per command. */
export const usage = {
  USAGE_RUN: `usage: npm start -- [--once] [--json] [--emulator] [--api mockqueryfee] [--emulate-profile P]
       npx nontax-debugger run [same options]      (use this form when you pipe the output)
  --once       exit after the verdict: 0 when both deliveries behaved as expected, 1 otherwise, 2 when it could not run
  --json       print the verdict as one JSON object on stdout, logs as JSON lines on stderr (implies --once)
  --emulator   use the built-in WeChat emulator even when credentials are configured
  --api NAME   mocknotification (default: a payment notification) or mockqueryfee (a query-fee request)
  --emulate-profile P   the built-in emulator sends in profile P (a name, JSON or @file; also
               NONTAX_EMULATE_PROFILE) while the receiver speaks NONTAX_PROFILE (docs/PROTOCOL.md §5)
  --forward-to URL   relay each delivery to YOUR handler and grade its answers: the verdict is about
               it (exit 2 if nothing answers at URL; needs your own secrets in .env)
  --set F=V    your own payload field in the emulator's deliveries, e.g. --set order_id=NT2024001
               --set fee=1250 (fen) --set status=5 (refund); repeatable. --set-file F: a JSON object
  --retries N  retry a delivery not answered 0, as WeChat does (default 0); --retry-delays 1s,5s,…
               sets the waits (default: WeChat Pay's published intervals, 15s, 15s, 30s, 3m, …)
  --lang zh|en the output language (default: from LC_ALL, LC_MESSAGES, LANG)`,
  USAGE_SERVE: `usage: npm run serve [-- --forward-to URL] [--demo-keys]
  runs the receiver alone at NOTIFY_PATH (no trigger), for staging configs that point at it
  --forward-to URL   pass each delivery (exact bytes, query, content-type) to your handler, relay its
                     answer, and grade it against docs/PROTOCOL.md §4; a dead or slow handler gets the sender 299
  --demo-keys        run with generated NONTAX_TOKEN / NONTAX_ENCODING_AES_KEY (no real delivery can verify)
  --lang zh|en       the output language (default: from LC_ALL, LC_MESSAGES, LANG)
  Needs NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY (in .env or the environment) unless --demo-keys.`,
  USAGE_CERTS: `usage: npm run certs [-- --force]
  writes a self-signed certs/cert.pem and certs/key.pem for loopback HTTPS (TLS_CERT_FILE, TLS_KEY_FILE)
  --force   overwrite an existing pair`,
  USAGE_TOP: `usage: nontax-debugger <command> [options]      (npx nontax-debugger … from the clone, or npm start / npm run …)
commands:
  run        trigger WeChat's mock notification, receive both deliveries, print a verdict (npm start)
  serve      receive deliveries only, optionally forwarding to your handler (npm run serve)
  check      grade your own handler with WeChat's deliveries and a hostile battery (npm run check)
  captures   list, show, verify, replay, export and prune recorded deliveries (npm run captures)
  certs      write a self-signed pair for loopback HTTPS (npm run certs)
<command> --help shows the options of each; every command takes --lang zh|en.
Exit codes: 0 pass, 1 the verdict or check failed, 2 could not run (configuration, setup, WeChat refused).`,
} as const
