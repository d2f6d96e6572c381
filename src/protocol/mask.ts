/**
 * The shortest value masked: a Token may be 3 characters (WeChat's console and NONTAX_TOKEN allow 3-32),
 * so it must be masked even though 3 characters also match noise now and then. Shorter values are no
 * configured secret and would mask everything.
 */
export const MIN_MASKED_CHARS = 3

/** Replace every occurrence of each secret in text. */
export function maskSecrets (text: string, secrets: Array<string | undefined>): string {
  let out = text
  for (const s of secrets) {
    if (s && s.length >= MIN_MASKED_CHARS) out = out.split(s).join(`***(${s.length} chars)`)
  }
  return out
}

/** The callback secrets that must never be shown (the appid is public). The one policy every masker uses. */
export function callbackSecrets (s: { token: string; encodingAESKey: string }): string[] {
  return [s.token, s.encodingAESKey]
}

/** A masker for a set of callback secrets, for whatever a sender or handler might echo. */
export function maskerFor (s: { token: string; encodingAESKey: string }): (text: string) => string {
  const values = callbackSecrets(s)
  return text => maskSecrets(text, values)
}

export function describeSecret (s: string | undefined): string {
  return s ? `set, ${s.length} chars` : 'not set'
}
