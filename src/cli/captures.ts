import { stat } from 'node:fs/promises'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import ms from 'ms'
import type { Dispatcher } from 'undici'
import { createFileStore, type FileStore } from '../capture/file-store.js'
import type { CaptureRecord } from '../capture/record.js'
import { TAMPERS, TamperError, type Tamper } from '../capture/tamper.js'
import { loadConfig, secretValues, type Config } from '../config.js'
import { AppError, ConfigError, EXIT, UsageError } from '../errors.js'
import { keyFingerprints, keysThatDiffer } from '../preflight/keys.js'
import { render } from '../messages/render.js'
import { maskSecrets } from '../protocol/mask.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { createProfile } from '../profiles/create.js'
import { lookupCaptures, single } from './captures-lookup.js'
import { exportCapture, listCaptures, pruneCaptures, pruneDryRun, showCapture } from './captures-views.js'
import { ReplayError, replay, replayMatches, replayText } from './captures-replay.js'
import { resolveSecrets, SecretFlagError } from './captures-secrets.js'
import { reinspect, verifyText } from './captures-verify.js'
import { replayEdited } from './captures-edit.js'
import type { Io } from './io.js'
import { parseLocalDate } from '../time/local.js'
import { safeLines } from '../log/terminal-safe.js'
import { parseReplayTarget } from '../net/replay-target.js'

export interface CapturesDeps { profile?: CryptoProfile; dispatcher?: Dispatcher; now?: () => number }

export const DEFAULT_LIST_LIMIT = 100

export const CAPTURES_USAGE = `usage: captures <verb> [options]     (npm run captures -- <verb>, or nontax-debugger captures <verb>)

  list [--since 2h|2024-05-01 (local time)] [--errcode 300] [--order ID] [--limit N] [--json]
                  (newest first; without --since or --limit, the newest ${DEFAULT_LIST_LIMIT})
  show ID [--json]
  verify ID [--token T] [--aes-key K] [--appid A] [--demo-keys]
  replay ID --to URL [--tamper signature|body|timestamp|appid] [--token T] [--aes-key K] [--appid A]
                  (exit 1 when the answer differs from the recorded one, or from what the tamper expects)
  replay ID --to URL --set order_id=NT1 [--set fee=1 ...]   (edited plaintext, re-encrypted and re-signed)
  export ID --curl | --har [--to URL]
  discover ID [--json] [--key K]…   which profile (docs/PROTOCOL.md §7) this delivery verifies and decrypts under
  prune --older-than 7d [--dry-run]

Captures are read from CAPTURE_DIR (default ./captures). ID may be the full ID, any unique part of
it, a wxnontaxstr, an order_id (show and verify then act on all its captures), or last.
Secrets default to NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY and WECHAT_APPID; they are never printed.
Pipe the output with the packaged command: npx nontax-debugger captures export last --curl | bash
Exit codes: 0 done, 1 a replayed answer differs, 2 could not run (usage, configuration, no such capture).`

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
    if (verb !== undefined) { io.out(CAPTURES_USAGE); return 0 }
    io.err(CAPTURES_USAGE)
    return 2
  }
  if (verb === 'discover') return (await import('./captures-discover.js')).runDiscover(rest, io)
  if (!(verb in OPTIONS)) return usage(io, `unknown verb "${verb}"`)
  const now = deps.now ?? Date.now
  let store: FileStore | undefined
  try {
    const config = loadConfig(io.env)
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS[verb as Verb], allowPositionals: true, strict: true })
    const v = values as Record<string, string | boolean | undefined>
    const str = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined)
    const mask = [...secretValues(config), str('token'), str('aes-key')]
    // Views (not --json, which is the files' exact JSON) show sender values escaped for the terminal.
    const out = (t: string) => io.out(maskSecrets(v.json === true ? t : safeLines(t), mask))
    store = await openStore(config, io, now)
    if (verb === 'list') return await listCaptures(store, out, io, listFilter(v, now))
    if (verb === 'prune') {
      const age = durationMs(str('older-than'), '--older-than', 'prune')
      return v['dry-run'] === true ? await pruneDryRun(store.dir, out, age, now) : await pruneCaptures(store, out, age)
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
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usage(io, (err as Error).message)
    if (err instanceof SecretFlagError) return usage(io, err.message)
    if (err instanceof TamperError || err instanceof ReplayError) { io.err(err.message); return EXIT.COULD_NOT_RUN }
    if (err instanceof AppError) { io.err(err.message); return err.exitCode }
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
    case 'show': return showCapture(r, c.out, c.v.json === true)
    case 'export': return exportCapture(r, c.io, c.v.curl === true, c.v.har === true, c.str('to'))
    case 'verify': {
      requireVerifySecrets(c)
      const s = resolveSecrets(c.v, c.io.env, c.config, r)
      c.out(verifyText(r, reinspect(r, s, profile), s))
      const differ = keysThatDiffer(r.keys, keyFingerprints(s.secrets))
      if (differ.length > 0) c.out(render({ code: 'VERIFY_OTHER_KEYS', params: { which: differ.map(k => (k === 'token' ? 'Token' : 'EncodingAESKey')).join(' and ') } }))
      return 0
    }
    case 'replay': {
      const to = c.str('to')
      if (to === undefined) throw new UsageError('USAGE_BAD_FLAGS', 'replay needs --to URL, the receiver to send to (e.g. --to http://127.0.0.1:3000)')
      parseReplayTarget(to)
      const tamper = c.str('tamper')
      if (tamper !== undefined && !(TAMPERS as readonly string[]).includes(tamper)) throw new UsageError('USAGE_BAD_FLAGS', `--tamper must be one of ${TAMPERS.join(', ')} (got "${tamper}")`)
      const s = resolveSecrets(c.v, c.io.env, c.config, r)
      const sets = (c.v as { set?: string[] }).set
      if (sets !== undefined) return replayEdited(r, sets, to, { secrets: s.secrets, profile, nowMs: (c.deps.now ?? Date.now)(), dispatcher: c.deps.dispatcher, out: c.out, err: c.io.err })
      const outcome = await replay(r, to, tamper as Tamper | undefined, s.secrets, profile, c.deps.dispatcher)
      c.out(replayText(r, outcome))
      if (replayMatches(outcome)) return EXIT.PASS
      c.io.err(render({ code: 'REPLAY_DIFFERS' }))
      return EXIT.FAILED
    }
  }
}

/** verify with random secrets would blame the keys for nothing: the user must name them, or ask for demo keys. */
function requireVerifySecrets (c: VerbContext): void {
  const given = (flag: string, name: string) => c.str(flag) !== undefined || (c.io.env[name]?.trim() ?? '') !== ''
  const missing = [['token', 'NONTAX_TOKEN'], ['aes-key', 'NONTAX_ENCODING_AES_KEY']].filter(([f, n]) => !given(f ?? '', n ?? '')).map(([f, n]) => `${n} (or --${f})`)
  if (missing.length === 0 || c.v['demo-keys'] === true) return
  throw new ConfigError([render({ code: 'PREFLIGHT_SECRETS_MISSING', params: { command: 'captures verify', missing: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'}` } })], 'PREFLIGHT_SECRETS_MISSING')
}

function usage (io: Io, problem: string): number {
  io.err(`${problem}\n\n${CAPTURES_USAGE}`)
  return 2
}

/** Read-only commands must not create an empty CAPTURE_DIR in whatever directory they ran from. */
async function openStore (config: Config, io: Io, now: () => number): Promise<FileStore> {
  const exists = await stat(config.captureDir).then(s => s.isDirectory(), () => false)
  if (!exists) io.err(`note: CAPTURE_DIR "${config.captureDir}" does not exist yet (the receiver creates it on its first delivery)`)
  return createFileStore({
    dir: config.captureDir,
    maxInMemory: config.limits.maxCapturesInMemory,
    now,
    log: { warn: (_o, msg) => io.err(msg) },
    readOnly: !exists,
  })
}

function durationMs (text: string | undefined, flag: string, verb: string): number {
  if (text === undefined) throw new UsageError('USAGE_BAD_FLAGS', `${verb} needs ${flag} (e.g. ${flag} 7d)`)
  const n = ms(text as ms.StringValue)
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new UsageError('USAGE_BAD_FLAGS', `${flag} must be a duration like 2h, 7d or 30m (got "${text}")`)
  return n
}

function listFilter (v: Record<string, string | boolean | undefined>, now: () => number) {
  const since = typeof v.since === 'string' ? v.since : undefined
  let sinceMs: number | undefined
  if (since !== undefined) {
    const d = ms(since as ms.StringValue)
    sinceMs = typeof d === 'number' && Number.isFinite(d) ? now() - d : parseLocalDate(since)
    if (!Number.isFinite(sinceMs)) throw new UsageError('USAGE_BAD_FLAGS', `--since must be a duration (2h, 1d) or a date in local time (2024-05-01, "2024-05-01 14:00"; 2024-05-01T14:00Z for UTC); got "${since}"`)
  }
  const int = (k: string) => {
    const s = v[k]
    if (typeof s !== 'string') return undefined
    if (!/^\d+$/.test(s)) throw new UsageError('USAGE_BAD_FLAGS', `--${k} must be a whole number (got "${s}")`)
    return Number(s)
  }
  // Without --since or --limit a long history would scroll past; the newest DEFAULT_LIST_LIMIT are shown, with a note.
  const limit = int('limit') ?? (sinceMs === undefined ? DEFAULT_LIST_LIMIT : undefined)
  return { sinceMs, errcode: int('errcode'), orderId: typeof v.order === 'string' ? v.order : undefined, limit, json: v.json === true }
}
