import { constants } from 'node:fs'
import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { dayFileName } from '../capture/ndjson-files.js'
import { SetupError } from '../errors.js'

/**
 * Before run and serve open the store: CAPTURE_DIR must take today's records. A receiver that
 * cannot record answers every delivery 299, so without this a run ends in a verdict that blames
 * the sender (and `serve` turns away all of staging's deliveries) instead of naming the folder.
 */
export async function assertCaptureDirWritable (dir: string, now: () => number = Date.now): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
  } catch (err) {
    throw notUsable(dir, err)
  }
  const today = join(dir, dayFileName('', now()))
  for (const [path, mode] of [[dir, constants.R_OK | constants.W_OK | constants.X_OK], [today, constants.W_OK]] as const) {
    try {
      await access(path, mode)
    } catch (err) {
      // Today's file is made by the first delivery: missing is fine, unwritable is not.
      if (path === today && (err as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw notUsable(dir, err)
    }
  }
}

function notUsable (dir: string, err: unknown): SetupError {
  const e = err as NodeJS.ErrnoException
  const path = e.path ?? dir
  // mkdir over a file: EEXIST for the folder itself, ENOTDIR for a file on the way to it.
  if (e.code === 'EEXIST' || e.code === 'ENOTDIR') return SetupError.from({ code: 'CAPTURE_DIR_NOT_DIR', params: { dir, path } })
  return SetupError.from({ code: 'CAPTURE_DIR_NOT_WRITABLE', params: { dir, path, cause: e.code ?? e.message } })
}
