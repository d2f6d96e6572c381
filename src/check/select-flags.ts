/** check's flags for what runs and on what payload; kept here so the CLI file only lists them. */
export const SELECT_OPTIONS = {
  only: { type: 'string' },
  api: { type: 'string' },
  set: { type: 'string', multiple: true },
  'set-file': { type: 'string' },
} as const

export function selectionFlags (v: Record<string, string | boolean | string[] | undefined>): { api?: string; only?: string; sets?: string[]; setFile?: string } {
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined)
  return { api: str(v.api), only: str(v.only), sets: Array.isArray(v.set) ? v.set : undefined, setFile: str(v['set-file']) }
}
