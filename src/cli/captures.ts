import { stat } from 'node:fs/promises'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import ms from 'ms'
import type { Dispatcher } from 'undici'
import { createFileStore, type FileStore } from '../capture/file-store.js'
import type { CaptureRecord } from '../capture/record.js'
import { TAMPERS, TamperError, type Tamper } from '../capture/tamper.js'
import { ConfigError, loadConfig, secretValues, type Config } from '../config.js'
import { maskSecrets } from '../protocol/mask.js'
import { createWxBizMsgCryptProfile, type CryptoProfile } from '../protocol/profile.js'
import { exportCapture, listCaptures, pruneCaptures, showCapture } from './captures-views.js'
import { ReplayError, replay, replayText } from './captures-replay.js'
import { resolveSecrets, SecretFlagError } from './captures-secrets.js'
import { reinspect, verifyText } from './captures-verify.js'
import type { Io } from './io.js'

export interface CapturesDeps { profile?: CryptoProfile; dispatcher?: Dispatcher; now?: () => number }

export const DEFAULT_LIST_LIMIT = 100

export const CAPTURES_USAGE = `usage: captures <verb> [options]     (npm run captures -- <verb>, or nontax-debugger captures <verb>)

  list [--since 2h|2024-05-01] [--errcode 300] [--order ID] [--limit N] [--json]
                  (newest first; without --since or --limit, the newest ${DEFAULT_LIST_LIMIT})
  show ID [--json]
  verify ID [--token T] [--aes-key K] [--appid A]
  replay ID --to URL [--tamper signature|body|timestamp|appid] [--token T] [--aes-key K] [--appid A]
  export ID --curl | --har [--to URL]
  prune --older-than 7d

Captures are read from CAPTURE_DIR (default ./captures). ID may be a unique prefix.
Secrets default to NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY and WECHAT_APPID; they are never printed.`

class UsageError extends Error {}

const SECRET_FLAGS = { token: { type: 'string' }, 'aes-key': { type: 'string' }, appid: { type: 'string' } } as const
const OPTIONS = {
  list: { since: { type: 'string' }, errcode: { type: 'string' }, order: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  show: { json: { type: 'boolean' } },
  verify: SECRET_FLAGS,
  replay: { to: { type: 'string' }, tamper: { type: 'string' }, ...SECRET_FLAGS },
  export: { curl: { type: 'boolean' }, har: { type: 'boolean' }, to: { type: 'string' } },
  prune: { 'older-than': { type: 'string' } },
} as const satisfies Record<string, ParseArgsConfig['options']>
type Verb = keyof typeof OPTIONS

export async function runCaptures (argv: string[], io: Io, deps: CapturesDeps = {}): Promise<number> {
  const [verb, ...rest] = argv
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
    if (verb !== undefined) { io.out(CAPTURES_USAGE); return 0 }
    io.err(CAPTURES_USAGE)
    return 2
  }
  if (!(verb in OPTIONS)) return usage(io, `unknown verb "${verb}"`)
  let config: Config
  try {
    config = loadConfig(io.env)
  } catch (err) {
    if (err instanceof ConfigError) { io.err(err.message); return 2 }
    throw err
  }
  const now = deps.now ?? Date.now
  let store: FileStore | undefined
  try {
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS[verb as Verb], allowPositionals: true, strict: true })
    const v = values as Record<string, string | boolean | undefined>
    const str = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined)
    const mask = [...secretValues(config), str('token'), str('aes-key')]
    const out = (t: string) => io.out(maskSecrets(t, mask))
    store = await openStore(config, io, now)
    if (verb === 'list') return await listCaptures(store, out, io, listFilter(v, now))
    if (verb === 'prune') return await pruneCaptures(store, out, durationMs(str('older-than'), '--older-than', 'prune'))
    const id = positionals[0]
    if (id === undefined) throw new UsageError(`${verb} needs a capture ID (see "captures list")`)
    const r = await findCapture(store, id)
    if (typeof r === 'string') { io.err(r); return 1 }
    return await onCapture(verb as Exclude<Verb, 'list' | 'prune'>, r, { v, str, out, io, config, deps })
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usage(io, (err as Error).message)
    if (err instanceof SecretFlagError) return usage(io, err.message)
    if (err instanceof TamperError || err instanceof ReplayError) { io.err(err.message); return 1 }
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
  const profile = c.deps.profile ?? createWxBizMsgCryptProfile()
  switch (verb) {
    case 'show': return showCapture(r, c.out, c.v.json === true)
    case 'export': return exportCapture(r, c.io, c.v.curl === true, c.v.har === true, c.str('to'))
    case 'verify': {
      const s = resolveSecrets(c.v, c.io.env, c.config, r)
      c.out(verifyText(r, reinspect(r, s, profile), s))
      return 0
    }
    case 'replay': {
      const to = c.str('to')
      if (to === undefined || !URL.canParse(to)) throw new UsageError('replay needs --to URL, the receiver to send to (e.g. --to http://127.0.0.1:3000)')
      const tamper = c.str('tamper')
      if (tamper !== undefined && !(TAMPERS as readonly string[]).includes(tamper)) throw new UsageError(`--tamper must be one of ${TAMPERS.join(', ')} (got "${tamper}")`)
      const s = resolveSecrets(c.v, c.io.env, c.config, r)
      c.out(replayText(r, await replay(r, to, tamper as Tamper | undefined, s.secrets, profile, c.deps.dispatcher)))
      return 0
    }
  }
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

/** Exact id first, then a unique prefix, as git does for commits. */
async function findCapture (store: FileStore, id: string): Promise<CaptureRecord | string> {
  const exact = await store.get(id)
  if (exact) return exact
  const hits = (await store.list()).filter(r => r.id.startsWith(id))
  if (hits.length === 1 && hits[0]) return hits[0]
  if (hits.length > 1) return `capture ID "${id}" is ambiguous: ${hits.slice(0, 5).map(r => r.id).join(', ')}${hits.length > 5 ? ', …' : ''}`
  return `no capture "${id}" in ${store.dir} (see "captures list"; CAPTURE_DIR sets where captures are kept)`
}

function durationMs (text: string | undefined, flag: string, verb: string): number {
  if (text === undefined) throw new UsageError(`${verb} needs ${flag} (e.g. ${flag} 7d)`)
  const n = ms(text as ms.StringValue)
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a duration like 2h, 7d or 30m (got "${text}")`)
  return n
}

function listFilter (v: Record<string, string | boolean | undefined>, now: () => number) {
  const since = typeof v.since === 'string' ? v.since : undefined
  let sinceMs: number | undefined
  if (since !== undefined) {
    const d = ms(since as ms.StringValue)
    sinceMs = typeof d === 'number' && Number.isFinite(d) ? now() - d : Date.parse(since)
    if (!Number.isFinite(sinceMs)) throw new UsageError(`--since must be a duration (2h, 1d) or a date (2024-05-01, 2024-05-01T14:00Z); got "${since}"`)
  }
  const int = (k: string) => {
    const s = v[k]
    if (typeof s !== 'string') return undefined
    if (!/^\d+$/.test(s)) throw new UsageError(`--${k} must be a whole number (got "${s}")`)
    return Number(s)
  }
  // Without --since or --limit a long history would scroll past; the newest DEFAULT_LIST_LIMIT are shown, with a note.
  const limit = int('limit') ?? (sinceMs === undefined ? DEFAULT_LIST_LIMIT : undefined)
  return { sinceMs, errcode: int('errcode'), orderId: typeof v.order === 'string' ? v.order : undefined, limit, json: v.json === true }
}
