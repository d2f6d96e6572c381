import { en, type MessageCode } from './en/index.js'
import { zh } from './zh/index.js'
import type { Catalogue, Finding, Lang, Params } from './types.js'

const CATALOGUES: Record<Lang, Catalogue<MessageCode>> = { en, zh }

const PLACEHOLDER = /\{(\w+)\}/g
const INCLUDE = /\{@(\w+)\}/g

/** Fill a template; a missing param stays visible as {name} so a gap is seen, never hidden. */
export function fill (template: string, params: Params = {}, lang: Lang = 'en'): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = params[name]
    if (v === undefined || v === null) return whole
    return typeof v === 'object' ? render(v, lang) : String(v)
  })
}

/** The text of a finding in a language; an unknown code renders as the code itself. */
export function render (finding: Finding, lang: Lang = 'en'): string {
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[lang]
  const template = catalogue[finding.code]
  if (template === undefined) return finding.code
  // {@CODE} includes another entry (one level), so a shared fix is written once.
  const expanded = template.replace(INCLUDE, (whole, code: string) => catalogue[code] ?? whole)
  return fill(expanded, finding.params, lang)
}

export function isMessageCode (code: string): code is MessageCode {
  return Object.hasOwn(en, code)
}

/**
 * A warning as a person reads it. Captures written before warnings carried codes hold plain strings;
 * they still display, as written.
 */
export function renderWarning (w: Finding | string, lang: Lang = 'en'): string {
  return typeof w === 'string' ? w : render(w, lang)
}

/** A finding with a catalogue code; params fill its template. */
export function finding (code: MessageCode, params?: Params): Finding<MessageCode> {
  return params === undefined ? { code } : { code, params }
}
