import type { MessageCode } from '../messages/en/index.js'
import { render } from '../messages/render.js'
import type { Lang, Params } from '../messages/types.js'
import type { ProfileDescriptor } from './descriptor.js'

type Cipher = ProfileDescriptor['cipher']
type Sig = ProfileDescriptor['signature']

/** The wording lives in the catalogue (profileWords area); this file only picks and joins the pieces. */
const t = (lang: Lang, code: MessageCode, params?: Params) => render(params ? { code, params } : { code }, lang)

const KEY = { 'base64+=': 'WORDS_KEY_BASE64_EQ', ascii: 'WORDS_KEY_ASCII', hex: 'WORDS_KEY_HEX', base64: 'WORDS_KEY_BASE64', 'md5-hex': 'WORDS_KEY_MD5' } as const
export const KEY_SOURCE = { 'base64+=': 'WORDS_KEYSRC_BASE64_EQ', ascii: 'WORDS_KEYSRC_ASCII', hex: 'WORDS_KEYSRC_HEX', base64: 'WORDS_KEYSRC_BASE64', 'md5-hex': 'WORDS_KEYSRC_MD5' } as const
const ENCODING = { hex: 'WORDS_ENC_HEX', HEX: 'WORDS_ENC_UPPER_HEX', base64: 'WORDS_ENC_BASE64' } as const
export const SIG_ALG = { sha1: 'SHA-1', sha256: 'SHA-256', md5: 'MD5', 'hmac-sha256': 'HMAC-SHA256', 'hmac-sha1': 'HMAC-SHA1' } as const

/** "a, b and c" in the reader's language. */
export function listText (names: readonly string[], lang: Lang): string {
  if (names.length < 2) return names.join('')
  return `${names.slice(0, -1).join(t(lang, 'WORDS_LIST_SEP'))}${t(lang, 'WORDS_LIST_LAST')}${names.at(-1) ?? ''}`
}

/** The whole cipher in one phrase, e.g. "AES-256-CBC with base64 of the key + "=" (EncodingAESKey), …". */
export function cipherText (c: Cipher, lang: Lang = 'en'): string {
  return t(lang, 'WORDS_CIPHER', {
    mode: c.mode.toUpperCase(),
    key: t(lang, KEY[c.key.as]),
    from: c.key.from === 'aesKey' ? 'EncodingAESKey' : 'Token',
    iv: c.mode === 'aes-256-ecb' ? '' : t(lang, c.iv === 'key' ? 'WORDS_IV_KEY' : 'WORDS_IV_PREFIX'),
    padding: c.mode === 'aes-256-gcm' ? t(lang, 'WORDS_TAG') : t(lang, 'WORDS_PAD', { block: c.padBlock }),
    framing: t(lang, c.framing === 'msg' ? 'WORDS_FRAMING_MSG' : 'WORDS_FRAMING_WX'),
  })
}

/** The signature in one phrase; `names` are the signed values as they travel, in the order they are listed. */
export function signatureText (sig: Sig, names: readonly string[], lang: Lang = 'en'): string {
  const kv = sig.join === 'kv'
  return t(lang, kv ? 'WORDS_SIGNATURE_KV' : 'WORDS_SIGNATURE', {
    alg: SIG_ALG[sig.alg],
    keyed: sig.alg.startsWith('hmac-') ? t(lang, 'WORDS_KEYED') : '',
    order: t(lang, sig.order === 'sorted' ? 'WORDS_ORDER_SORTED' : kv ? 'WORDS_ORDER_KV' : 'WORDS_ORDER_CONCAT'),
    list: listText(names, lang),
    encoding: t(lang, ENCODING[sig.encoding]),
  })
}
