import { render } from '../messages/render.js'
import type { Lang } from '../messages/types.js'
import type { EventEmitter } from 'node:events'
import type { CaptureRecord } from '../capture/record.js'

/** How long a graceful close may take before the process exits anyway (exit 1). */
export const SHUTDOWN_GRACE_MS = 10_000
/**
 * A signal within this time of the one that started the shutdown is the same request delivered
 * twice (a process-group kill reaches every layer of npm → sh → node, and a wrapper may pass it on
 * as well), never a person's second Ctrl-C: nobody presses twice within a second by accident.
 */
export const DUPLICATE_WINDOW_MS = 1000
/** How often the launcher (npm's shell) is checked for having ended. */
export const LAUNCHER_POLL_MS = 200

export type ShutdownCause = 'SIGINT' | 'SIGTERM' | 'launcher ended' | 'fatal error'

/** The part of `process` the coordinator uses; tests pass a fake. */
export type ProcessLike = Pick<NodeJS.EventEmitter, 'on' | 'off'> & { exit (code: number): void }

export interface ShutdownOptions {
  /** Status lines (signal received, forced exit); stderr by default. */
  say?: (line: string) => void
  /** Runs after close() resolved, before the exit: the place for the session summary. */
  onClosed?: () => void
  graceMs?: number
  /** The language of the status lines; en when absent. */
  lang?: Lang
  duplicateWindowMs?: number
  /** Whether the process that launched this one still runs; polled when given (see launcherWatch). */
  launcherAlive?: () => boolean
  launcherPollMs?: number
  proc?: ProcessLike
  now?: () => number
}

/**
 * Resolves with the exit code once a graceful close has finished. close() must stop accepting,
 * finish in-flight deliveries and flush the capture store (app.close() does all three).
 * The rule, stated in the README's shutdown section:
 * - the first SIGINT or SIGTERM, or the end of the launcher (npm's shell was killed, e.g. npm as a
 *   container's PID 1 got SIGTERM and passed it to its shell only), starts the graceful close;
 * - any signal within DUPLICATE_WINDOW_MS of that first one is the same request: ignored;
 * - a later SIGINT (Ctrl-C pressed again, a distinct act) exits 1 at once; a later SIGTERM is
 *   ignored (supervisors escalate with SIGKILL, and graceMs bounds the wait anyway);
 * - a close slower than graceMs exits 1; an uncaught error closes gracefully, then exits 1.
 */
export function untilSignal (close: () => Promise<void>, o: ShutdownOptions = {}): Promise<number> {
  const say = o.say ?? ((line: string) => { process.stderr.write(line + '\n') })
  const proc = o.proc ?? process
  const now = o.now ?? Date.now
  const window = o.duplicateWindowMs ?? DUPLICATE_WINDOW_MS
  let started: { cause: ShutdownCause; at: number } | undefined
  let failed = false
  let finish = (_code: number) => {}
  const done = new Promise<number>(resolve => { finish = resolve })

  const begin = (cause: ShutdownCause, exitCode: number) => {
    started = { cause, at: now() }
    const causeText = cause === 'launcher ended' ? render({ code: 'SHUTDOWN_CAUSE_LAUNCHER' }, o.lang) : cause === 'fatal error' ? render({ code: 'SHUTDOWN_CAUSE_FATAL' }, o.lang) : render({ code: 'SHUTDOWN_CAUSE_SIGNAL', params: { signal: cause } }, o.lang)
    say(render({ code: 'SHUTDOWN_BEGIN', params: { cause: causeText } }, o.lang))
    const deadline = setTimeout(() => {
      say(render({ code: 'SHUTDOWN_TIMEOUT', params: { ms: o.graceMs ?? SHUTDOWN_GRACE_MS } }, o.lang))
      proc.exit(1)
    }, o.graceMs ?? SHUTDOWN_GRACE_MS)
    deadline.unref()
    close().then(() => {
      clearTimeout(deadline)
      stop()
      o.onClosed?.()
      finish(failed ? 1 : exitCode)
    }, (err: Error) => {
      say(render({ code: 'SHUTDOWN_ERROR', params: { message: err.message } }, o.lang))
      proc.exit(1)
    })
  }
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (!started) return begin(signal, 0)
    const sinceMs = now() - started.at
    if (sinceMs < window) return say(render({ code: 'SHUTDOWN_DUPLICATE', params: { signal, ms: sinceMs } }, o.lang))
    if (signal === 'SIGTERM') return say(render({ code: 'SHUTDOWN_SIGTERM_AGAIN' }, o.lang))
    say(render({ code: 'SHUTDOWN_SECOND_CTRL_C' }, o.lang))
    proc.exit(1)
  }
  const onInt = () => onSignal('SIGINT')
  const onTerm = () => onSignal('SIGTERM')
  const onFatal = (err: unknown) => {
    say(render({ code: 'SHUTDOWN_FATAL', params: { message: err instanceof Error ? err.message : String(err) } }, o.lang))
    failed = true
    if (!started) begin('fatal error', 1)
  }
  proc.on('SIGINT', onInt)
  proc.on('SIGTERM', onTerm)
  proc.on('uncaughtException', onFatal)
  proc.on('unhandledRejection', onFatal)
  const poll = o.launcherAlive && setInterval(() => {
    // A signal that killed the launcher reached this process too, and may still wait in this loop
    // turn's I/O phase (a busy loop turn lets the launcher die first): act after it, on the check
    // phase, so the shutdown names the signal rather than the launcher.
    if (!started && !o.launcherAlive!()) setImmediate(() => { if (!started) begin('launcher ended', 0) })
  }, o.launcherPollMs ?? LAUNCHER_POLL_MS)
  if (poll) poll.unref()
  function stop () {
    if (poll) clearInterval(poll)
    proc.off('SIGINT', onInt)
    proc.off('SIGTERM', onTerm)
    proc.off('uncaughtException', onFatal)
    proc.off('unhandledRejection', onFatal)
  }
  return done
}

/**
 * `npm run serve` runs `sh -c "node …"`: npm passes SIGINT/SIGTERM to that shell only, and the
 * shell dies without passing it on. So when npm started us (it sets npm_lifecycle_event), the end
 * of our parent is a shutdown request too. Started any other way, the parent is not watched.
 */
export function launcherWatch (env: NodeJS.ProcessEnv, parentPid: number): (() => boolean) | undefined {
  if (!env.npm_lifecycle_event || parentPid <= 1) return undefined
  return () => {
    try {
      process.kill(parentPid, 0)
      return true
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM'
    }
  }
}

export interface SessionTally {
  readonly total: number
  readonly byErrcode: ReadonlyMap<number, number>
  /** One line, e.g. "session: 3 deliveries received (2 answered errcode 0, 1 answered errcode 300)". */
  summary (lang?: Lang): string
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
    summary (lang?: Lang) {
      if (total === 0) return render({ code: 'SESSION_NONE' }, lang)
      const parts = [...byErrcode].sort(([a], [b]) => a - b).map(([code, n]) => render({ code: 'SESSION_PART', params: { n, code } }, lang))
      return render({ code: total === 1 ? 'SESSION_ONE' : 'SESSION_MANY', params: { total, parts: parts.join(lang === 'zh' ? '，' : ', ') } }, lang)
    },
    stop () { events.off('delivery', onDelivery) },
  }
}
