/** Preflight, setup and CLI texts (issue 10): exit-2 errors, the checklist, what to run next. */
export const preflight = {
  LISTEN_EADDRINUSE: 'could not listen: {detail}. Another program (maybe an earlier run) holds that port: stop it, or set PORT to a free port in .env.',
  LISTEN_EACCES: 'could not listen: {detail}. Ports below 1024 need privileges: set PORT to 1024 or above in .env.',
  LISTEN_EADDRNOTAVAIL: 'could not listen: {detail}. HOST is not an address of this machine: set HOST=127.0.0.1 (or 0.0.0.0) in .env.',
  INTERNAL_ERROR: 'internal error: {detail} (a bug in nontax-debugger; please report it with the command you ran)',
  USAGE_UNKNOWN_COMMAND: 'unknown command "{name}" (commands: run, serve, check, captures, certs; see --help)',
  USAGE_BAD_FLAGS: '{command}: {detail}',
  CAPTURE_NOT_FOUND: 'no capture matches "{key}" in {dir}: give an ID (or any unique part of it), a wxnontaxstr, an order_id, or last (see "captures list"; CAPTURE_DIR sets where captures are kept)',
  CAPTURE_NONE_YET: 'no captures in {dir} yet, so there is no "last" (the receiver records each delivery there; CAPTURE_DIR sets where)',
  CAPTURE_AMBIGUOUS: '"{key}" matches {count} captures; give more of the ID, or one of these:\n{candidates}',
  CAPTURE_NEEDS_ID: '{verb} needs a capture: an ID (or any unique part of it), a wxnontaxstr, an order_id, or last (see "captures list")',
  PRUNE_DRY_RUN_NONE: 'dry run: nothing to prune: no day file in {dir} ended before {cutoff}',
  PRUNE_DRY_RUN_FILE: 'dry run: would remove {file} ({records} records)',
  PRUNE_DRY_RUN_TOTAL: 'dry run: would prune {records} records in {files} day files older than {cutoff}; nothing was removed (run again without --dry-run)',
  REPLAY_DIFFERS: 'replay: the answer differs from what was expected (exit 1)',
  CERTS_EXIST: '{files} already exist; not overwritten (a server may be using them). Run "npm run certs -- --force" to replace them.',
} as const
