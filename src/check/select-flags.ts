/** check's flags for what runs and on what payload; kept here so the CLI file only lists them. */
export const SELECT_OPTIONS = {
  only: { type: 'string' },
  api: { type: 'string' },
  set: { type: 'string', multiple: true },
  'set-file': { type: 'string' },
} as const

export const SELECT_USAGE = `  --only A,B        run only these classes (names as in the table; unknown names list them all)
  --api API         mocknotification (default): payment notifications; mockqueryfee: grade a
                    query-fee handler (answers a bill; 232 already paid, 236 not at this bank)
  --set F=V         your own value for a payload field, e.g. --set order_id=NT2024001 --set fee=1250
                    --set status=5 (refund); fee in fen, status 3/4 paid or 5 refunded. Repeatable.
                    With order_id set every class uses that order: your handler must be idempotent
  --set-file F      a JSON object of payload fields (e.g. items); --set values win over it`

export function selectionFlags (v: Record<string, string | boolean | string[] | undefined>): { api?: string; only?: string; sets?: string[]; setFile?: string } {
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined)
  return { api: str(v.api), only: str(v.only), sets: Array.isArray(v.set) ? v.set : undefined, setFile: str(v['set-file']) }
}
