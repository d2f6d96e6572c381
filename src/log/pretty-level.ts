import type { CaptureRecord } from '../capture/record.js'
import type { MessageCode } from '../messages/en/index.js'
import { render } from '../messages/render.js'
import type { Lang } from '../messages/types.js'
import { isDeliveryLog, isWechatSignatureTest } from './pretty-delivery.js'

const LABELS: Record<string, MessageCode> = { TRACE: 'LEVEL_TRACE', DEBUG: 'LEVEL_DEBUG', INFO: 'LEVEL_INFO', WARN: 'LEVEL_WARN', ERROR: 'LEVEL_ERROR', FATAL: 'LEVEL_FATAL' }

/**
 * The pretty log's level label in the reader's language: pino-pretty's label (kept in its colour),
 * or "expected" for WeChat's signature test in the run's mock round. JSON logs keep pino's numbers.
 */
export function levelLabel (log: Record<string, unknown>, extras: { label: string; labelColorized: string }, o: { lang?: Lang | undefined; mockRun: boolean }): string {
  if (isDeliveryLog(log) && isWechatSignatureTest((log as { delivery: CaptureRecord }).delivery, o.mockRun)) return render({ code: 'LEVEL_EXPECTED' }, o.lang)
  const code = LABELS[extras.label]
  return code === undefined ? extras.labelColorized : extras.labelColorized.replace(extras.label, render({ code }, o.lang))
}
