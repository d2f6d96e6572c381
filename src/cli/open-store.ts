import type { Logger } from 'pino'
import { createFileStore, type FileStore } from '../capture/file-store.js'
import type { Config } from '../config.js'
import { render } from '../messages/render.js'
import { assertCaptureDirWritable } from '../preflight/capture-dir.js'

/** The durable store that run and serve record into; says what it found on disk. */
export async function openCaptureStore (config: Config, logger: Logger): Promise<FileStore> {
  await assertCaptureDirWritable(config.captureDir)
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory, log: logger })
  const { records, skippedPartial, files } = store.stats
  logger.info({ captureDir: config.captureDir, records, files, skippedPartial },
    render({ code: skippedPartial ? 'LOG_CAPTURES_FOUND_PARTIAL' : 'LOG_CAPTURES_FOUND', params: { records, dir: config.captureDir, skipped: skippedPartial } }, config.lang))
  return store
}
