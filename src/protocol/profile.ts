import type { Finding } from '../messages/types.js'
import type { Decrypted } from './cipher.js'
import type { Envelope, EnvelopeInput } from './envelope.js'
import type { ProfileDescriptor, SignedValue } from '../profiles/descriptor.js'
import type { EncryptOptions } from '../profiles/cipher-engine.js'
import type { SignatureInput, SignedString } from '../profiles/signer.js'
import type { WireRequest, WireValues } from '../profiles/wire.js'
import type { ProfileWords } from '../profiles/words.js'
import type { Lang } from '../messages/types.js'
import { createProfile } from '../profiles/create.js'
import { DEFAULT_PROFILE, namedDescriptor } from '../profiles/named.js'

export type { SignatureInput, SignedString } from '../profiles/signer.js'
export type { EncryptOptions } from '../profiles/cipher-engine.js'
export type { ProfileWords } from '../profiles/words.js'

/** Per-receiver secrets. Never logged: see logger.ts redact paths and mask.ts. */
export interface Secrets { appid: string; token: string; encodingAESKey: string }

/**
 * A crypto profile is everything WeChat does not publish for nontax (docs/PROTOCOL.md §4-§6):
 * the only place that knows the algorithm. Built from a descriptor (profiles/descriptor.ts);
 * the receiver, the emulator, `check` and discovery only talk to this interface.
 */
export interface CryptoProfile {
  /** A named profile's name, or "custom". */
  readonly name: string
  /** Exactly what NONTAX_PROFILE accepts to select this profile again. */
  readonly id: string
  readonly descriptor: ProfileDescriptor
  /** Shown in README and logs: the profile is an assumption, not WeChat's word. */
  readonly assumption: string
  /** The same, as a catalogue finding, for a reader of another language. */
  readonly assumptionFinding?: Finding
  /** Algorithm words for fix texts, e.g. "SHA-1 over the sorted token, timestamp, wxnontaxstr and encrypt, lower-case hex". */
  readonly words: ProfileWords
  /** The same words in the reader's language (a finding's params are filled with `words`, in English, when it is made). */
  readonly wordsIn?: (lang: Lang) => ProfileWords
  encrypt (msg: string, secrets: Secrets, o?: Buffer | EncryptOptions): string
  decrypt (encrypt: string, secrets: Secrets): Decrypted
  sign (input: SignatureInput): string
  /** The exact string that is hashed, and the values in the order they were joined. */
  signatureBase (input: SignatureInput): SignedString
  /** The signature of a base from signatureBase: the check computes the base once and shows it. */
  signBase (base: SignedString): string
  /** Whether the signature covers this value (a missing timestamp only matters if it is signed). */
  signs (value: SignedValue): boolean
  /** Where each value is read from in a received request. */
  readEnvelope (input: EnvelopeInput): Envelope
  /** The one delivery framer: puts each value where this profile carries it. */
  frame (values: WireValues): WireRequest
  /** Why these secrets cannot be used with this profile (empty when they can). */
  secretProblems (secrets: Secrets): string[]
}

export function createWxBizMsgCryptProfile (): CryptoProfile {
  return createProfile(namedDescriptor(DEFAULT_PROFILE) as ProfileDescriptor)
}
