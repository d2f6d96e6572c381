/** What the receiver says about its own guards (admin routes, exports, unreadable records). */
export const security = {
  ADMIN_REFUSED: 'admin routes answer on the inspector listener (127.0.0.1, INSPECTOR_PORT); to use /_captures through the receiver\'s port, set ADMIN_TOKEN and send it as the x-admin-token header',
  EXPORT_BAD_TARGET: '--to must be an http:// or https:// URL with a host, e.g. --to http://127.0.0.1:3000 (got "{to}")',
  EXPORT_NO_LISTENER: 'capture {id} was recorded before listeners were noted, so its target is not known; pass --to http://HOST:PORT (the receiver or your handler)',
  RECORD_SKIPPED: '{file}:{line}: not a capture record ({problem}); skipped',
  RECORDS_SKIPPED: '{count} unreadable lines skipped in {dir} (first: {first})',
} as const
