import { pino, type BaseLogger, type DestinationStream, type Logger, type LoggerOptions } from 'pino'
import type { CaptureRecord } from '../capture/record.js'
import { build as prettyStream } from 'pino-pretty'
import type { Lang } from '../messages/types.js'
import type { ProfileDescriptor } from '../profiles/descriptor.js'
import { createDeliveryFormatter, deliveryHeadline, isDeliveryLog } from './pretty-delivery.js'
import { levelLabel } from './pretty-level.js'
import { logText } from './pretty-message.js'
import { escapeControls } from './terminal-safe.js'

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

/** mockRun: the run command's round, where a wrong signature that decrypts is WeChat's signature test (logged as expected). */
export interface LogSettings { logLevel: string; logFormat: 'pretty' | 'json'; mockRun?: boolean; lang?: Lang; profile?: ProfileDescriptor }

export function loggerOptions (s: LogSettings): LoggerOptions {
  return { level: s.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }
}

/** One pipeline, two renderings: json lines for jq, or pino-pretty with deliveries drawn as blocks. */
export function createLogger (s: LogSettings, destination: DestinationStream | 1 | 2 = 1): Logger {
  if (s.logFormat === 'json') {
    const dest = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination
    jsonDestinations.add(dest)
    return pino(loggerOptions(s), dest)
  }
  const formatDelivery = createDeliveryFormatter({ mockRun: s.mockRun === true, ...(s.lang !== undefined ? { lang: s.lang } : {}), ...(s.profile ? { profile: s.profile } : {}) })
  const pretty = prettyStream({
    destination,
    sync: true,
    colorize: typeof destination === 'number' && (destination === 1 ? process.stdout : process.stderr).isTTY === true,
    // The machine's clock, with its offset, as the person reading the log keeps time (json keeps epoch ms).
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l p',
    // The message says it all; a field dump after each line would bury it (json mode keeps every field).
    // `delivery` is not in `ignore`: pino-pretty drops ignored keys before the level prettifier sees them.
    ignore: 'pid,hostname,reqId',
    hideObject: true,
    customPrettifiers: {
      level: (_level, _key, log, extras) => levelLabel(log as Record<string, unknown>, extras, { lang: s.lang, mockRun: s.mockRun === true }),
    },
    messageFormat: (log, messageKey) => {
      // A message may quote a sender's value (wxnontaxstr=…): one log line stays one line.
      const msg = escapeControls(logText(log, messageKey, s.lang))
      if (!isDeliveryLog(log)) return msg
      // A delivery's line is rebuilt from its record, so it reads in the person's language (json keeps msg as
      // logged); an error about a delivery (it could not be recorded) keeps its own message.
      const head = Number((log as { level?: unknown }).level) >= 50 ? msg : escapeControls(deliveryHeadline(log.delivery, s.lang))
      return `${head}\n${formatDelivery(log.delivery)}`
    },
  })
  return pino(loggerOptions(s), pretty)
}

/** Destinations that receive pino's plain JSON lines (LOG_FORMAT=json), where a pre-serialized record can be written as is. */
const jsonDestinations = new WeakSet<object>()

type LevelLogger = Pick<BaseLogger, 'info' | 'warn' | 'error'>

/** The receiver's per-delivery line, and its rare error line. */
export interface DeliveryLog {
  /** `json` is the record as serialized for the capture file: it is reused here, never serialized twice. */
  delivery (level: 'info' | 'warn', msg: string, record: CaptureRecord, json: string): void
  error (obj: object, msg: string): void
}

/**
 * With LOG_FORMAT=json the delivery line is assembled from the record's serialized bytes, in
 * pino's own layout ({"level","time","delivery","msg"}), and written to pino's destination, so
 * the 4–5 KB record is not walked again by pino's object path. The pretty format (and any other
 * logger) renders from the object, where serializing is not the cost.
 */
export function deliveryLog (log: LevelLogger): DeliveryLog {
  const raw = isPino(log) ? rawJsonStream(log) : undefined
  return {
    delivery (level, msg, record, json) {
      if (raw && isPino(log)) {
        if (log.isLevelEnabled(level)) raw.write(`{"level":${log.levels.values[level]},"time":${Date.now()},"delivery":${json},"msg":${JSON.stringify(msg)}}\n`)
      } else log[level]({ delivery: record }, msg)
    },
    error (obj, msg) { log.error(obj, msg) },
  }
}

function isPino (log: LevelLogger): log is Logger {
  return typeof (log as Partial<Logger>).isLevelEnabled === 'function' && typeof (log as Partial<Logger>).bindings === 'function'
}

/** The destination when it takes pino's plain JSON lines and the logger adds no bindings of its own. */
function rawJsonStream (log: Logger): { write (line: string): unknown } | undefined {
  const stream = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym]
  if (typeof stream !== 'object' || stream === null || !jsonDestinations.has(stream)) return undefined
  return Object.keys(log.bindings()).length === 0 ? stream as { write (line: string): unknown } : undefined
}
