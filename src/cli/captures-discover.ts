import { createFileStore } from '../capture/file-store.js'
import type { CaptureRecord } from '../capture/record.js'
import { ConfigError, loadConfig, secretValues } from '../config.js'
import { maskSecrets } from '../protocol/mask.js'
import { createProfile } from '../profiles/create.js'
import { discover } from '../profiles/discover/index.js'
import { deliveryBytesOfRecord } from '../profiles/discover/record.js'
import { discoveryText } from '../profiles/discover/report.js'
import { lookupCaptures, single } from './captures-lookup.js'
import { requireSecrets, resolveSecrets, SecretFlagError } from './captures-secrets.js'
import type { Io } from './io.js'
import { parseFlags, UsageError } from './args.js'
import { errorText } from '../messages/error-text.js'
import { listOf, render } from '../messages/render.js'
import { localTime } from '../time/local.js'

const discoverUsage = (io: Io) => render({ code: 'USAGE_DISCOVER' }, io.lang)

/** Another delivery to the same path within two minutes: WeChat's version-1 pair arrives back to back. */
const SIBLING_WINDOW_MS = 120_000


export async function runDiscover (argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseFlags(argv, { json: { type: 'boolean' }, key: { type: 'string', multiple: true }, token: { type: 'string' }, 'aes-key': { type: 'string' }, appid: { type: 'string' }, 'demo-keys': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    io.err(`${errorText(err, io.lang)}\n\n${discoverUsage(io)}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) { io.out(discoverUsage(io)); return 0 }
  const id = positionals[0]
  if (id === undefined) { io.err(`${render({ code: 'DISCOVER_NEEDS_ID' }, io.lang)}\n\n${discoverUsage(io)}`); return 2 }
  let config
  try {
    config = loadConfig(io.env, io.lang ? { lang: io.lang } : {})
  } catch (err) {
    if (err instanceof ConfigError) { io.err(err.message); return 2 }
    throw err
  }
  try {
    requireSecrets('captures discover', values, io.env, io.lang)
  } catch (err) {
    if (err instanceof ConfigError) { io.err(err.message); return 2 }
    throw err
  }
  const keys = values.key ?? []
  const mask = (t: string) => maskSecrets(t, [...secretValues(config), values.token, values['aes-key'], ...keys])
  const store = await createFileStore({ dir: config.captureDir, maxInMemory: config.limits.maxCapturesInMemory, now: Date.now, log: { warn: (_o, msg) => io.err(msg) }, readOnly: true })
  try {
    // The same lookup as show/verify/replay: last, any unique part, a wxnontaxstr, an order_id; none or several exit 2.
    const r = single(await lookupCaptures(store, id), id)
    const all = await store.list()
    let s
    try {
      s = resolveSecrets(values, io.env, config, r, io.lang)
    } catch (err) {
      if (err instanceof SecretFlagError) { io.err(`${errorText(err, io.lang)}\n\n${discoverUsage(io)}`); return 2 }
      throw err
    }
    const sibling = siblingOf(r, all)
    const d = discover(deliveryBytesOfRecord(r), { secrets: s.secrets, extraKeys: keys, sibling: sibling ? deliveryBytesOfRecord(sibling) : undefined })
    const configured = createProfile(config.profile).id
    if (values.json) {
      io.out(mask(JSON.stringify({ capture: r.id, configuredProfile: configured, sibling: sibling?.id, ...d })))
    } else {
      const lang = io.lang ?? 'en'
      const head = render({ code: 'DISCOVER_HEAD', params: { id: r.id, method: r.method, path: r.path, contentType: r.contentType ?? render({ code: 'DISCOVER_NO_CONTENT_TYPE' }, lang), bytes: r.body.bytes, time: localTime(r.receivedAt) } }, lang)
      io.out(mask(discoveryText(head, d, configured, sibling?.id, lang)))
      if (values['demo-keys'] === true && config.generated.some(g => g !== 'WECHAT_APPID')) io.err(render({ code: 'DISCOVER_DEMO_KEYS', params: { names: listOf(config.generated.filter(g => g !== 'WECHAT_APPID'), 'and') } }, lang))
    }
    return d.matches.some(m => m.decrypts && m.signatureVerifies) ? 0 : 1
  } finally {
    await store.close()
  }
}

function siblingOf (r: CaptureRecord, all: CaptureRecord[]): CaptureRecord | undefined {
  const at = Date.parse(r.receivedAt)
  return all
    .filter(o => o.id !== r.id && o.path === r.path && Math.abs(Date.parse(o.receivedAt) - at) <= SIBLING_WINDOW_MS)
    .sort((a, b) => Math.abs(Date.parse(a.receivedAt) - at) - Math.abs(Date.parse(b.receivedAt) - at))[0]
}
