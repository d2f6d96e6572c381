/**
 * Joining a list inside a sentence, in one place for every language. The joiner words come from the
 * catalogue (LIST_* in src/messages/<lang>/lists.ts); this file only decides the spacing.
 *
 * Chinese typographic convention: "、" between items, "和"/"或" before the last, and no spaces
 * except where a Chinese character meets a Latin one ("token、timestamp 和 encrypt",
 * "签名错误和解密失败", "NONTAX_TOKEN（或 --token）和 NONTAX_ENCODING_AES_KEY").
 */

/** Han characters and full-width punctuation: a joiner word meeting one of these takes no space. */
const WIDE = /[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u
const HAN = /\p{Script=Han}/u

/** `sep` between the items, `last` before the last one. */
export function joinList (items: readonly string[], sep: string, last: string): string {
  if (items.length <= 1) return items[0] ?? ''
  const head = items.slice(0, -1).reduce((acc, item) => acc + spaced(sep, acc, item) + item)
  const tail = items[items.length - 1] ?? ''
  return head + spaced(last, head, tail) + tail
}

/** A joiner written as a bare Chinese word gets a space on each side where its neighbour is not wide. */
function spaced (joiner: string, before: string, after: string): string {
  if (!HAN.test(joiner) || joiner !== joiner.trim()) return joiner
  const left = WIDE.test(before.at(-1) ?? '') ? '' : ' '
  const right = WIDE.test(after[0] ?? '') ? '' : ' '
  return `${left}${joiner}${right}`
}
