import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { DUPLICATE_WINDOW_MS, launcherWatch, untilSignal } from '../../src/cli/shutdown.js'

/** The coordinator with a fake process and clock: which signal starts, repeats or forces a shutdown. */
function harness (o: { launcherAlive?: () => boolean; closeNever?: boolean } = {}) {
  const proc = Object.assign(new EventEmitter(), { exits: [] as number[], exit (code: number) { this.exits.push(code) } })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  /** Resolves once a status line matches: the coordinator's own signal that it acted, not a clock. */
  const said = (re: RegExp) => new Promise<void>(resolve => {
    const check = () => { if (lines.some(l => re.test(l))) { waiters.delete(check); resolve() } }
    waiters.add(check)
    check()
  })
  let t = 0
  let closes = 0
  let closed = () => {}
  const closing = new Promise<void>(resolve => { closed = resolve })
  const done = untilSignal(async () => { closes++; if (o.closeNever) await new Promise(() => {}); await closing }, {
    proc, say: l => { lines.push(l); for (const w of waiters) w() }, now: () => t, launcherPollMs: 5, ...(o.launcherAlive ? { launcherAlive: o.launcherAlive } : {}),
  })
  return { proc, lines, said, done, closes: () => closes, finishClose: closed, advance: (ms: number) => { t += ms } }
}

describe('shutdown rule: the first signal counts; only a later Ctrl-C forces', () => {
  it('a duplicate of the first signal within the window is the same request', async () => {
    const h = harness()
    h.proc.emit('SIGTERM')
    h.advance(DUPLICATE_WINDOW_MS - 1)
    h.proc.emit('SIGTERM')
    h.proc.emit('SIGINT')
    h.finishClose()
    expect(await h.done).toBe(0)
    expect(h.closes()).toBe(1)
    expect(h.proc.exits).toEqual([])
    expect(h.lines.filter(l => l.includes('the same request delivered twice'))).toHaveLength(2)
  })

  it('a later SIGTERM is ignored; a later SIGINT (Ctrl-C again) exits 1 at once', () => {
    const h = harness()
    h.proc.emit('SIGINT')
    h.advance(DUPLICATE_WINDOW_MS)
    h.proc.emit('SIGTERM')
    expect(h.proc.exits).toEqual([])
    expect(h.lines.at(-1)).toBe('SIGTERM again: already closing gracefully; Ctrl-C (SIGINT) forces the exit')
    h.proc.emit('SIGINT')
    expect(h.proc.exits).toEqual([1])
    expect(h.lines.at(-1)).toMatch(/^second Ctrl-C: exiting now \(exit 1\)/)
  })

  it('the end of the npm launcher starts the same graceful close', async () => {
    let alive = true
    const h = harness({ launcherAlive: () => alive })
    alive = false
    await h.said(/no new connections/)
    expect(h.closes()).toBe(1)
    h.finishClose()
    expect(await h.done).toBe(0)
    expect(h.lines[0]).toMatch(/^the npm script that started this receiver has ended: no new connections/)
  })

  it('a signal handled in the loop turn that finds the launcher gone is the cause named (it is what ended the launcher)', async () => {
    // A process-group SIGTERM ends npm's shell and this process alike; on a busy machine the launcher
    // check can run first, with the signal still waiting in the same turn (modelled by nextTick).
    let signalled = false
    const h = harness({ launcherAlive: () => { if (!signalled) { signalled = true; process.nextTick(() => h.proc.emit('SIGTERM')) } return false } })
    await h.said(/no new connections/)
    h.finishClose()
    expect(await h.done).toBe(0)
    expect(h.closes()).toBe(1)
    expect(h.lines[0]).toMatch(/^SIGTERM received: no new connections/)
    expect(h.lines.join('\n')).not.toContain('the npm script that started this receiver has ended')
  })

  it('an uncaught error closes gracefully, then exits 1', async () => {
    const h = harness()
    h.proc.emit('uncaughtException', new Error('boom'))
    h.finishClose()
    expect(await h.done).toBe(1)
    expect(h.lines[0]).toBe('fatal: boom')
  })

  it('the launcher is watched only when npm started the process', () => {
    expect(launcherWatch({}, process.pid)).toBeUndefined()
    expect(launcherWatch({ npm_lifecycle_event: 'serve' }, 1)).toBeUndefined()
    expect(launcherWatch({ npm_lifecycle_event: 'serve' }, process.pid)?.()).toBe(true)
  })
})
