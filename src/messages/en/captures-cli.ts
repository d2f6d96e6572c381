/** The captures command's own problems and notes (src/cli/captures*.ts); the views' texts are elsewhere. */
export const capturesCli = {
  CAPTURES_UNKNOWN_VERB: 'unknown verb "{verb}" (verbs: list, show, verify, replay, export, discover, prune)',
  CAPTURES_DIR_MISSING_NOTE: 'note: CAPTURE_DIR "{dir}" does not exist yet (the receiver creates it on its first delivery)',
  CAPTURES_REPLAY_NEEDS_TO: 'replay needs --to URL, the receiver to send to (e.g. --to http://127.0.0.1:3000)',
  CAPTURES_TAMPER_INVALID: '--tamper must be one of {allowed} (got "{got}")',
  CAPTURES_DURATION_NEEDED: '{verb} needs {flag} (e.g. {flag} 7d)',
  CAPTURES_DURATION_INVALID: '{flag} must be a duration like 2h, 7d or 30m (got "{got}")',
  CAPTURES_SINCE_INVALID: '--since must be a duration (2h, 1d) or a date in local time (2024-05-01, "2024-05-01 14:00"; 2024-05-01T14:00Z for UTC); got "{got}"',
  CAPTURES_WHOLE_NUMBER: '{flag} must be a whole number (got "{got}")',
  CAPTURES_EXPORT_ONE_FORMAT: 'export needs exactly one of --curl or --har (e.g. captures export ID --curl)',
  DISCOVER_NEEDS_ID: 'discover needs a capture ID (see "captures list")',
  DISCOVER_NO_DIR: 'no capture "{id}": CAPTURE_DIR "{dir}" does not exist yet',
  DISCOVER_AMBIGUOUS: 'capture ID "{id}" is ambiguous: {candidates}',
  DISCOVER_NOT_FOUND: 'no capture "{id}" in {dir} (see "captures list")',
  SECRET_FLAG_AES_KEY: '--aes-key must be the 43-character EncodingAESKey (A-Z, a-z, 0-9); got {length} characters',
  SECRET_FLAG_TOKEN_EMPTY: '--token is empty: pass the Token configured for the notification URL',
  REPLAY_UNREACHABLE: 'could not send to {origin}: {code} {detail}; is the receiver running there, and is --to the right URL?',
} as const
