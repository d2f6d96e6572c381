import { usage } from '../messages/en/usage.js'

/** Usage texts in English, apart from the commands so that printing them loads nothing else; main() renders them in the chosen language. */
export const RUN_USAGE = usage.USAGE_RUN
export const SERVE_USAGE = usage.USAGE_SERVE
export const CERTS_USAGE = usage.USAGE_CERTS
export const TOP_USAGE = usage.USAGE_TOP
