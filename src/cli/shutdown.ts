import type { EventEmitter } from 'node:events'
import closeWithGrace from 'close-with-grace'
import type { CaptureRecord } from '../capture/record.js'

/** How long a graceful close may take before the process exits anyway (exit 1). */
export const SHUTDOWN_GRACE_MS = 10_000

export interface ShutdownOptions {
  /** Status lines (signal received, forced exit); stderr by default. */
  say?: (line: string) => void
  /** Runs after close() resolved, before the exit: the place for the session summary. */
  onClosed?: () => void
  graceMs?: number
}

/**
 * Resolves after a graceful close on SIGINT/SIGTERM, then close-with-grace exits 0. close() must
 * stop accepting, finish in-flight deliveries and flush the capture store: app.close() does all
 * three (return503OnClosing, server.close waits for active requests, the onClose hook closes the
 * store). A second signal, or a close slower than graceMs, exits 1 at once.
 * @see https://github.com/mcollina/close-with-grace#readme
 */
export function untilSignal (close: () => Promise<void>, o: ShutdownOptions = {}): Promise<void> {
  const say = o.say ?? ((line: string) => { process.stderr.write(line + '\n') })
  const graceMs = o.graceMs ?? SHUTDOWN_GRACE_MS
  return new Promise(resolve => {
    closeWithGrace({
      delay: graceMs,
      logger: { error: (m: unknown) => say(`shutdown error: ${m instanceof Error ? m.message : String(m)}`) },
      onSecondSignal: signal => say(`second ${signal}: exiting now (exit 1); deliveries still in flight get no answer, WeChat will retry them`),
      onTimeout: ms => say(`shutdown did not finish within ${ms} ms (a stalled client or a slow disk): exiting (exit 1)`),
    }, async ({ err, signal }) => {
      if (err) say(`fatal: ${err.message}`)
      else if (signal) say(`${signal} received: no new connections; finishing in-flight deliveries and flushing captures (${signal} again to force the exit)`)
      await close()
      o.onClosed?.()
      resolve()
    })
  })
}

export interface SessionTally {
  readonly total: number
  readonly byErrcode: ReadonlyMap<number, number>
  /** One line, e.g. "session: 3 deliveries received (2 answered errcode 0, 1 answered errcode 300)". */
  summary (): string
  stop (): void
}

/** Counts the deliveries answered during this process, from the receiver's 'delivery' events. */
export function createSessionTally (events: EventEmitter): SessionTally {
  const byErrcode = new Map<number, number>()
  let total = 0
  const onDelivery = (r: CaptureRecord) => {
    total++
    const code = r.answer.body.errcode
    byErrcode.set(code, (byErrcode.get(code) ?? 0) + 1)
  }
  events.on('delivery', onDelivery)
  return {
    get total () { return total },
    byErrcode,
    summary () {
      if (total === 0) return 'session: no deliveries received'
      const parts = [...byErrcode].sort(([a], [b]) => a - b).map(([code, n]) => `${n} answered errcode ${code}`)
      return `session: ${total} deliver${total === 1 ? 'y' : 'ies'} received (${parts.join(', ')})`
    },
    stop () { events.off('delivery', onDelivery) },
  }
}
