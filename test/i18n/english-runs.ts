/**
 * What "untranslated English" means in Chinese output, precisely: a run of 3 or more consecutive
 * plain English words (each separated from the next by one space), once the things that stay the
 * same in both languages are taken out:
 *  - URLs, and any token with a "/" in it (paths, content types, docs/PROTOCOL.md);
 *  - commands: from npm / npx / node / nontax-debugger to the next Chinese character or quote;
 *  - identifiers: any token with a digit, "_", ".", "=", "#", "|", "<", ">", "(" or an inner capital
 *    (WECHAT_APPID, EncodingAESKey, AES-256-CBC, msg_signature=…, decipher.final()), ALL-CAPS words,
 *    flags (--once, -h), and anything in "double quotes", [brackets] or {braces} (values, usage synopses, JSON);
 *  - lists of values ("wxbizmsgcrypt, wxbizmsgcrypt-xml, nontax-data-hmac": every gap is a comma).
 * A plain word is ASCII letters (a first capital allowed, hyphens between lowercase parts), with
 * trailing , . ; : ! ? ) allowed. "Server listening at" is a run; the errmsg sent on the wire, shown
 * quoted ("data format error"), is not: what stands in ASCII double quotes is a value, not a sentence.
 */
export function englishRuns (text: string, min = 3): string[] {
  const runs: string[] = []
  for (const line of text.split('\n')) {
    const cleaned = line
      .replace(/https?:\/\/\S+/g, ' ')
      // Chinese (any non-ASCII) between English words separates them, with or without spaces.
      .replace(/[^\x00-\x7f]+/g, m => (/^[‖…]$/.test(m) ? m : ' | '))
      .replace(/\b(npm|npx|node|nontax-debugger)\b[^\p{Script=Han}\u3000-\u303f\uff00-\uffef"“”]*/gu, ' ')
      .replace(/\[[^\]]*\]|\{[^}]*\}|"[^"]*"/g, ' ')
    let run: string[] = []
    // A list of values ("json, form, xml": every word but the last ends in a comma) is not a sentence.
    const isList = () => run.slice(0, -1).every(t => t.endsWith(','))
    const end = () => { if (run.length >= min && !isList()) runs.push(run.join(' ')); run = [] }
    for (const token of cleaned.split(/ +/)) {
      const word = token.replace(/^[(“]+/, '').replace(/["'”]?[,.;:!?)]*$/, '')
      if (/^[A-Za-z][a-z']*(?:-[a-z]+)*$/.test(word) && !/^[A-Z]{2,}$/.test(word)) run.push(token)
      else end()
    }
    end()
  }
  return runs
}
