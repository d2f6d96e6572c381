import { bodyBytes } from '../capture/body.js'
import type { CaptureRecord } from '../capture/record.js'
import { explainChange } from '../cli/captures-verify.js'
import { ENCODING_AES_KEY_RE } from '../protocol/cipher.js'
import { inspectDelivery } from '../protocol/inspect.js'
import { callbackSecrets, maskSecrets } from '../protocol/mask.js'
import type { MessageCode } from '../messages/en/index.js'
import { finding, render, renderWarning } from '../messages/render.js'
import type { Lang, Params } from '../messages/types.js'
import type { CryptoProfile, Secrets } from '../protocol/profile.js'
import { EditError } from './edit.js'

export interface TypedSecrets { token?: string; aesKey?: string; appid?: string }


/** Typed into the page, used for this one check, never stored, logged or sent back. */
export function typedSecrets (body: unknown): TypedSecrets {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const pick = (k: string) => (typeof b[k] === 'string' && b[k].trim() !== '' ? b[k].trim() : undefined)
  const token = pick('token')
  const aesKey = pick('aesKey')
  const appid = pick('appid')
  // The errors never include the typed value: it may be a real secret.
  if (token !== undefined && !/^[A-Za-z0-9]{1,64}$/.test(token)) throw new EditError({ code: 'INSPECTOR_BAD_TOKEN' })
  if (aesKey !== undefined && !ENCODING_AES_KEY_RE.test(aesKey)) throw new EditError({ code: 'INSPECTOR_BAD_AES_KEY', params: { length: aesKey.length } })
  if (appid !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(appid)) throw new EditError({ code: 'INSPECTOR_BAD_APPID' })
  return { ...(token ? { token } : {}), ...(aesKey ? { aesKey } : {}), ...(appid ? { appid } : {}) }
}

/**
 * Decodes the recorded bytes again with the typed secrets (the configured ones fill the gaps), at
 * the recorded arrival time. The answer is masked with the typed values before it leaves.
 */
export function reverify (r: CaptureRecord, typed: TypedSecrets, configured: Secrets, profile: CryptoProfile, lang: Lang = 'en'): string {
  const secrets: Secrets = { token: typed.token ?? configured.token, encodingAESKey: typed.aesKey ?? configured.encodingAESKey, appid: typed.appid ?? configured.appid }
  const after = inspectDelivery({ body: bodyBytes(r.body), contentType: r.contentType, query: r.query }, { secrets, profile, nowMs: Date.parse(r.receivedAt) })
  const t = (code: MessageCode, params?: Params) => render(finding(code, params), lang)
  const origins = {
    token: t(typed.token !== undefined ? 'INSPECTOR_TOKEN_TYPED' : 'INSPECTOR_TOKEN_CONFIGURED'),
    aesKey: t(typed.aesKey !== undefined ? 'INSPECTOR_KEY_TYPED' : 'INSPECTOR_KEY_CONFIGURED'),
  }
  const described = (origin: string, secret: string) => t('INSPECTOR_SECRET_SOURCE', { origin, described: secret ? t('SECRET_SET', { chars: secret.length }) : t('SECRET_NOT_SET') })
  const sources = { token: described(origins.token, secrets.token), aesKey: described(origins.aesKey, secrets.encodingAESKey), appid: `appid ${secrets.appid}` }
  const change = explainChange(r.inspection, after, { secrets, sources, origins, mask: [] }, lang)
  let plaintext: string | undefined
  if (after.decryption?.ok) {
    plaintext = after.decryption.plaintext
    try { plaintext = JSON.stringify(JSON.parse(plaintext), null, 2) } catch { /* shown as decrypted */ }
  }
  const result = {
    recordedErrcode: r.inspection.errcode,
    errcode: after.errcode,
    reason: after.reason,
    message: after.message,
    change,
    sources,
    signature: after.signature,
    decryption: after.decryption?.ok ? { ok: true, appid: after.decryption.appid } : after.decryption,
    plaintext,
    // The page shows them as lines of text, in its language.
    warnings: after.warnings.map(w => renderWarning(w, lang)),
  }
  // The expected signature is derived from the typed token: showing it would make the page a signing oracle.
  if (result.signature) result.signature = { ...result.signature, expected: undefined }
  return maskSecrets(JSON.stringify(result), [typed.token, typed.aesKey, ...callbackSecrets(configured)])
}
