/** Command-line flags (Node's parseArgs error codes, src/cli/args.ts), serve's start-up lines, TLS files. */
export const cli = {
  FLAG_UNKNOWN: 'unknown option {flag} (this command takes: {known})',
  FLAG_NEEDS_VALUE: 'option {flag} needs a value (e.g. {flag} VALUE)',
  FLAG_TAKES_NO_VALUE: 'option {flag} takes no value: write {flag} alone',
  FLAG_UNEXPECTED_ARGUMENT: 'unexpected argument "{arg}": this command takes only options (see --help)',
  FLAG_INVALID: 'the options could not be read ({detail}); see --help',
  CERTS_WROTE: 'wrote {certFile} and {keyFile} (self-signed for localhost and 127.0.0.1). Serve HTTPS with:\n  TLS_CERT_FILE={certFile}\n  TLS_KEY_FILE={keyFile}',
  SERVER_LISTENING: 'server listening at {address}',
  SERVE_LISTENING: 'listening: deliveries to {url} are verified, decrypted, logged and answered (Ctrl-C to stop)',
  SERVE_LISTENING_FORWARD: 'listening: deliveries to {url} are recorded, forwarded to {target}, graded, and its answers relayed (Ctrl-C to stop)',
  SERVE_STOPPED: 'stopped: every delivery received was answered and recorded (exit {code})',
  TLS_FILE_UNREADABLE: '{name}={file} cannot be read ({reason}); run "npm run certs" to write a self-signed pair into certs/, or point {name} at a readable PEM file',
} as const
