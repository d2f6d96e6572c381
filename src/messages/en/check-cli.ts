/** The `check` command's own argument and secret errors (src/cli/check.ts). */
export const checkCli = {
  CHECK_TARGET_INVALID: 'check: --target must be the http(s) URL of your handler (e.g. --target http://127.0.0.1:8080/notify)',
  CHECK_TARGET_GOT: '; got "{target}"',
  CHECK_TIMEOUT_INVALID: 'check: --timeout-ms must be an integer 100-600000 (got "{value}")',
  CHECK_SECRETS_MISSING: 'check needs the secrets your handler uses, so it can sign and encrypt as WeChat does and read the answers.\nNot set: {missing}.\nSet them in .env to the values your handler is configured with (see .env.example).',
  CHECK_SECRET_NAME: '{name} (or --{flag})',
} as const
