import { isMessageCode, render } from './render.js'
import type { Lang, Params } from './types.js'

interface CodedError { code: string; message: string; params?: Params }

/**
 * An error's text in the reader's language. Errors carry their code and params; when the message is
 * exactly the English rendering of them, the same code is rendered in `lang`. Messages written by
 * hand (not from the catalogue) are shown as written.
 */
export function errorText (err: CodedError, lang: Lang | undefined): string {
  if (lang === undefined || lang === 'en' || !isMessageCode(err.code)) return err.message
  const finding = { code: err.code, params: err.params ?? {} }
  return render(finding, 'en') === err.message ? render(finding, lang) : err.message
}
