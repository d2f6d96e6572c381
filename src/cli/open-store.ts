import type { Logger } from 'pino'
import { createFileStore, type FileStore } from '../capture/file-store.js'
import type { Config } from '../config.js'

/** The durable store that run and serve record into; says what it found on disk. */
export async function openCaptureStore (config: Config, logger: Logger): Promise<FileStore> {
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory, log: logger })
  const { records, skippedPartial, files } = store.stats
  logger.info({ captureDir: config.captureDir, records, files, skippedPartial },
    `captures: ${records} earlier deliveries in ${config.captureDir}${skippedPartial ? `, ${skippedPartial} partial records skipped (torn by a crash; left in place)` : ''}; npm run captures -- list`)
  return store
}
