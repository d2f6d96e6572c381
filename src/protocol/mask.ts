/** Replace every occurrence of each secret in text; secrets shorter than 4 chars are left (they would mask noise). */
export function maskSecrets (text: string, secrets: Array<string | undefined>): string {
  let out = text
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join(`***(${s.length} chars)`)
  }
  return out
}

export function describeSecret (s: string | undefined): string {
  return s ? `set, ${s.length} chars` : 'not set'
}
