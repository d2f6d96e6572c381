/** The machine is not ready for a run (exit 2): the capture folder, files this user cannot use, a HOST that does not resolve. */
export const setup = {
  CAPTURE_DIR_NOT_DIR: 'CAPTURE_DIR "{dir}" is not a folder ({path} is a file): point CAPTURE_DIR at a folder, e.g. CAPTURE_DIR=./captures (it is created when missing)',
  CAPTURE_DIR_NOT_WRITABLE: 'CAPTURE_DIR "{dir}" cannot be written by this user ({cause} on {path}): every delivery would be answered 299 (system error) and none recorded. Fix the owner or permissions of {path} (a run with sudo leaves it owned by root), or point CAPTURE_DIR at a folder this user can write, e.g. CAPTURE_DIR=./captures',
  FILE_ACCESS: 'cannot use {path} ({cause} in {syscall}): this user may not read or write it, or it is not the kind of file expected. Fix its owner or permissions (a file made by a run with sudo belongs to root), or point the setting that names it (CAPTURE_DIR, TLS_CERT_FILE, TLS_KEY_FILE, --set-file) elsewhere',
  LISTEN_HOST_UNKNOWN: 'could not listen: {detail}. HOST is not a name this machine can resolve: set HOST=127.0.0.1 (or 0.0.0.0, or an address of this machine) in .env.',
  TLS_PAIR_INVALID: 'TLS_CERT_FILE={certFile} and TLS_KEY_FILE={keyFile} are not a PEM certificate and its private key ({reason}): TLS_CERT_FILE holds "-----BEGIN CERTIFICATE-----", TLS_KEY_FILE the matching "-----BEGIN … PRIVATE KEY-----" (not swapped, from the same pair); "npm run certs -- --force" writes a fresh self-signed pair into certs/',
} as const
