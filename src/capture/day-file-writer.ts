import { open, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'

/** fdatasync by default; tests inject a counter or a failure. */
export type SyncFn = (fh: FileHandle) => Promise<void>
export const datasync: SyncFn = fh => fh.datasync()

export class CaptureWriteError extends Error {
  override readonly name = 'CaptureWriteError'
  readonly code: string | undefined
  readonly path: string
  constructor (path: string, cause: unknown) {
    const c = cause as NodeJS.ErrnoException
    super(`writing ${path} failed: ${c?.message ?? String(cause)}`, { cause })
    this.code = c?.code
    this.path = path
  }
}

/** `size`: where the next append lands (this process is the file's only writer). */
interface Open { fh: FileHandle; needsNewline: boolean; size: number }

export interface DayFileWriter {
  /** Appends the bytes and syncs them; resolves only once both are done, with the offset where `data` starts. */
  write (file: string, data: Buffer): Promise<number>
  close (): Promise<void>
}

/** Append-only writer over the day files; keeps the current day's file open. */
export function createDayFileWriter (dir: string, sync: SyncFn): DayFileWriter {
  const handles = new Map<string, Open>()

  const openFile = async (file: string): Promise<Open> => {
    const path = join(dir, file)
    const size = await stat(path).then(s => s.size, () => -1)
    const fh = await open(path, 'a+', 0o600)
    try {
      // A new name in the directory is only durable once the directory itself is synced.
      if (size < 0) await syncDir(dir)
      // A crash can leave a partial last line; the next record must not be glued onto it.
      const needsNewline = size > 0 && !(await endsWithNewline(fh, size))
      return { fh, needsNewline, size: Math.max(0, size) }
    } catch (err) {
      await fh.close().catch(() => {})
      throw err
    }
  }

  const handleFor = async (file: string): Promise<Open> => {
    const have = handles.get(file)
    if (have) return have
    for (const [name, o] of handles) {
      handles.delete(name)
      await o.fh.close().catch(() => {})
    }
    const o = await openFile(file)
    handles.set(file, o)
    return o
  }

  return {
    async write (file, data) {
      let o: Open | undefined
      try {
        o = await handleFor(file)
        if (o.needsNewline) {
          await writeAll(o.fh, Buffer.from('\n'))
          o.size++
          o.needsNewline = false
        }
        const offset = o.size
        await writeAll(o.fh, data)
        o.size += data.length
        await sync(o.fh)
        return offset
      } catch (err) {
        // Drop the handle: the next write reopens and re-checks how the file ends.
        handles.delete(file)
        await o?.fh.close().catch(() => {})
        throw new CaptureWriteError(join(dir, file), err)
      }
    },
    async close () {
      const all = [...handles.values()]
      handles.clear()
      await Promise.all(all.map(o => o.fh.close().catch(() => {})))
    },
  }
}

async function writeAll (fh: FileHandle, data: Buffer): Promise<void> {
  let off = 0
  while (off < data.length) {
    const { bytesWritten } = await fh.write(data, off, data.length - off)
    off += bytesWritten
  }
}

async function endsWithNewline (fh: FileHandle, size: number): Promise<boolean> {
  const buf = Buffer.alloc(1)
  await fh.read(buf, 0, 1, size - 1)
  return buf[0] === 0x0a
}

async function syncDir (dir: string): Promise<void> {
  let d: FileHandle | undefined
  try {
    d = await open(dir, 'r')
    await d.sync()
  } catch (err) {
    // Some platforms and file systems cannot fsync a directory; the file sync still holds the data.
    if (!['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
  } finally {
    await d?.close().catch(() => {})
  }
}
