/** The inspector's server-side texts: its log lines and the errors its API answers with. */
export const inspector = {
  INSPECTOR_LISTENING: 'inspector: open {url} to watch deliveries live, replay, tamper and edit them (loopback only; INSPECTOR_PORT=0 turns it off)',
  INSPECTOR_OFF: 'inspector: off (INSPECTOR_PORT=0)',
  INSPECTOR_PORT_IN_USE: 'inspector: port {port} on 127.0.0.1 is already in use (another run still open?); the receiver goes on without it. Stop the other run, or set INSPECTOR_PORT to a free port (or "auto")',
  INSPECTOR_NOT_FOUND: 'no capture "{id}" in this run\'s capture store; reload the list',
  INSPECTOR_BAD_HOST: 'the inspector answers only at 127.0.0.1 or localhost (got Host "{host}"): open the URL the log printed',
  INSPECTOR_CROSS_ORIGIN: 'refused: actions must come from the inspector page itself (Origin {origin}, Sec-Fetch-Site {site})',
  INSPECTOR_NEEDS_JSON: 'refused: actions are sent as JSON with the x-inspector header, as the inspector page does',
  INSPECTOR_BAD_REQUEST: 'the request is not valid: {problem}',
  INSPECTOR_NOT_DECRYPTED: 'capture {id} has no decrypted plaintext to edit (it did not decrypt with the configured EncodingAESKey); edit needs one',
  INSPECTOR_PLAINTEXT_NOT_OBJECT: 'capture {id}: the decrypted plaintext is not a JSON object, so fields cannot be set in it',
  INSPECTOR_SEND_FAILED: 'could not send to {origin}: {cause}; is the receiver running there, and is the URL right?',
  INSPECTOR_NO_VERDICT: 'no verdict: npm run serve does not trigger test deliveries (npm start does)',
} as const
