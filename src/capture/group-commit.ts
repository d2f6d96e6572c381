/**
 * Group commit: items submitted while a commit is in flight wait and go out together in the
 * next one, so N concurrent deliveries cost about two write+fsync rounds, not N. A batch has ONE
 * promise, shared by every item in it: resolved once the batch is durable, rejected if it failed.
 * No per-item promise or closure is made (at thousands of deliveries a second that is GC time).
 */
export interface GroupCommitter<T> {
  /** The promise of the batch the item joined. */
  submit (item: T): Promise<void>
  /** Resolves when nothing is queued or in flight. */
  drain (): Promise<void>
}

/** Caps one write: under a burst the queue is cut into batches this big. */
export const MAX_BATCH_ITEMS = 1000

interface Batch<T> { items: T[]; done: Promise<void>; resolve: () => void; reject: (err: Error) => void }

function newBatch<T> (): Batch<T> {
  let resolve!: () => void
  let reject!: (err: Error) => void
  const done = new Promise<void>((res, rej) => { resolve = res; reject = rej })
  // A batch whose submitters all went away must not become an unhandled rejection.
  done.catch(() => {})
  return { items: [], done, resolve, reject }
}

export function createGroupCommitter<T> (commit: (batch: T[]) => Promise<void>): GroupCommitter<T> {
  const queue: Array<Batch<T>> = []
  let running: Promise<void> | undefined

  const loop = async () => {
    // Let items submitted in the same tick join the first batch.
    await null
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      try {
        await commit(batch.items)
        batch.resolve()
      } catch (err) {
        batch.reject(err instanceof Error ? err : new Error(String(err)))
      }
    }
  }

  const kick = () => {
    if (running) return
    running = loop().finally(() => {
      running = undefined
      // A batch may have been queued after the loop's last check but before this callback.
      if (queue.length > 0) kick()
    })
  }

  return {
    submit (item) {
      let open = queue[queue.length - 1]
      if (!open || open.items.length >= MAX_BATCH_ITEMS) queue.push(open = newBatch<T>())
      open.items.push(item)
      kick()
      return open.done
    },
    async drain () {
      while (running) await running
    },
  }
}
