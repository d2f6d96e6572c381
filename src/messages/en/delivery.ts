/** What the receiver notices about a delivery (warnings on an Inspection; docs/PROTOCOL.md §4/C). */
export const delivery = {
  WARN_NO_CONTENT_TYPE: 'no content-type header; read the body as {format}',
  WARN_QUERY_REPEATED: 'query parameter "{name}" appears {count} times; used the first',
  WARN_QUERY_NONCANONICAL: 'query parameter "{name}" used; the canonical name is "{canonical}"',
  WARN_BODY_NONCANONICAL: 'body field "{name}" used; the canonical name is "{canonical}"',
  WARN_PARAM_IN_BODY: '"{name}" was read from the body; WeChat puts it in the URL query',
  WARN_TIMESTAMP_NOT_UNIX: 'timestamp "{timestamp}" is not unix seconds (signed as received)',
  WARN_TIMESTAMP_PAST: 'timestamp is {seconds} s in the past (over {limit} s; a warning only: WeChat documents no window)',
  WARN_TIMESTAMP_FUTURE: 'timestamp is {seconds} s in the future (over {limit} s; a warning only: WeChat documents no window)',
  WARN_APPID_DIFFERS: 'envelope appid "{envelope}" differs from the configured WECHAT_APPID "{configured}"',
  WARN_DUPLICATE_ORDER: 'duplicate of {earlier} (same order_id + status): answered 0 again since WeChat retries lost answers; do not apply it twice',
  WARN_NONCE_REUSED: 'wxnontaxstr {nonce} was already used by delivery {earlier}: a replay, or a sender that reuses nonces',
} as const
