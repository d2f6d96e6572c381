import { request } from 'undici'
import { SetupError } from '../errors.js'
import type { Config } from '../config.js'

export const NGROK_API = 'http://127.0.0.1:4040'

export interface PublicUrl { base: string; source: 'embedded' | 'PUBLIC_URL' | 'ngrok'; note: string }

export class PublicUrlError extends SetupError {
  override name = 'PublicUrlError'
  constructor (message: string) { super('NO_PUBLIC_URL', message) }
}

/** Embedded: our own loopback URL. Real: PUBLIC_URL, else a local ngrok agent's https tunnel, else stop and explain. */
export async function resolvePublicUrl (config: Config, localBase: string, ngrokApi = NGROK_API): Promise<PublicUrl> {
  if (config.mode === 'embedded') return { base: localBase, source: 'embedded', note: 'the built-in emulator calls the receiver on loopback' }
  if (config.publicUrl) return { base: config.publicUrl, source: 'PUBLIC_URL', note: 'from PUBLIC_URL' }
  const tunnel = await findNgrokTunnel(ngrokApi, config.port)
  if (tunnel) return { base: tunnel.url, source: 'ngrok', note: `PUBLIC_URL is unset; using the https tunnel of the ngrok agent at ${ngrokApi} (${tunnel.url} → ${tunnel.addr})${tunnel.portMatches ? '' : `; WARNING: it forwards to ${tunnel.addr}, not to PORT ${config.port}`}` }
  throw new PublicUrlError([
    'WeChat needs a public URL to deliver to, and none is configured.',
    `Start a tunnel to this receiver (PORT ${config.port}), then set PUBLIC_URL in .env to its https address:`,
    `  ngrok http ${config.port}                                  (PUBLIC_URL is then detected automatically)`,
    `  cloudflared tunnel --url http://127.0.0.1:${config.port}   (copy the https://….trycloudflare.com URL into PUBLIC_URL)`,
  ].join('\n'))
}

interface NgrokTunnel { url: string; addr: string; portMatches: boolean }

export async function findNgrokTunnel (ngrokApi: string, port: number): Promise<NgrokTunnel | undefined> {
  try {
    const res = await request(`${ngrokApi}/api/tunnels`, { headersTimeout: 1000, bodyTimeout: 1000 })
    if (res.statusCode !== 200) {
      await res.body.dump()
      return undefined
    }
    const body = await res.body.json() as { tunnels?: Array<{ public_url?: string; config?: { addr?: string } }> }
    const https = (body.tunnels ?? []).filter(t => t.public_url?.startsWith('https://'))
    const portOf = (addr = '') => addr.match(/:(\d+)$/)?.[1] ?? (/^\d+$/.test(addr) ? addr : undefined)
    const best = https.find(t => portOf(t.config?.addr) === String(port)) ?? https[0]
    if (!best?.public_url) return undefined
    return { url: best.public_url.replace(/\/+$/, ''), addr: best.config?.addr ?? '?', portMatches: portOf(best.config?.addr) === String(port) }
  } catch {
    return undefined
  }
}
