import { isMessageCode, render } from './render.js'
import type { Finding, Lang, Params } from './types.js'

interface CodedError { code: string; message: string; params?: Params; finding?: Finding }

/**
 * An error's text in the reader's language. Errors carry their code and params (or a whole finding,
 * when their code is a kind of failure rather than a catalogue code); when the message is exactly the
 * English rendering of them, the same finding is rendered in `lang`. Messages written by hand (not
 * from the catalogue), or changed after rendering (masked), are shown as written.
 */
export function errorText (err: CodedError, lang: Lang | undefined): string {
  if (lang === undefined || lang === 'en') return err.message
  const finding = err.finding ?? (isMessageCode(err.code) ? { code: err.code, params: err.params ?? {} } : undefined)
  if (finding === undefined) return err.message
  return render(finding, 'en') === err.message ? render(finding, lang) : err.message
}
