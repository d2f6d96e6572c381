/**
 * What the operator reads about requests the receiver turned away or could not record (log lines,
 * the capture's inspection.messageFinding). The answer on the wire stays short, fixed English.
 */
export const receiverLog = {
  REJECT_GET: 'GET has no body: WeChat POSTs deliveries to this URL',
  REJECT_CLIENT: '{detail} ({code})',
  REJECT_BODY_TOO_LARGE: 'the body is larger than BODY_LIMIT_BYTES allows ({code}); raise BODY_LIMIT_BYTES if a real delivery is this large',
  REJECT_INTERNAL: 'receiver error: {detail}',
  RECORD_FAILED: 'could not record the delivery ({detail}); answered 299 so WeChat retries — check CAPTURE_DIR is writable and the disk has room',
  CLIENT_CLOSED: 'connection from {address} closed with {status}: {why}; it never reached the receiver',
  CLIENT_WHY_TIMEOUT: 'the request did not arrive in time (headers within HEADERS_TIMEOUT_MS={headersMs} ms, whole request within REQUEST_TIMEOUT_MS={requestMs} ms): a stalled or very slow client',
  CLIENT_WHY_HEADERS: 'the request headers exceed Node\'s 16 KiB limit (--max-http-header-size)',
  CLIENT_WHY_BAD_HTTP: 'the bytes are not valid HTTP/1.1 ({code}: {detail})',
  NOT_FOUND_PATH: '{method} {path} → 404: not the callback path {notifyPath}, nothing recorded; if WeChat was given this URL, correct it in the console or set NOTIFY_PATH={path}',
  NOT_FOUND_METHOD: '{method} {path} → 404: WeChat POSTs deliveries to {notifyPath}, nothing recorded',
  OVERLOAD_LOG: '{method} {path} → 503: receiver overloaded ({cause}); answered without processing',
  OVERLOAD_LOG_NOTIFY: '{method} {path} → 503 errcode 299: receiver overloaded ({cause}); answered without processing, WeChat will retry',
  PRESSURE_LOOP: 'event loop delay {lag} ms > limit {limit} ms',
  PRESSURE_LOOP_BLOCKED: 'event loop blocked through a whole lag sample > limit {limit} ms',
  PRESSURE_HEAP: 'heap used {used} MB > limit {limit} MB',
  PRESSURE_OTHER: '{type} {value}',
} as const
