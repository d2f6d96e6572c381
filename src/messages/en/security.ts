/** What the receiver says about its own guards (admin routes, exports, unreadable records). */
export const security = {
  ADMIN_REFUSED: 'admin routes answer on the inspector listener (127.0.0.1, INSPECTOR_PORT); to use /_captures through the receiver\'s port, set ADMIN_TOKEN and send it as the x-admin-token header',
  EXPORT_BAD_TARGET: '--to must be an http:// or https:// URL with a host, e.g. --to http://127.0.0.1:3000 (got "{to}")',
  EXPORT_NO_LISTENER: 'capture {id} was recorded before listeners were noted, so its target is not known; pass --to http://HOST:PORT (the receiver or your handler)',
  RECORD_SKIPPED: '{file} line {line}: {problem}',
  RECORDS_SKIPPED: 'skipped {count} unreadable capture line(s) in {dir} (a crash mid-write tears the last line; a hand-edited or crafted line fails the record check); every complete record was read. First: {first}',
  ANSWER_NOT_DELIVERED: 'answer not delivered (connection closed before the answer was written, noticed {at}): WeChat did not get it and will deliver this notification again',
  LOG_ANSWER_NOT_DELIVERED: 'capture {id}: answer not delivered (connection closed before the answer was written); WeChat did not get it and will deliver this notification again',
  LOG_CORRECTION_NOT_RECORDED: 'capture {id}: answer not delivered (connection closed before the answer was written), and this could not be noted in CAPTURE_DIR ({error}); the record still says answered — check CAPTURE_DIR is writable and the disk has room',
  BODY_REFUSED_UNREAD: 'body not read: its Content-Length ({declared} bytes) is over BODY_LIMIT_BYTES ({limit}), so it was refused before reading; no body bytes kept',
  BODY_KEPT_FIRST: 'body over BODY_LIMIT_BYTES ({limit}): {received} bytes read before it was refused (Content-Length: {declared}); the first {kept} kept',
  BODY_ENDED_EARLY: 'body incomplete: the connection ended after {received} bytes (Content-Length: {declared}); all {kept} kept',
  BODY_LENGTH_MISMATCH: 'body of {received} bytes does not match its Content-Length ({declared}); all {kept} kept',
} as const
