/** Usage texts, apart from the commands so that printing them loads nothing else. */
export const RUN_USAGE = `usage: npm start -- [--once] [--json] [--emulator] [--api mockqueryfee]
  --once       exit after the verdict: 0 when both deliveries behaved as expected, 1 otherwise
  --json       print the verdict as one JSON object on stdout (logs go to stderr)
  --emulator   use the built-in WeChat emulator even when credentials are configured
  --api NAME   mocknotification (default: a payment notification) or mockqueryfee (a query-fee request)`

export const SERVE_USAGE = `usage: npm run serve [-- --forward-to URL]
  runs the receiver alone at NOTIFY_PATH (no trigger), for staging configs that point at it
  --forward-to URL   pass each delivery (exact bytes, query, content-type) to your handler, relay its
                     answer, and grade it against PROTOCOL.md; a dead or slow handler gets the sender 299`
