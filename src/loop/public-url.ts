import { request } from 'undici'
import type { Config } from '../config.js'
import { SetupError } from '../errors.js'
import type { Finding } from '../messages/types.js'

/** Where a local ngrok agent serves its API; NGROK_API_URL overrides it (tests point it at a fake). */
export const NGROK_API = 'http://127.0.0.1:4040'

export interface PublicUrl {
  base: string
  source: 'embedded' | 'PUBLIC_URL' | 'ngrok'
  /** Where the public address came from, as a finding (rendered in the reader's language). */
  note: Finding
  /** Checklist lines: what was cross-checked with the ngrok agent, or why nothing was. */
  checks: Finding[]
}

interface Tunnel { url: string; addr: string; port: string | undefined }

const NGROK_HOST = /\.ngrok(-free)?\.(app|dev|io)$/

/**
 * Embedded: our own loopback URL. Real: PUBLIC_URL, else a local ngrok agent's https tunnel, else
 * stop and explain. When an agent runs, its tunnels are cross-checked: a PUBLIC_URL that is no
 * longer one of them (stale), or a tunnel forwarding to another port, stops the run (exit 2).
 */
export async function resolvePublicUrl (config: Config, localBase: string, ngrokApi = config.ngrokApiUrl ?? NGROK_API): Promise<PublicUrl> {
  if (config.mode === 'embedded') return { base: localBase, source: 'embedded', note: { code: 'PUBLIC_URL_FROM_EMULATOR' }, checks: [] }
  // URL drops the scheme's default port (80, 443); ngrok names it ("localhost:80").
  const local = new URL(localBase)
  const port = local.port || (local.protocol === 'https:' ? '443' : '80')
  const tunnels = await readNgrokAgent(ngrokApi)
  const listed = (tunnels ?? []).map(t => `${t.url} → ${t.addr}`).join(', ') || '(none)'
  if (config.publicUrl) {
    const pub = config.publicUrl
    const mine = tunnels?.find(t => t.url === pub)
    if (tunnels === undefined) return fromPublicUrl(pub, { code: 'PREFLIGHT_NGROK_ABSENT', params: { api: ngrokApi } })
    if (mine === undefined) {
      if (NGROK_HOST.test(new URL(pub).hostname)) throw SetupError.from({ code: 'PREFLIGHT_NGROK_STALE_URL', params: { publicUrl: pub, api: ngrokApi, tunnels: listed } })
      return fromPublicUrl(pub, { code: 'PREFLIGHT_NGROK_OTHER_TUNNEL', params: { publicUrl: pub, api: ngrokApi } })
    }
    if (mine.port !== port) throw wrongPort(mine, port)
    return fromPublicUrl(pub, { code: 'PREFLIGHT_NGROK_OK', params: { url: mine.url, addr: mine.addr, port } })
  }
  const https = tunnels ?? []
  const best = https.find(t => t.port === port)
  if (best) {
    return { base: best.url, source: 'ngrok', note: { code: 'PUBLIC_URL_FROM_NGROK', params: { api: ngrokApi, url: best.url, addr: best.addr } }, checks: [{ code: 'PREFLIGHT_NGROK_OK', params: { url: best.url, addr: best.addr, port } }] }
  }
  if (https[0]) throw wrongPort(https[0], port)
  // From the catalogue, so a Chinese run says it in Chinese (it was the one English-only setup error).
  throw SetupError.from({ code: 'NO_PUBLIC_URL', params: { port } })
}

function fromPublicUrl (base: string, check: Finding): PublicUrl {
  return { base, source: 'PUBLIC_URL', note: { code: 'PUBLIC_URL_FROM_ENV' }, checks: [check] }
}

function wrongPort (t: Tunnel, port: string): SetupError {
  return SetupError.from({ code: 'PREFLIGHT_NGROK_WRONG_PORT', params: { url: t.url, addr: t.addr, port } })
}

/** The agent's https tunnels, or undefined when no agent answers there. */
export async function readNgrokAgent (ngrokApi: string): Promise<Tunnel[] | undefined> {
  try {
    const res = await request(`${ngrokApi}/api/tunnels`, { headersTimeout: 1000, bodyTimeout: 1000 })
    if (res.statusCode !== 200) {
      await res.body.dump()
      return undefined
    }
    const body = await res.body.json() as { tunnels?: Array<{ public_url?: string; config?: { addr?: string } }> }
    return (body.tunnels ?? [])
      .filter((t): t is { public_url: string; config?: { addr?: string } } => t.public_url?.startsWith('https://') === true)
      .map(t => ({ url: t.public_url.replace(/\/+$/, ''), addr: t.config?.addr ?? '?', port: portOf(t.config?.addr) }))
  } catch {
    return undefined
  }
}

/** ngrok reports addr as "http://localhost:3000", "localhost:3000" or "3000". */
function portOf (addr = ''): string | undefined {
  return addr.match(/:(\d+)\/?$/)?.[1] ?? (/^\d+$/.test(addr) ? addr : undefined)
}
