import { UsageError } from '../errors.js'
import { render } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import type { CaptureRecord } from '../capture/record.js'
import type { Config } from '../config.js'
import { ENCODING_AES_KEY_RE } from '../protocol/cipher.js'
import { callbackSecrets, describeSecret } from '../protocol/mask.js'
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
export function resolveSecrets (flags: SecretFlags, env: Record<string, string | undefined>, config: Config, r?: CaptureRecord): ResolvedSecrets {
  const aes = flags['aes-key']?.trim()
  if (aes !== undefined && !ENCODING_AES_KEY_RE.test(aes)) {
    throw new SecretFlagError({ code: 'SECRET_FLAG_AES_KEY', params: { length: aes.length } })
  }
  const token = flags.token?.trim()
  if (token !== undefined && token === '') throw new SecretFlagError({ code: 'SECRET_FLAG_TOKEN_EMPTY' })
  const RANDOM = 'a random value'
  const random = (name: string, flag: string) => `${RANDOM} (${name} is not set; pass ${flag} or set ${name})`

  const tokenFrom = token !== undefined ? '--token' : has(env, 'NONTAX_TOKEN') ? 'NONTAX_TOKEN' : undefined
  const aesFrom = aes !== undefined ? '--aes-key' : has(env, 'NONTAX_ENCODING_AES_KEY') ? 'NONTAX_ENCODING_AES_KEY' : undefined
  const tokenSrc = tokenFrom ?? random('NONTAX_TOKEN', '--token')
  const aesSrc = aesFrom ?? random('NONTAX_ENCODING_AES_KEY', '--aes-key')
  const recorded = r?.inspection.envelope?.appid ?? (r?.inspection.decryption?.ok ? r.inspection.decryption.appid : undefined)
  let appid = config.secrets.appid
  let appidSrc = random('WECHAT_APPID', '--appid')
  if (flags.appid?.trim()) [appid, appidSrc] = [flags.appid.trim(), '--appid']
  else if (has(env, 'WECHAT_APPID')) appidSrc = 'WECHAT_APPID'
  else if (recorded) [appid, appidSrc] = [recorded, 'the recorded delivery']

  const secrets: Secrets = { appid, token: token ?? config.secrets.token, encodingAESKey: aes ?? config.secrets.encodingAESKey }
  return {
    secrets,
    sources: {
      token: `token from ${tokenSrc} (${describeSecret(secrets.token)})`,
      aesKey: `EncodingAESKey from ${aesSrc} (${describeSecret(secrets.encodingAESKey)})`,
      appid: `appid ${appid} from ${appidSrc}`,
    },
    origins: { token: `token from ${tokenFrom ?? RANDOM}`, aesKey: `EncodingAESKey from ${aesFrom ?? RANDOM}` },
    mask: callbackSecrets(secrets),
  }
}
