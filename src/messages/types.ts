/**
 * Findings, warnings and errors carry a stable code; the words a person reads are rendered
 * from that code in one place per language (src/messages/<lang>/). Decisions compare codes,
 * never text, so wording can change (or be translated) without changing behaviour.
 */
/**
 * A param may itself be a finding (a cause inside a sentence), or a list of values joined the way the
 * language joins a list (src/messages/list.ts): both are rendered in the same language.
 */
export type ParamValue = string | number | boolean | null | undefined | Finding | ParamList

/** How a list reads: "A, B and C", "A or B", "A; B" in English; "A、B 和 C", "A、B 或 C", "A；B" in Chinese; "300/210" in both. */
export type ListJoin = 'and' | 'or' | 'semi' | 'slash'

export interface ParamList {
  readonly list: readonly ParamValue[]
  readonly join: ListJoin
}
export type Params = Readonly<Record<string, ParamValue>>

/** Something the tool noticed: a code from the catalogue plus the values its text needs. */
export interface Finding<C extends string = string> {
  readonly code: C
  readonly params?: Params
}

/** A catalogue maps each code to a template; `{name}` is replaced by params.name. */
export type Catalogue<C extends string = string> = Readonly<Record<C, string>>

export type Lang = 'en' | 'zh'

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

/** One catalogue from its area files: the list of areas is written once, the merged type follows from it. */
export function mergeAreas<A extends Readonly<Record<string, Readonly<Record<string, string>>>>> (areas: A): UnionToIntersection<A[keyof A]> {
  return Object.assign({}, ...Object.values(areas)) as UnionToIntersection<A[keyof A]>
}
