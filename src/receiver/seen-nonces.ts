/** Remembers which capture carried each wxnontaxstr, for the newest `max` of them. */
export function createSeenNonces (max = 10_000) {
  const seen = new Map<string, string>()
  return {
    /** Records `nonce` for `captureId`; returns the earlier capture that carried it, if any. */
    note (nonce: string | undefined, captureId: string): string | undefined {
      if (!nonce) return undefined
      const earlier = seen.get(nonce)
      seen.delete(nonce)
      seen.set(nonce, earlier ?? captureId)
      if (seen.size > max) seen.delete(seen.keys().next().value as string)
      return earlier
    },
    /** Forgets `nonce` if `captureId` is the capture it points to (that delivery was not recorded). */
    forget (nonce: string | undefined, captureId: string): void {
      if (nonce && seen.get(nonce) === captureId) seen.delete(nonce)
    },
  }
}
