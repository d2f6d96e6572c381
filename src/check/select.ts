import { finding } from '../messages/render.js'
import type { Finding } from '../messages/types.js'
import { loadOverrides, PayloadError, type Overrides, type PayloadApi } from '../payload/overrides.js'
import { batteryCases } from './cases.js'
import { queryFeeCases } from './cases-queryfee.js'
import type { CheckCase } from './types.js'

export const CHECK_APIS: readonly PayloadApi[] = ['mocknotification', 'mockqueryfee']

/** A check option that cannot be used as given; the CLI renders the finding and exits 2. */
export class CheckOptionError extends Error {
  readonly finding: Finding
  constructor (f: Finding) { super(f.code); this.finding = f }
}

const casesOf = (api: PayloadApi): CheckCase[] => (api === 'mockqueryfee' ? queryFeeCases : batteryCases())

/** --api, --only, --set and --set-file as check uses them: which classes run, and on what payload. */
export interface CheckSelection { api: PayloadApi; cases: CheckCase[]; overrides: Overrides }

export function selectChecks (o: { api?: string; only?: string; sets?: string[]; setFile?: string }): CheckSelection {
  const api = (o.api ?? 'mocknotification') as PayloadApi
  if (!CHECK_APIS.includes(api)) throw new CheckOptionError(finding('CHECK_API_UNKNOWN', { apis: CHECK_APIS.join(', '), got: o.api }))
  const all = casesOf(api)
  const names = all.map(c => c.name).join(', ')
  let cases = all
  if (o.only !== undefined) {
    const wanted = o.only.split(',').map(s => s.trim()).filter(Boolean)
    if (wanted.length === 0) throw new CheckOptionError(finding('CHECK_ONLY_EMPTY', { classes: names }))
    const unknown = wanted.filter(w => !all.some(c => c.name === w))
    if (unknown.length > 0) {
      const otherApi = CHECK_APIS.find(a => a !== api && unknown.every(u => casesOf(a).some(c => c.name === u)))
      throw new CheckOptionError(otherApi !== undefined && api === 'mockqueryfee'
        ? finding('CHECK_API_ONLY', { api, classes: names })
        : finding('CHECK_ONLY_UNKNOWN', { names: unknown.join('", "'), classes: names }))
    }
    // The battery's order, not the flag's: replay and duplicate refer back to delivery 1.
    cases = all.filter(c => wanted.includes(c.name))
  }
  try {
    return { api, cases, overrides: loadOverrides({ sets: o.sets, file: o.setFile, api }) }
  } catch (err) {
    if (err instanceof PayloadError) throw new CheckOptionError(err.finding)
    throw err
  }
}
