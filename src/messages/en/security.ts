/** What the receiver says about its own guards (admin routes, exports, unreadable records). */
export const security = {
  ADMIN_REFUSED: 'admin routes answer on the inspector listener (127.0.0.1, INSPECTOR_PORT); to use /_captures through the receiver\'s port, set ADMIN_TOKEN and send it as the x-admin-token header',
  EXPORT_BAD_TARGET: '--to must be an http:// or https:// URL with a host, e.g. --to http://127.0.0.1:3000 (got "{to}")',
  EXPORT_NO_LISTENER: 'capture {id} was recorded before listeners were noted, so its target is not known; pass --to http://HOST:PORT (the receiver or your handler)',
  RECORD_SKIPPED: '{file} line {line}: {problem}',
  RECORDS_SKIPPED: 'skipped {count} unreadable capture line(s) in {dir} (a crash mid-write tears the last line; a hand-edited or crafted line fails the record check); every complete record was read. First: {first}',
} as const
