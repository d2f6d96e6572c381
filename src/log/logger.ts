import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino'
import { build as prettyStream } from 'pino-pretty'
import { formatDeliveryBlock, isDeliveryLog } from './pretty-delivery.js'

/**
 * The single redact list. Paths are fixed strings (pino docs/redaction.md: never from input).
 * Records carry no secrets by construction; this is the second line of defence.
 */
export const REDACT_PATHS = [
  'appsecret', 'secret', 'access_token', 'accessToken', 'token', 'encodingAESKey', 'adminToken',
  '*.appsecret', '*.secret', '*.access_token', '*.accessToken', '*.token', '*.encodingAESKey', '*.adminToken',
  'secrets', '*.secrets',
  // The Config object holds the WeChat credentials two levels down (config.wechat.appsecret).
  'wechat.appsecret', 'wechat.accessToken', '*.wechat.appsecret', '*.wechat.accessToken',
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-admin-token"]',
]

export interface LogSettings { logLevel: string; logFormat: 'pretty' | 'json' }

export function loggerOptions (s: LogSettings): LoggerOptions {
  return { level: s.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }
}

/** One pipeline, two renderings: json lines for jq, or pino-pretty with deliveries drawn as blocks. */
export function createLogger (s: LogSettings, destination: DestinationStream | 1 | 2 = 1): Logger {
  if (s.logFormat === 'json') return pino(loggerOptions(s), typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination)
  const pretty = prettyStream({
    destination,
    sync: true,
    colorize: typeof destination === 'number' && (destination === 1 ? process.stdout : process.stderr).isTTY === true,
    translateTime: 'HH:MM:ss.l',
    ignore: 'pid,hostname,delivery,reqId',
    messageFormat: (log, messageKey) => {
      const msg = String(log[messageKey] ?? '')
      return isDeliveryLog(log) ? `${msg}\n${formatDeliveryBlock(log.delivery)}` : msg
    },
  })
  return pino(loggerOptions(s), pretty)
}
