import type { Config } from '../config.js'
import { SetupError, UsageError } from '../errors.js'
import { finding, listOf } from '../messages/render.js'
import { sendRequest } from '../net/send-request.js'
import { loadOverrides, PayloadError, type Overrides, type PayloadApi } from '../payload/overrides.js'
import { retrySchedule } from '../payload/retries.js'

/**
 * `npm start -- --forward-to URL [--set F=V …] [--set-file F] [--retries N] [--retry-delays …]`:
 * the mock loop run against the user's own handler. The receiver relays each delivery to it and
 * grades its answer; the emulator's payloads and retries are shaped by the user.
 */
export interface HandlerLoopOptions {
  /** The user's handler: deliveries are relayed to it, and the verdict is about its answers. */
  forwardTo?: string
  payload?: Overrides
  /** Empty or undefined: no retries (the two test deliveries are sent once each). */
  retryDelaysMs?: number[]
}

export interface HandlerLoopFlags { forwardTo?: string; sets?: string[]; setFile?: string; retries?: string; retryDelays?: string }

/** Reads and checks the flags against the configuration; every refusal is exit 2 with the fix. */
export function handlerLoopOptions (f: HandlerLoopFlags, config: Config): HandlerLoopOptions {
  const shaping = f.sets !== undefined || f.setFile !== undefined || f.retries !== undefined || f.retryDelays !== undefined
  // Real WeChat sends its own payloads on its own schedule: only the emulator can be shaped.
  if (shaping && config.mode === 'real') throw UsageError.from(finding('LOOP_SHAPE_REAL'))
  if (f.forwardTo !== undefined) {
    if (!/^https?:\/\/[^/]/.test(f.forwardTo) || !URL.canParse(f.forwardTo)) throw UsageError.from(finding('LOOP_FORWARD_URL', { got: f.forwardTo }))
    // The handler must decrypt what the emulator encrypts: generated demo keys are nobody's.
    if (config.mode === 'embedded' && config.generated.length > 0) throw UsageError.from(finding('LOOP_FORWARD_KEYS', { names: listOf(config.generated, 'and') }))
  }
  try {
    return {
      ...(f.forwardTo !== undefined ? { forwardTo: f.forwardTo } : {}),
      payload: loadOverrides({ sets: f.sets, file: f.setFile, api: config.mockApi as PayloadApi }),
      retryDelaysMs: retrySchedule({ retries: f.retries, delays: f.retryDelays }),
    }
  } catch (err) {
    if (err instanceof PayloadError) throw UsageError.from(err.finding)
    throw err
  }
}

/**
 * Before WeChat (or the emulator) is called: is anything listening at the handler's URL? Any HTTP
 * answer counts; a refused or timed-out connection means the run could not be made (exit 2).
 */
export async function assertHandlerReachable (target: string, timeoutMs = 5000): Promise<void> {
  const reply = await sendRequest(target, { method: 'GET', headers: { 'user-agent': 'nontax-debugger-preflight' }, body: Buffer.alloc(0), timeoutMs })
  if (reply.kind === 'error') throw SetupError.from(finding('LOOP_HANDLER_UNREACHABLE', { url: target, error: reply.finding }))
}

/** The flags npm start takes for this (parseArgs options). */
export const HANDLER_LOOP_OPTIONS = {
  'forward-to': { type: 'string' },
  set: { type: 'string', multiple: true },
  'set-file': { type: 'string' },
  retries: { type: 'string' },
  'retry-delays': { type: 'string' },
} as const

export function handlerLoopFlags (v: Record<string, unknown>): HandlerLoopFlags {
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined)
  return { forwardTo: str(v['forward-to']), sets: Array.isArray(v.set) ? v.set as string[] : undefined, setFile: str(v['set-file']), retries: str(v.retries), retryDelays: str(v['retry-delays']) }
}
