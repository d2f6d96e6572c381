import { en, type MessageCode } from './en/index.js'
import { zh } from './zh/index.js'
import { joinList } from './list.js'
import type { Catalogue, Finding, Lang, ListJoin, ParamList, ParamValue, Params } from './types.js'

const CATALOGUES: Record<Lang, Catalogue<MessageCode>> = { en, zh }

const PLACEHOLDER = /\{(\w+)\}/g
const INCLUDE = /\{@(\w+)\}/g

/** Fill a template; a missing param stays visible as {name} so a gap is seen, never hidden. */
export function fill (template: string, params: Params = {}, lang: Lang = 'en'): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = params[name]
    return v === undefined || v === null ? whole : valueText(v, lang)
  })
}

function valueText (v: Exclude<ParamValue, null | undefined>, lang: Lang): string {
  if (typeof v !== 'object') return String(v)
  return 'list' in v ? listText(v, lang) : render(v, lang)
}

const JOINERS: Record<ListJoin, { sep: MessageCode; last: MessageCode }> = {
  and: { sep: 'LIST_SEP', last: 'LIST_AND' },
  or: { sep: 'LIST_OR_SEP', last: 'LIST_OR' },
  semi: { sep: 'LIST_SEMI', last: 'LIST_SEMI' },
  slash: { sep: 'LIST_SLASH', last: 'LIST_SLASH' },
}

/** A list param in a language: each item rendered, joined with that language's words (src/messages/list.ts). */
export function listText (l: ParamList, lang: Lang = 'en'): string {
  const items = l.list.filter((x): x is Exclude<ParamValue, null | undefined> => x !== undefined && x !== null).map(x => valueText(x, lang))
  const j = JOINERS[l.join]
  return joinList(items, CATALOGUES[lang][j.sep], CATALOGUES[lang][j.last])
}

/** A list param: `listOf(['A', 'B'], 'and')` reads "A and B" in English, "A 和 B" in Chinese. */
export function listOf (list: readonly ParamValue[], join: ListJoin): ParamList {
  return { list, join }
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
