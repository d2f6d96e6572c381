import type { FastifyInstance } from 'fastify'
import { assumptionText } from '../profiles/words.js'
import type { Logger } from 'pino'
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici'
import { buildApp } from '../app.js'
import type { CaptureRecord, CaptureStore } from '../capture/record.js'
import type { Config } from '../config.js'
import { buildEmulator, type EmulatorInstance } from '../emulator/app.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { createProfile } from '../profiles/create.js'
import type { ProfileHint } from '../profiles/discover/background.js'
import { render } from '../messages/render.js'
import { listen } from '../server.js'
import { computeVerdict, expectedDeliveries, type SenderReport, type Verdict } from '../verdict/verdict.js'
import { createWechatClient } from '../wechat/client.js'
import { probeTunnel } from '../preflight/tunnel.js'
import { createForwarder } from '../forward/forwarder.js'
import type { HandlerLoopOptions } from './handler-loop.js'
import { resolvePublicUrl, type PublicUrl } from './public-url.js'

export interface LoopOptions {
  config: Config
  logger: Logger
  profile?: CryptoProfile
  store?: CaptureStore
  /** Tests: the emulator encrypts and signs with these instead of the receiver's secrets. */
  emulatorSecrets?: Partial<Secrets>
  ngrokApi?: string
  /** Checklist lines (PUBLIC_URL, ngrok agent, tunnel probe) as each check passes. */
  say?: (line: string) => void
  /** Tests of what happens after WeChat is called (a delivery timeout) turn the tunnel probe off. */
  probe?: boolean
  /** npm start --forward-to / --set / --retries: the mock loop against the user's handler (handler-loop.ts). */
  handler?: HandlerLoopOptions
}

export interface Loop {
  app: FastifyInstance
  receiverUrl: string
  callbackUrl: string
  emulatorUrl: string | undefined
  /** Triggers mocknotification, waits for the deliveries, resolves with the verdict. Rejects when the trigger call fails. */
  run (): Promise<Verdict>
  close (): Promise<void>
}

/** Starts the receiver (and in embedded mode the emulator); `run()` does one trigger-and-verdict round. */
export async function startLoop (o: LoopOptions): Promise<Loop> {
  const { config, logger } = o
  const profile = o.profile ?? createProfile(config.profile)
  // The emulator may send another profile than the receiver speaks (--emulate-profile): how discovery is tested.
  const emulateProfile = o.profile ?? createProfile(config.emulateProfile)
  const forwardTo = o.handler?.forwardTo
  const forward = forwardTo !== undefined ? createForwarder({ target: forwardTo, secrets: config.secrets, profile }) : undefined
  const app = await buildApp(config, { logger, profile, ...(o.store ? { store: o.store } : {}), ...(forward ? { forward } : {}) })
  const closers: Array<() => Promise<unknown>> = [() => app.close()]
  const close = async () => { for (const c of closers.reverse()) await c() }
  try {
    const receiverUrl = await listen(app, config)
    let emulator: EmulatorInstance | undefined
    let apiBase = config.wechat.apiBase
    if (config.mode === 'embedded') {
      const emu = await buildEmulator({
        accounts: [{ appid: config.wechat.appid, appsecret: config.wechat.appsecret ?? '', secrets: { ...config.secrets, ...o.emulatorSecrets } }],
        profile: emulateProfile,
        insecureTls: true,
        ...(o.handler?.payload ? { payload: o.handler.payload } : {}),
        ...(o.handler?.retryDelaysMs?.length ? { retryDelaysMs: o.handler.retryDelaysMs } : {}),
      })
      emulator = emu
      closers.push(() => emu.close())
      apiBase = await emu.listen({ port: 0, host: '127.0.0.1' })
    }
    // Bank and bureau networks often reach the internet only through HTTPS_PROXY; the emulator is loopback.
    // Our own dispatcher, closed on close(), so idle keep-alive sockets do not hold the process open.
    const dispatcher = config.mode === 'real' ? new EnvHttpProxyAgent() : new Agent()
    closers.push(() => dispatcher.close())
    const pub = await resolvePublicUrl(config, receiverUrl, o.ngrokApi)
    const callbackUrl = pub.base + config.notifyPath
    await tunnelChecks(o, pub, callbackUrl, dispatcher)
    logger.info({ receiverUrl, callbackUrl, source: pub.source }, render({ code: 'LOG_RECEIVER_LISTENING', params: { url: `${receiverUrl}${config.notifyPath}`, callbackUrl, note: render(pub.note, config.lang) } }, config.lang))
    logger.info({ profile: profile.name }, render({ code: 'LOG_ASSUMED_PROTOCOL', params: { assumption: assumptionText(profile, config.lang) } }, config.lang))
    const client = createWechatClient({
      baseUrl: apiBase,
      appid: config.wechat.appid,
      ...(config.wechat.appsecret ? { appsecret: config.wechat.appsecret } : {}),
      ...(config.wechat.accessToken ? { accessToken: config.wechat.accessToken } : {}),
      log: logger,
      ...(config.lang !== undefined ? { lang: config.lang } : {}),
      dispatcher,
    })
    const run = () => triggerAndWait({ config, app, emulator, callbackUrl, logger, profile, trigger: () => (config.mockApi === 'mockqueryfee' ? client.mockQueryFee : client.mockNotification)({ url: callbackUrl, version: config.mockVersion }) })
    return { app, receiverUrl, callbackUrl, emulatorUrl: emulator ? apiBase : undefined, run, close }
  } catch (err) {
    await close()
    throw err
  }
}

/** Before WeChat is called: the ngrok cross-check's lines, then a signed probe through the tunnel (real mode). */
async function tunnelChecks (o: LoopOptions, pub: PublicUrl, callbackUrl: string, dispatcher: Dispatcher): Promise<void> {
  const say = o.say ?? (() => {})
  if (pub.source === 'embedded') { say(render({ code: 'PREFLIGHT_NOT_NEEDED_TUNNEL' }, o.config.lang)); return }
  say(render({ code: 'PREFLIGHT_OK_PUBLIC_URL', params: { base: pub.base, callbackUrl } }, o.config.lang))
  for (const c of pub.checks) say(render(c, o.config.lang))
  if (o.probe === false) return
  const { ms } = await probeTunnel(callbackUrl, o.config.secrets.token, dispatcher)
  say(render({ code: 'PREFLIGHT_OK_PROBE', params: { url: callbackUrl, ms } }, o.config.lang))
}

interface RoundInput {
  config: Config
  app: FastifyInstance
  emulator: EmulatorInstance | undefined
  callbackUrl: string
  logger: Logger
  profile: CryptoProfile
  trigger: () => Promise<unknown>
}

async function triggerAndWait (r: RoundInput): Promise<Verdict> {
  const expected = expectedDeliveries(r.config.mockVersion)
  const records: CaptureRecord[] = []
  const reports: SenderReport[] = []
  let wake = () => {}
  const done = () => records.length >= expected && (!r.emulator || reports.length >= expected)
  const onDelivery = (rec: CaptureRecord) => { records.push(rec); wake() }
  const onReport = (rep: SenderReport) => { reports.push(rep); wake() }
  // One hint per profile: "verifies and decrypts" outranks "decrypts" (the signature test's).
  const profileHints = new Map<string, ProfileHint>()
  const onHint = (h: ProfileHint) => { if (profileHints.get(h.profile)?.finding.code !== 'DISCOVERY_OTHER_PROFILE') profileHints.set(h.profile, h) }
  r.app.nontax.events.on('profile-hint', onHint)
  r.app.nontax.events.on('delivery', onDelivery)
  r.emulator?.emulator.events.on('report', onReport)
  let timer: NodeJS.Timeout | undefined
  try {
    r.logger.info({ url: r.callbackUrl, version: r.config.mockVersion }, render({ code: 'LOG_CALLING_MOCK', params: { api: r.config.mockApi, version: r.config.mockVersion, expected, timeoutMs: r.config.waitTimeoutMs } }, r.config.lang))
    await r.trigger()
    r.logger.info(render({ code: 'LOG_MOCK_ACCEPTED' }, r.config.lang))
    const timedOut = await new Promise<boolean>(resolve => {
      timer = setTimeout(() => resolve(true), r.config.waitTimeoutMs)
      wake = () => { if (done()) resolve(false) }
      wake()
    })
    await r.app.nontax.profileHints.settled()
    const verdict = computeVerdict({
      mode: r.config.mode,
      api: r.config.mockApi,
      version: r.config.mockVersion,
      callbackUrl: r.callbackUrl,
      records: lastAttempts(records),
      timedOut,
      senderReports: r.emulator ? reports : undefined,
      assumption: assumptionText(r.profile, r.config.lang),
      waitTimeoutMs: r.config.waitTimeoutMs,
      // Both hint codes mean the configured key decrypts under another profile; OTHER_PROFILE, that the Token verifies too.
      otherProfile: { decrypts: profileHints.size > 0, verifies: [...profileHints.values()].some(h => h.finding.code === 'DISCOVERY_OTHER_PROFILE') },
      keyFrom: r.profile.descriptor.cipher.key.from,
      profile: r.profile,
      ...(r.config.lang !== undefined ? { lang: r.config.lang } : {}),
    })
    // A delivery that verifies and decrypts under another profile outranks every other likely cause.
    verdict.hints.unshift(...[...profileHints.values()].map(h => render(h.finding, r.config.lang)))
    return verdict
  } finally {
    clearTimeout(timer)
    r.app.nontax.events.off('delivery', onDelivery)
    r.app.nontax.events.off('profile-hint', onHint)
    r.emulator?.emulator.events.off('report', onReport)
  }
}

/** A retried delivery arrives again with the same wxnontaxstr: the verdict judges its last attempt, as WeChat settles on it. */
function lastAttempts (records: CaptureRecord[]): CaptureRecord[] {
  const last = new Map<string, CaptureRecord>()
  records.forEach((r, i) => last.set(r.wxnontaxstr ?? `#${i}`, r))
  return [...last.values()]
}
