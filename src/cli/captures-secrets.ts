import { UsageError } from '../errors.js'
import { finding, render } from '../messages/render.js'
import type { MessageCode } from '../messages/en/index.js'
import type { Finding, Lang, Params } from '../messages/types.js'
import type { CaptureRecord } from '../capture/record.js'
import type { Config } from '../config.js'
import { secretsMissing } from '../preflight/checklist.js'
import { ENCODING_AES_KEY_RE } from '../protocol/cipher.js'
import { callbackSecrets } from '../protocol/mask.js'
import type { Secrets } from '../protocol/profile.js'

export interface SecretFlags { token?: string | undefined; 'aes-key'?: string | undefined; appid?: string | undefined }

export interface ResolvedSecrets {
  secrets: Secrets
  /** Where each one came from, without its value: "token from --token (set, 32 chars)". */
  sources: { token: string; aesKey: string; appid: string }
  /** Where the token and key came from, short, for sentences: "token from NONTAX_TOKEN", "EncodingAESKey from a random value". */
  origins: { token: string; aesKey: string }
  /** Values to mask in every line printed. */
  mask: string[]
}

/** A secret flag that cannot be right (exit 2, with the usage). */
export class SecretFlagError extends UsageError {
  override name = 'SecretFlagError'
  constructor (f: Finding) { super(f.code, render(f)); Object.assign(this, { params: f.params ?? {} }) }
}

const has = (env: Record<string, string | undefined>, k: string) => (env[k]?.trim() ?? '') !== ''

/**
 * Flags win over the environment. Without WECHAT_APPID the appid comes from the recording itself
 * (it is not secret), so "was my key wrong?" needs only the key. Without NONTAX_TOKEN or
 * NONTAX_ENCODING_AES_KEY loadConfig made random demo values, and the output says so.
 */
export function resolveSecrets (flags: SecretFlags, env: Record<string, string | undefined>, config: Config, r?: CaptureRecord, lang: Lang = 'en'): ResolvedSecrets {
  const aes = flags['aes-key']?.trim()
  if (aes !== undefined && !ENCODING_AES_KEY_RE.test(aes)) {
    throw new SecretFlagError({ code: 'SECRET_FLAG_AES_KEY', params: { length: aes.length } })
  }
  const token = flags.token?.trim()
  if (token !== undefined && token === '') throw new SecretFlagError({ code: 'SECRET_FLAG_TOKEN_EMPTY' })
  const t = (code: MessageCode, params?: Params) => render(finding(code, params), lang)
  const RANDOM = t('SECRET_RANDOM')
  const described = (v: string) => (v ? t('SECRET_SET', { chars: v.length }) : t('SECRET_NOT_SET'))
  const random = (name: string, flag: string) => t('SECRET_RANDOM_BECAUSE', { name, flag })

  const tokenFrom = token !== undefined ? '--token' : has(env, 'NONTAX_TOKEN') ? 'NONTAX_TOKEN' : undefined
  const aesFrom = aes !== undefined ? '--aes-key' : has(env, 'NONTAX_ENCODING_AES_KEY') ? 'NONTAX_ENCODING_AES_KEY' : undefined
  const tokenSrc = tokenFrom ?? random('NONTAX_TOKEN', '--token')
  const aesSrc = aesFrom ?? random('NONTAX_ENCODING_AES_KEY', '--aes-key')
  const recorded = r?.inspection.envelope?.appid ?? (r?.inspection.decryption?.ok ? r.inspection.decryption.appid : undefined)
  let appid = config.secrets.appid
  let appidSrc = random('WECHAT_APPID', '--appid')
  if (flags.appid?.trim()) [appid, appidSrc] = [flags.appid.trim(), '--appid']
  else if (has(env, 'WECHAT_APPID')) appidSrc = 'WECHAT_APPID'
  else if (recorded) [appid, appidSrc] = [recorded, t('SECRET_FROM_RECORDING')]

  const secrets: Secrets = { appid, token: token ?? config.secrets.token, encodingAESKey: aes ?? config.secrets.encodingAESKey }
  return {
    secrets,
    sources: {
      token: t('SECRET_TOKEN_FROM', { from: tokenSrc, described: described(secrets.token) }),
      aesKey: t('SECRET_KEY_FROM', { from: aesSrc, described: described(secrets.encodingAESKey) }),
      appid: t('SECRET_APPID_FROM', { appid, from: appidSrc }),
    },
    origins: { token: t('SECRET_TOKEN_ORIGIN', { from: tokenFrom ?? RANDOM }), aesKey: t('SECRET_KEY_ORIGIN', { from: aesFrom ?? RANDOM }) },
    mask: callbackSecrets(secrets),
  }
}

/**
 * verify and discover with random secrets would blame the keys for nothing (or find nothing): the user
 * must name them, or ask for demo keys (then only the recording's anatomy means anything). Exit 2.
 */
export function requireSecrets (command: string, v: Record<string, unknown>, env: Record<string, string | undefined>, lang: Lang | undefined): void {
  const given = (flag: string, name: string) => typeof v[flag] === 'string' || (env[name]?.trim() ?? '') !== ''
  const missing = [['token', 'NONTAX_TOKEN'], ['aes-key', 'NONTAX_ENCODING_AES_KEY']].filter(([f, n]) => !given(f ?? '', n ?? '')).map(([f, n]) => render({ code: 'CHECK_SECRET_NAME', params: { name: n, flag: f } }, lang))
  if (missing.length === 0 || v['demo-keys'] === true) return
  throw secretsMissing(command, missing, lang)
}
