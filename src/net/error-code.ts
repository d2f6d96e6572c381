/**
 * The errno/undici code of a network failure. Connect errors come wrapped: AggregateError when
 * several addresses were tried (happy eyeballs), or a `cause` chain; the first coded one wins.
 */
export function errorCode (err: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof err !== 'object' || err === null) return undefined
  const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown }
  if (typeof e.code === 'string') return e.code
  for (const inner of Array.isArray(e.errors) ? e.errors : []) {
    const c = errorCode(inner, depth + 1)
    if (c) return c
  }
  return errorCode(e.cause, depth + 1)
}
