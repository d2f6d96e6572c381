/** Replace every occurrence of each secret in text; secrets shorter than 4 chars are left (they would mask noise). */
export function maskSecrets (text: string, secrets: Array<string | undefined>): string {
  let out = text
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join(`***(${s.length} chars)`)
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
