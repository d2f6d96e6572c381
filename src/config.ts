import type { Lang } from './messages/types.js'
import { randomBytes } from 'node:crypto'
import { z } from './cjs-deps.js'
import { ConfigError } from './errors.js'
import { configuredProfiles, demoKey } from './profiles/config.js'
import type { ProfileDescriptor } from './profiles/descriptor.js'
import type { Secrets } from './protocol/profile.js'
import { isMessageCode, render } from './messages/render.js'
import type { Finding, Params } from './messages/types.js'

export type Env = Record<string, string | undefined>

export interface Config {
  /** embedded: no WeChat credentials, so the built-in emulator plays WeChat. */
  mode: 'embedded' | 'real'
  wechat: { appid: string; appsecret: string | undefined; accessToken: string | undefined; apiBase: string }
  secrets: Secrets
  /** NONTAX_PROFILE and NONTAX_EMULATE_PROFILE (docs/PROTOCOL.md §5). */
  profile: ProfileDescriptor
  emulateProfile: ProfileDescriptor
  publicUrl: string | undefined
  notifyPath: string
  host: string
  port: number
  tls: { certFile: string; keyFile: string } | undefined
  logLevel: string
  logFormat: 'pretty' | 'json'
  mockVersion: number
  /** Which mock API the run triggers: a payment notification, or a query-fee request (docs/PROTOCOL.md §2). */
  mockApi: 'mocknotification' | 'mockqueryfee'
  waitTimeoutMs: number
  captureDir: string
  limits: {
    bodyLimitBytes: number
    requestTimeoutMs: number
    headersTimeoutMs: number
    keepAliveTimeoutMs: number
    maxCapturesInMemory: number
    maxEventLoopDelayMs: number
  }
  adminToken: string | undefined
  /** The language a person reads (chosen once by the CLI from --lang or the locale); en when absent. */
  lang?: Lang
  /** The inspector page's port on 127.0.0.1: 0 is off, 'auto' an ephemeral port (tests). */
  inspectorPort: number | 'auto'
  /** Where a local ngrok agent's API answers (NGROK_API_URL), for the tunnel cross-check. */
  ngrokApiUrl: string
  /** Which values were made up for this run because nothing set them (never printed, only named). */
  generated: GeneratedName[]
}

export type GeneratedName = 'WECHAT_APPID' | 'NONTAX_TOKEN' | 'NONTAX_ENCODING_AES_KEY'

export { ConfigError }

/** The params of each integer variable's range message, by name (zod carries only the code). */
const INT_PARAMS: Record<string, Params> = {}
const int = (name: string, min: number, max: number, example: string) => {
  INT_PARAMS[name] = { name, min, max, example }
  return z.string().optional().refine(v => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max),
    { message: 'CONFIG_INT_RANGE' })
}

/** A zod issue's message is a catalogue code (CONFIG_*); anything else (zod's own text) shows as is. */
function issueText (message: string, path: readonly PropertyKey[], lang: Lang): string {
  if (!isMessageCode(message)) return message
  return render({ code: message, params: INT_PARAMS[String(path[0])] ?? {} }, lang)
}

const schema = z.object({
  WECHAT_APPID: z.string().regex(/^wx[0-9a-f]{16}$/i, 'CONFIG_APPID_FORMAT').optional(),
  WECHAT_APPSECRET: z.string().regex(/^[0-9a-zA-Z]{16,64}$/, 'CONFIG_APPSECRET_FORMAT').optional(),
  WECHAT_ACCESS_TOKEN: z.string().min(16, 'CONFIG_ACCESS_TOKEN_SHORT').optional(),
  WECHAT_API_BASE: z.url({ message: 'CONFIG_API_BASE_URL' }).optional(),
  NONTAX_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'CONFIG_TOKEN_FORMAT').optional(),
  // Its shape depends on the profile (43-character EncodingAESKey by default): checked by configuredProfiles.
  NONTAX_ENCODING_AES_KEY: z.string().max(256, 'CONFIG_KEY_TOO_LONG').optional(),
  NONTAX_PROFILE: z.string().optional(),
  NONTAX_EMULATE_PROFILE: z.string().optional(),
  PUBLIC_URL: z.url({ message: 'CONFIG_PUBLIC_URL_NOT_URL' }).optional(),
  NOTIFY_PATH: z.string().regex(/^\/[\w\-./]*$/, 'CONFIG_NOTIFY_PATH_FORMAT').optional(),
  HOST: z.string().min(1).optional(),
  PORT: int('PORT', 0, 65535, '3000'),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'CONFIG_LOG_LEVEL' }).optional(),
  LOG_FORMAT: z.enum(['pretty', 'json'], { message: 'CONFIG_LOG_FORMAT' }).optional(),
  MOCK_VERSION: int('MOCK_VERSION', 0, 100, '1'),
  MOCK_API: z.enum(['mocknotification', 'mockqueryfee'], { message: 'CONFIG_MOCK_API' }).optional(),
  WAIT_TIMEOUT_MS: int('WAIT_TIMEOUT_MS', 100, 3_600_000, '30000'),
  CAPTURE_DIR: z.string().min(1).optional(),
  BODY_LIMIT_BYTES: int('BODY_LIMIT_BYTES', 1024, 104_857_600, '65536'),
  REQUEST_TIMEOUT_MS: int('REQUEST_TIMEOUT_MS', 100, 600_000, '10000'),
  HEADERS_TIMEOUT_MS: int('HEADERS_TIMEOUT_MS', 100, 600_000, '5000'),
  KEEP_ALIVE_TIMEOUT_MS: int('KEEP_ALIVE_TIMEOUT_MS', 0, 600_000, '5000'),
  MAX_CAPTURES_IN_MEMORY: int('MAX_CAPTURES_IN_MEMORY', 1, 1_000_000, '1000'),
  MAX_EVENT_LOOP_DELAY_MS: int('MAX_EVENT_LOOP_DELAY_MS', 10, 60_000, '1000'),
  // One message per value: the range is checked only on something shaped like a port (zod runs a refine after a failed regex).
  INSPECTOR_PORT: z.string().regex(/^(auto|\d{1,5})$/, 'CONFIG_INSPECTOR_PORT_FORMAT').refine(v => !/^\d+$/.test(v) || Number(v) <= 65535, 'CONFIG_INSPECTOR_PORT_MAX').optional(),
  ADMIN_TOKEN: z.string().min(16, 'CONFIG_ADMIN_TOKEN_SHORT').optional(),
  NGROK_API_URL: z.url({ message: 'CONFIG_NGROK_API_URL' }).optional(),
})

/** Every variable the tool reads: the preflight flags any other name that looks meant for it. */
export const CONFIG_VARS: readonly string[] = [...Object.keys(schema.shape), 'ENV_FILE']

/** Empty strings in .env mean "not set", as most .env tools treat them. */
function clean (env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => [k, v?.trim()]))
}

export interface LoadOptions { isTTY?: boolean; forceEmulator?: boolean; emulateProfile?: string; lang?: Lang }

export function loadConfig (rawEnv: Env, opts: LoadOptions = {}): Config {
  const lang = opts.lang ?? 'en'
  const parsed = schema.safeParse(clean(rawEnv))
  if (!parsed.success) {
    // The profile's own checks (NONTAX_PROFILE, the key's shape) are listed with the rest.
    const more: string[] = []
    const raw = clean(rawEnv)
    configuredProfiles(raw, more, opts.emulateProfile, lang)
    // The checks across variables too, where their values are well-formed: otherwise each shows only on the next run.
    more.push(...crossProblems(raw, lang))
    throw new ConfigError([...parsed.error.issues.map(i => issueText(i.message, i.path, lang)), ...more], 'CONFIG_INVALID', lang)
  }
  const e = parsed.data
  const problems: string[] = []
  const profiles = configuredProfiles(e, problems, opts.emulateProfile, lang)
  const hasCredentials = e.WECHAT_APPSECRET !== undefined || e.WECHAT_ACCESS_TOKEN !== undefined
  const mode = hasCredentials && !opts.forceEmulator ? 'real' : 'embedded'
  if (mode === 'real') {
    if (!e.WECHAT_APPID) problems.push(render({ code: 'CONFIG_APPID_REQUIRED' }, lang))
    if (!e.NONTAX_TOKEN) problems.push(render({ code: 'CONFIG_TOKEN_REQUIRED' }, lang))
    if (!e.NONTAX_ENCODING_AES_KEY) problems.push(render({ code: 'CONFIG_KEY_REQUIRED' }, lang))
  }
  problems.push(...crossProblems(e, lang))
  if (problems.length > 0) throw new ConfigError(problems, 'CONFIG_INVALID', lang)
  const demo = demoSecrets()
  return {
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
    mode,
    wechat: {
      appid: e.WECHAT_APPID ?? demo.appid,
      appsecret: mode === 'real' ? e.WECHAT_APPSECRET : demo.appsecret,
      accessToken: mode === 'real' ? e.WECHAT_ACCESS_TOKEN : undefined,
      apiBase: (e.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
    },
    secrets: {
      appid: e.WECHAT_APPID ?? demo.appid,
      token: e.NONTAX_TOKEN ?? demo.token,
      encodingAESKey: e.NONTAX_ENCODING_AES_KEY ?? demoKey(profiles.profile.cipher.key.as, randomAlnum),
    },
    ...profiles,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    notifyPath: e.NOTIFY_PATH ?? DEFAULT_NOTIFY_PATH,
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT === undefined ? 3000 : Number(e.PORT),
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined,
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT ?? (opts.isTTY ? 'pretty' : 'json'),
    mockVersion: e.MOCK_VERSION === undefined ? 1 : Number(e.MOCK_VERSION),
    mockApi: e.MOCK_API ?? 'mocknotification',
    waitTimeoutMs: e.WAIT_TIMEOUT_MS === undefined ? 30_000 : Number(e.WAIT_TIMEOUT_MS),
    captureDir: e.CAPTURE_DIR ?? './captures',
    limits: {
      // Payment notifications are a few KiB; 64 KiB leaves room and bounds what MAX_CAPTURES_IN_MEMORY can hold.
      bodyLimitBytes: numOr(e.BODY_LIMIT_BYTES, 65_536),
      requestTimeoutMs: numOr(e.REQUEST_TIMEOUT_MS, 10_000),
      headersTimeoutMs: numOr(e.HEADERS_TIMEOUT_MS, 5_000),
      keepAliveTimeoutMs: numOr(e.KEEP_ALIVE_TIMEOUT_MS, 5_000),
      maxCapturesInMemory: numOr(e.MAX_CAPTURES_IN_MEMORY, 1_000),
      maxEventLoopDelayMs: numOr(e.MAX_EVENT_LOOP_DELAY_MS, 1000),
    },
    adminToken: e.ADMIN_TOKEN,
    inspectorPort: e.INSPECTOR_PORT === undefined ? 4041 : e.INSPECTOR_PORT === 'auto' ? 'auto' : Number(e.INSPECTOR_PORT),
    ngrokApiUrl: (e.NGROK_API_URL ?? 'http://127.0.0.1:4040').replace(/\/+$/, ''),
    generated: [
      ...(e.WECHAT_APPID ? [] : ['WECHAT_APPID' as const]),
      ...(e.NONTAX_TOKEN ? [] : ['NONTAX_TOKEN' as const]),
      ...(e.NONTAX_ENCODING_AES_KEY ? [] : ['NONTAX_ENCODING_AES_KEY' as const]),
    ],
  }
}

const DEFAULT_NOTIFY_PATH = '/nontax/notify'

/** Problems that involve two variables, or a variable's meaning beyond its form (PUBLIC_URL with a path). */
function crossProblems (e: Env, lang: Lang): string[] {
  const problems: string[] = []
  if ((e.TLS_CERT_FILE === undefined) !== (e.TLS_KEY_FILE === undefined)) problems.push(render({ code: 'CONFIG_TLS_PAIR' }, lang))
  const urlProblem = e.PUBLIC_URL === undefined || !URL.canParse(e.PUBLIC_URL) ? undefined : publicUrlProblem(e.PUBLIC_URL, e.NOTIFY_PATH ?? DEFAULT_NOTIFY_PATH)
  if (urlProblem) problems.push(render(urlProblem, lang))
  return problems
}
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * PUBLIC_URL is the tunnel's origin: WeChat is given PUBLIC_URL + NOTIFY_PATH, so a path here
 * would be doubled. https only, as WeChat needs; plain http is accepted for loopback, where a
 * local emulator (WECHAT_API_BASE) plays WeChat in tests.
 */
export function publicUrlProblem (url: string, notifyPath: string): Finding | undefined {
  const u = new URL(url)
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return { code: 'CONFIG_PUBLIC_URL_NOT_HTTPS', params: { url } }
  if (u.pathname.replace(/\/+$/, '') !== '' || u.search !== '' || u.hash !== '') {
    return { code: 'CONFIG_PUBLIC_URL_PATH', params: { url, origin: u.origin, given: url.replace(/\/+$/, '') + notifyPath, notifyPath } }
  }
  return undefined
}

const numOr = (v: string | undefined, d: number) => (v === undefined ? d : Number(v))

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export function randomAlnum (n: number): string {
  return [...randomBytes(n)].map(b => ALNUM[b % ALNUM.length]).join('')
}

/** Fresh per run: demo secrets are never committed, so nothing in git can be mistaken for a real key. */
export function demoSecrets () {
  return {
    appid: 'wx' + randomBytes(8).toString('hex'),
    appsecret: randomBytes(16).toString('hex'),
    token: randomAlnum(32),
    encodingAESKey: randomAlnum(43),
  }
}

/** The secret values of a config, for masking and for the no-leak tests. */
export function secretValues (c: Config): string[] {
  return [c.wechat.appsecret, c.wechat.accessToken, c.secrets.token, c.secrets.encodingAESKey, c.adminToken].filter((s): s is string => !!s)
}
