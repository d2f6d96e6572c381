/** The usage texts of check and captures (they have their own flags and verbs): whole entries. */
export const cliUsage = {
  USAGE_CHECK: `usage: npm run check -- --target URL [--json] [--timeout-ms N] [--only CLASS,…] [--api API] [--set F=V …] [--set-file F] [--appid ID --token T --aes-key K]

Acts as WeChat's back end: sends your notification handler the two version-1 deliveries and a
battery of hostile ones, and grades each answer against docs/PROTOCOL.md §4 and §8.

  --target URL      your handler, e.g. http://127.0.0.1:8080/notify (the signed query is appended)
  --json            print one JSON report (for CI) instead of the table
  --timeout-ms N    how long to wait for each answer (default {timeoutMs})
{@USAGE_CHECK_SELECT}
  --lang zh|en      the output language (default: from LC_ALL, LC_MESSAGES, LANG)

Secrets: the ones your handler is configured with, from the environment (.env) or flags:
  WECHAT_APPID             --appid     the account AppID (also the appid inside the ciphertext)
  NONTAX_TOKEN             --token     the signing Token
  NONTAX_ENCODING_AES_KEY  --aes-key   the 43-character EncodingAESKey
Prefer the environment: flags end up in shell history. Secrets are never printed.

Exit code: 0 no FAIL, 1 at least one FAIL, 2 usage or configuration error, or nothing answers at URL.`,
  USAGE_CHECK_SELECT: `  --only A,B        run only these classes (names as in the table; unknown names list them all)
  --api API         mocknotification (default): payment notifications; mockqueryfee: grade a
                    query-fee handler (answers a bill; 232 already paid, 236 not at this bank)
  --set F=V         your own value for a payload field, e.g. --set order_id=NT2024001 --set fee=1250
                    --set status=5 (refund); fee in fen, status 3/4 paid or 5 refunded. Repeatable.
                    With order_id set every class uses that order: your handler must be idempotent
  --set-file F      a JSON object of payload fields (e.g. items); --set values win over it`,
  USAGE_CAPTURES: `usage: captures <verb> [options]     (npm run captures -- <verb>, or nontax-debugger captures <verb>)

  list [--since 2h|2024-05-01 (local time)] [--errcode 300] [--order ID] [--limit N] [--json]
                  (newest first; without --since or --limit, the newest {limit})
  show ID [--json]
  verify ID [--token T] [--aes-key K] [--appid A] [--demo-keys]
  replay ID --to URL [--tamper signature|body|timestamp|appid] [--token T] [--aes-key K] [--appid A]
                  (exit 1 when the answer differs from the recorded one, or from what the tamper expects)
  replay ID --to URL --set order_id=NT1 [--set fee=1 ...]   (edited plaintext, re-encrypted and re-signed)
  export ID --curl | --har [--to URL]
  discover ID [--json] [--key K]…   which profile (docs/PROTOCOL.md §7) this delivery verifies and decrypts under
  prune --older-than 7d [--dry-run]

Captures are read from CAPTURE_DIR (default ./captures). ID may be the full ID, any unique part of
it, a wxnontaxstr, an order_id (show and verify then act on all its captures), or last.
Secrets default to NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY and WECHAT_APPID; they are never printed.
Pipe the output with the packaged command: npx nontax-debugger captures export last --curl | bash
Exit codes: 0 done, 1 a replayed answer differs, 2 could not run (usage, configuration, no such capture).`,
  USAGE_DISCOVER: `usage: npm run captures -- discover ID [--json] [--key K]… [--token T] [--aes-key K] [--appid A] [--demo-keys]

Searches the profile space (docs/PROTOCOL.md §7) for the scheme this recorded delivery verifies and
decrypts under, with NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY, WECHAT_APPID and every --key. Prints the
best matches with the NONTAX_PROFILE line to paste; with no match, the delivery's anatomy.
Needs NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY (or --token and --aes-key): random keys find nothing.
--demo-keys runs without them anyway; then only the anatomy means anything.
Exit code: 0 a profile decrypts and verifies it, 1 none does, 2 usage or configuration error.`,
} as const
