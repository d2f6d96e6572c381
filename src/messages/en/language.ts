/** Choosing the language (src/messages/lang.ts) and saying which clock times are on. */
export const language = {
  LANG_UNKNOWN: '--lang must be zh or en (got "{got}"); without it, LC_ALL, LC_MESSAGES or LANG starting with zh selects Chinese',
  SOURCE_ENV_FILE: 'from .env',
  SOURCE_ENVIRONMENT: 'from the environment',
  SOURCE_GENERATED: 'generated for this run',
  SOURCE_FLAG: 'from a flag',
} as const
