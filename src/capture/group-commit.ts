/**
 * Group commit: items submitted while a commit is in flight wait and go out together in the
 * next one, so N concurrent deliveries cost about two write+fsync rounds, not N. Every promise
 * of a batch settles with that batch: resolved once it is durable, rejected if it failed.
 */
export interface GroupCommitter<T> {
  submit (item: T): Promise<void>
  /** Resolves when nothing is queued or in flight. */
  drain (): Promise<void>
}

/** Caps one write: under a burst the queue is drained in slices this big. */
export const MAX_BATCH_ITEMS = 1000

interface Waiting<T> { item: T; resolve: () => void; reject: (err: Error) => void }

export function createGroupCommitter<T> (commit: (batch: T[]) => Promise<void>): GroupCommitter<T> {
  let queue: Array<Waiting<T>> = []
  let running: Promise<void> | undefined

  const loop = async () => {
    // Let items submitted in the same tick join the first batch.
    await null
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH_ITEMS)
      queue = queue.slice(batch.length)
      try {
        await commit(batch.map(w => w.item))
        for (const w of batch) w.resolve()
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err))
        for (const w of batch) w.reject(e)
      }
    }
  }

  const kick = () => {
    if (running) return
    running = loop().finally(() => {
      running = undefined
      // An item may have arrived after the loop's last check but before this callback.
      if (queue.length > 0) kick()
    })
  }

  return {
    submit (item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        kick()
      })
    },
    async drain () {
      while (running) await running
    },
  }
}
