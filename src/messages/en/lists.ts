/** How a list inside a sentence is joined (src/messages/list.ts decides the spacing). */
export const lists = {
  LIST_SEP: ', ',
  LIST_AND: ' and ',
  // "or" lists keep "or" between every item: the grader's JSON report has always said "A or B or C".
  LIST_OR_SEP: ' or ',
  LIST_OR: ' or ',
  LIST_SEMI: '; ',
  LIST_SLASH: '/',
} as const
