import { decryptMessage, deriveAesKey, encryptMessage, type AesKey, type Decrypted } from './cipher.js'
import { computeSignature, signatureBase, type SignatureInput } from './sign.js'

/** Per-receiver secrets. Never logged: see logger.ts redact paths and mask.ts. */
export interface Secrets { appid: string; token: string; encodingAESKey: string }

/**
 * A crypto profile is everything WeChat does not publish for nontax (PROTOCOL.md B).
 * Routes and the emulator only talk to this interface, so another profile is one new file.
 */
export interface CryptoProfile {
  readonly name: string
  /** Shown in README and logs: the profile is an assumption, not WeChat's word. */
  readonly assumption: string
  encrypt (msg: string, secrets: Secrets, random?: Buffer): string
  decrypt (encrypt: string, secrets: Secrets): Decrypted
  sign (input: SignatureInput): string
  signatureBase (input: SignatureInput): { sorted: string[]; joined: string }
}

export function createWxBizMsgCryptProfile (): CryptoProfile {
  // Deriving the key is cheap but runs per delivery; keep the last one.
  let cached: { encodingAESKey: string; aes: AesKey } | undefined
  const aesFor = (s: Secrets): AesKey => {
    if (cached?.encodingAESKey !== s.encodingAESKey) cached = { encodingAESKey: s.encodingAESKey, aes: deriveAesKey(s.encodingAESKey) }
    return cached.aes
  }
  return {
    name: 'wxbizmsgcrypt',
    assumption: 'WeChat does not publish the nontax callback crypto; assuming the wxbizmsgcrypt profile of PROTOCOL.md part B (AES-256-CBC with EncodingAESKey, SHA-1 msg_signature over sorted token/timestamp/nonce/encrypt)',
    encrypt: (msg, s, random) => encryptMessage(msg, aesFor(s), s.appid, random),
    decrypt: (encrypt, s) => decryptMessage(encrypt, aesFor(s), s.appid),
    sign: computeSignature,
    signatureBase,
  }
}
