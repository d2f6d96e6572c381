import type { MessageCode } from '../messages/en/index.js'
import { render } from '../messages/render.js'
import type { Finding, Lang, ParamValue, Params } from '../messages/types.js'
import type { CryptoProfile } from '../protocol/profile.js'
import type { FieldLocation, ProfileDescriptor } from './descriptor.js'
import { signedNames } from './signer.js'
import { cipherText, KEY_SOURCE, SIG_ALG, signatureText } from './words-text.js'

/**
 * The algorithm words fix texts are filled with (docs/PROTOCOL.md §5): every catalogue template that
 * names an algorithm, a signed string, a key or a field takes it from here, so a fix under a
 * non-default profile names that profile's scheme. Keys are the templates' `{param}` names.
 */
export interface ProfileWords {
  /** The whole cipher in one phrase, e.g. "AES-256-CBC with base64 of the key + "=" (EncodingAESKey), …". */
  cipher: string
  /** The whole signature in one phrase, e.g. "SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex". */
  signature: string
  /** "SHA-1", "MD5", "HMAC-SHA256", … */
  sigAlg: string
  /** Where the signature travels, e.g. "msg_signature" (in the URL query). */
  sigField: string
  /** "AES-256-CBC", "AES-256-ECB", "AES-256-GCM". */
  cipherMode: string
  /** The configured secret the AES key comes from, as the user knows it. */
  keySecret: string
  /** The variable that holds that secret. */
  keyVar: string
  /** How the key is derived from it. */
  keySource: string
  /** PKCS#7 block in bytes ("32" for wxbizmsgcrypt); "no" under GCM, which does not pad. */
  padBlock: string
  /** What a receiver checks after decrypting, so that a wrong key or a cut ciphertext is caught. */
  decryptChecks: string
  /** Where every value of a delivery is read from. */
  envelope: string
}

const WHERE = { query: 'WORDS_IN_QUERY', body: 'WORDS_IN_BODY', header: 'WORDS_IN_HEADER' } as const
const BODY = { json: 'WORDS_BODY_JSON', form: 'WORDS_BODY_FORM', xml: 'WORDS_BODY_XML' } as const
const t = (lang: Lang, code: MessageCode, params?: Params) => render(params ? { code, params } : { code }, lang)

function envelopeWords (d: ProfileDescriptor, lang: Lang): string {
  const located = Object.entries(d.fields).filter((e): e is [string, FieldLocation] => e[1] !== undefined)
  const groups = new Map<FieldLocation['in'], string[]>()
  for (const [, l] of located) groups.set(l.in, [...(groups.get(l.in) ?? []), l.name])
  const from = [...groups].map(([w, names]) => t(lang, 'WORDS_FROM', { names: names.join(t(lang, 'WORDS_LIST_SEP')), where: t(lang, WHERE[w]) }))
  return t(lang, 'WORDS_ENVELOPE', { body: t(lang, BODY[d.body]), groups: from.join(t(lang, 'WORDS_GROUP_SEP')) })
}

function decryptChecks (c: ProfileDescriptor['cipher'], lang: Lang): string {
  if (c.mode === 'aes-256-gcm') return t(lang, 'WORDS_CHECKS_GCM')
  const pad = t(lang, 'WORDS_CHECKS_PAD', { block: c.padBlock })
  return t(lang, c.framing === 'random-len-msg-appid' ? 'WORDS_CHECKS_WX' : 'WORDS_CHECKS_JSON', { pad })
}

/** The words in a language (en: what records and logs for machines keep). */
export function profileWords (d: ProfileDescriptor, lang: Lang = 'en'): ProfileWords {
  const keySecret = d.cipher.key.from === 'aesKey' ? 'EncodingAESKey' : 'Token'
  return {
    cipher: cipherText(d.cipher, lang),
    signature: signatureText(d.signature, signedNames(d.signature, d.fields), lang),
    sigAlg: SIG_ALG[d.signature.alg],
    sigField: d.fields.signature.name,
    cipherMode: d.cipher.mode.toUpperCase(),
    keySecret,
    keyVar: d.cipher.key.from === 'aesKey' ? 'NONTAX_ENCODING_AES_KEY' : 'NONTAX_TOKEN',
    keySource: t(lang, KEY_SOURCE[d.cipher.key.as], { secret: keySecret }),
    padBlock: d.cipher.mode === 'aes-256-gcm' ? t(lang, 'WORDS_NO_PAD') : String(d.cipher.padBlock),
    decryptChecks: decryptChecks(d.cipher, lang),
    envelope: envelopeWords(d, lang),
  }
}

/**
 * A finding made with the profile's (English) words, rendered in `lang`: params named like a word
 * (cipher, signature, keySource, …) take that word in `lang`; every other param stays as made.
 */
export function renderWithWords (f: Finding, profile: Pick<CryptoProfile, 'wordsIn'>, lang: Lang | undefined): string {
  if (lang === undefined || lang === 'en' || profile.wordsIn === undefined || f.params === undefined) return render(f, lang)
  const words: Record<string, string> = { ...profile.wordsIn(lang) }
  // Nested findings too: a reason can carry another (a redelivery's first FAIL, a forensics line's cause).
  const inWords = (x: Finding): Finding => (x.params === undefined ? x : { code: x.code, params: Object.fromEntries(Object.entries(x.params).map(([k, v]) => [k, Object.hasOwn(words, k) ? words[k] : deep(v)])) })
  const deep = (v: ParamValue): ParamValue => (typeof v !== 'object' || v === null ? v : 'list' in v ? { list: v.list.map(deep), join: v.join } : inWords(v))
  return render(inWords(f), lang)
}

/** The "assumed protocol" sentence in the reader's language. */
export function assumptionText (profile: Pick<CryptoProfile, 'wordsIn' | 'assumption' | 'assumptionFinding'>, lang: Lang | undefined): string {
  return profile.assumptionFinding ? renderWithWords(profile.assumptionFinding, profile, lang) : profile.assumption
}
