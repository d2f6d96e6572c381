import { stat } from 'node:fs/promises'
import type { ParseArgsConfig } from 'node:util'
import ms from 'ms'
import type { Dispatcher } from 'undici'
import { createFileStore, type FileStore } from '../capture/file-store.js'
import type { CaptureRecord } from '../capture/record.js'
import { TAMPERS, type Tamper } from '../capture/tamper.js'
import { loadConfig, secretValues, type Config } from '../config.js'
import { AppError, EXIT, UsageError } from '../errors.js'
import { keysThatDiffer } from '../preflight/keys.js'
import { listOf, render } from '../messages/render.js'
import { maskSecrets } from '../protocol/mask.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { createProfile } from '../profiles/create.js'
import { lookupCaptures, single } from './captures-lookup.js'
import { exportCapture, listCaptures, pruneCaptures, pruneDryRun, showCapture } from './captures-views.js'
import { replay, replayMatches, replayText } from './captures-replay.js'
import { requireSecrets, resolveSecrets } from './captures-secrets.js'
import { parseFlags } from './args.js'
import { errorText } from '../messages/error-text.js'
import { reinspect, verifyText } from './captures-verify.js'
import { replayEdited } from './captures-edit.js'
import type { Io } from './io.js'
import { parseLocalDate } from '../time/local.js'
import { safeLines } from '../log/terminal-safe.js'
import { parseReplayTarget } from '../net/replay-target.js'

export interface CapturesDeps { profile?: CryptoProfile; dispatcher?: Dispatcher; now?: () => number }

export const DEFAULT_LIST_LIMIT = 100


const SECRET_FLAGS = { token: { type: 'string' }, 'aes-key': { type: 'string' }, appid: { type: 'string' } } as const
const OPTIONS = {
  list: { since: { type: 'string' }, errcode: { type: 'string' }, order: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  show: { json: { type: 'boolean' } },
  verify: { ...SECRET_FLAGS, 'demo-keys': { type: 'boolean' } },
  replay: { to: { type: 'string' }, tamper: { type: 'string' }, set: { type: 'string', multiple: true }, ...SECRET_FLAGS },
  export: { curl: { type: 'boolean' }, har: { type: 'boolean' }, to: { type: 'string' } },
  prune: { 'older-than': { type: 'string' }, 'dry-run': { type: 'boolean' } },
} as const satisfies Record<string, ParseArgsConfig['options']>
type Verb = keyof typeof OPTIONS

export async function runCaptures (argv: string[], io: Io, deps: CapturesDeps = {}): Promise<number> {
  const [verb, ...rest] = argv
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
    if (verb !== undefined) { io.out(capturesUsage(io)); return 0 }
    io.err(capturesUsage(io))
    return 2
  }
  if (verb === 'discover') return (await import('./captures-discover.js')).runDiscover(rest, io)
  if (!(verb in OPTIONS)) return usage(io, render({ code: 'CAPTURES_UNKNOWN_VERB', params: { verb } }, io.lang))
  if (rest.includes('--help') || rest.includes('-h')) { io.out(capturesUsage(io)); return 0 }
  const now = deps.now ?? Date.now
  let store: FileStore | undefined
  try {
    const config = loadConfig(io.env, io.lang ? { lang: io.lang } : {})
    const { values, positionals } = parseFlags(rest, OPTIONS[verb as Verb], true)
    const v = values as Record<string, string | boolean | undefined>
    const str = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined)
    const mask = [...secretValues(config), str('token'), str('aes-key')]
    // Views (not --json, which is the files' exact JSON) show sender values escaped for the terminal.
    const out = (t: string) => io.out(maskSecrets(v.json === true ? t : safeLines(t), mask))
    store = await openStore(config, io, now)
    if (verb === 'list') return await listCaptures(store, out, io, listFilter(v, now))
    if (verb === 'prune') {
      const age = durationMs(str('older-than'), '--older-than', 'prune')
      return v['dry-run'] === true ? await pruneDryRun(store.dir, out, age, now, io.lang) : await pruneCaptures(store, out, age, io.lang)
    }
    const key = positionals[0]
    if (key === undefined) throw UsageError.from({ code: 'CAPTURE_NEEDS_ID', params: { verb } })
    const found = await lookupCaptures(store, key)
    const c: VerbContext = { v, str, out, io, config, deps }
    if (verb === 'show' || verb === 'verify') {
      let code = 0
      for (const r of found.records) code = Math.max(code, await onCapture(verb, r, c))
      return code
    }
    return await onCapture(verb as Exclude<Verb, 'list' | 'prune'>, single(found, key), c)
  } catch (err) {
    if (err instanceof UsageError) return usage(io, errorText(err, io.lang))
        if (err instanceof AppError) { io.err(errorText(err, io.lang)); return err.exitCode }
    throw err
  } finally {
    await store?.close()
  }
}

interface VerbContext {
  v: Record<string, string | boolean | undefined>
  str: (k: string) => string | undefined
  out: (t: string) => void
  io: Io
  config: Config
  deps: CapturesDeps
}

async function onCapture (verb: Exclude<Verb, 'list' | 'prune'>, r: CaptureRecord, c: VerbContext): Promise<number> {
  const profile = c.deps.profile ?? createProfile(c.config.profile)
  switch (verb) {
    case 'show': return showCapture(r, c.out, c.v.json === true, c.io.lang, profile)
    case 'export': return exportCapture(r, c.io, c.v.curl === true, c.v.har === true, c.str('to'))
    case 'verify': {
      requireVerifySecrets(c)
      const s = resolveSecrets(c.v, c.io.env, c.config, r, c.io.lang)
      c.out(verifyText(r, reinspect(r, s, profile), s, c.io.lang))
      const differ = keysThatDiffer(r.keys, s.secrets)
      if (differ.length > 0) c.out(render({ code: 'VERIFY_OTHER_KEYS', params: { which: listOf(differ.map(k => (k === 'token' ? 'Token' : 'EncodingAESKey')), 'and') } }, c.io.lang))
      return 0
    }
    case 'replay': {
      const to = c.str('to')
      if (to === undefined) throw UsageError.from({ code: 'CAPTURES_REPLAY_NEEDS_TO' })
      parseReplayTarget(to)
      const tamper = c.str('tamper')
      if (tamper !== undefined && !(TAMPERS as readonly string[]).includes(tamper)) throw UsageError.from({ code: 'CAPTURES_TAMPER_INVALID', params: { allowed: TAMPERS.join(', '), got: tamper } })
      const s = resolveSecrets(c.v, c.io.env, c.config, r, c.io.lang)
      const sets = (c.v as { set?: string[] }).set
      if (sets !== undefined) return replayEdited(r, sets, to, { secrets: s.secrets, profile, nowMs: (c.deps.now ?? Date.now)(), dispatcher: c.deps.dispatcher, out: c.out, err: c.io.err, lang: c.io.lang })
      const outcome = await replay(r, to, tamper as Tamper | undefined, s.secrets, profile, c.deps.dispatcher)
      c.out(replayText(r, outcome, c.io.lang))
      if (replayMatches(outcome)) return EXIT.PASS
      c.io.err(render({ code: 'REPLAY_DIFFERS' }, c.io.lang))
      return EXIT.FAILED
    }
  }
}

function requireVerifySecrets (c: VerbContext): void {
  requireSecrets('captures verify', c.v, c.io.env, c.io.lang)
}

function usage (io: Io, problem: string): number {
  io.err(`${problem}\n\n${capturesUsage(io)}`)
  return 2
}

const capturesUsage = (io: Io) => render({ code: 'USAGE_CAPTURES', params: { limit: DEFAULT_LIST_LIMIT } }, io.lang)

/** Read-only commands must not create an empty CAPTURE_DIR in whatever directory they ran from. */
async function openStore (config: Config, io: Io, now: () => number): Promise<FileStore> {
  const exists = await stat(config.captureDir).then(s => s.isDirectory(), () => false)
  if (!exists) io.err(render({ code: 'CAPTURES_DIR_MISSING_NOTE', params: { dir: config.captureDir } }, io.lang))
  return createFileStore({
    dir: config.captureDir,
    maxInMemory: config.limits.maxCapturesInMemory,
    now,
    log: { warn: (_o, msg) => io.err(msg) },
    readOnly: !exists,
  })
}

function durationMs (text: string | undefined, flag: string, verb: string): number {
  if (text === undefined) throw UsageError.from({ code: 'CAPTURES_DURATION_NEEDED', params: { verb, flag } })
  const n = ms(text as ms.StringValue)
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw UsageError.from({ code: 'CAPTURES_DURATION_INVALID', params: { flag, got: text } })
  return n
}

function listFilter (v: Record<string, string | boolean | undefined>, now: () => number) {
  const since = typeof v.since === 'string' ? v.since : undefined
  let sinceMs: number | undefined
  if (since !== undefined) {
    const d = ms(since as ms.StringValue)
    sinceMs = typeof d === 'number' && Number.isFinite(d) ? now() - d : parseLocalDate(since)
    if (!Number.isFinite(sinceMs)) throw UsageError.from({ code: 'CAPTURES_SINCE_INVALID', params: { got: since } })
  }
  const int = (k: string) => {
    const s = v[k]
    if (typeof s !== 'string') return undefined
    if (!/^\d+$/.test(s)) throw UsageError.from({ code: 'CAPTURES_WHOLE_NUMBER', params: { flag: `--${k}`, got: s } })
    return Number(s)
  }
  // Without --since or --limit a long history would scroll past; the newest DEFAULT_LIST_LIMIT are shown, with a note.
  const limit = int('limit') ?? (sinceMs === undefined ? DEFAULT_LIST_LIMIT : undefined)
  return { sinceMs, errcode: int('errcode'), orderId: typeof v.order === 'string' ? v.order : undefined, limit, json: v.json === true }
}
