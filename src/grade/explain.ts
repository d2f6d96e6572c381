import type { AnswerCheck } from '../protocol/answer.js'
import { isMessageCode, render } from '../messages/render.js'
import type { Expectation, Reply } from './types.js'

/** An errcode in words (docs/PROTOCOL.md §2), from the catalogue's ERRCODE_* entries. */
export function nameOf (errcode: number): string {
  const code = `ERRCODE_${errcode}`
  return isMessageCode(code) ? render({ code }) : 'not a documented receiver code'
}

/** The fixes, in one place so every explanation names the same steps. */
export const FIX = {
  verify: 'compute sha1 over sort(token, timestamp, wxnontaxstr, encrypt) joined without separator, compare it with msg_signature in constant time, and answer 300 before decrypting',
  token: 'its Token differs from the one check signs with (NONTAX_TOKEN / --token), or it hashes other strings: sort token, timestamp, wxnontaxstr and encrypt exactly as received, join them, sha1, lowercase hex',
  key: 'its EncodingAESKey or appid differs from check\'s (NONTAX_ENCODING_AES_KEY, WECHAT_APPID / --aes-key, --appid), or it decrypts differently: key = base64(EncodingAESKey + "=") (32 bytes), iv = its first 16 bytes, AES-256-CBC without auto-padding, padding to 32 bytes, a uint32 big-endian byte length, the appid at the end',
  envelope: 'read the JSON body {"appid","encrypt"} and wxnontaxstr, timestamp, msg_signature from the URL query',
  errcodeBody: 'WeChat reads {"errcode","errmsg"} from a JSON body; catch framework errors (body parse, content type, size) and answer HTTP 200 with the errcode',
} as const

/** Expected a success, got this errcode. */
const SUCCESS_MISSED: Record<number, string> = {
  300: `your handler rejected a correctly signed delivery as a signature error (300): ${FIX.token}`,
  298: `your handler could not decrypt a correct delivery (298): ${FIX.key}`,
  210: `your handler called a correct delivery malformed (210): ${FIX.envelope}`,
  299: 'your handler reported its own system error (299) for a correct delivery: WeChat retries it; look at the handler\'s log for the exception',
}

function primaryErrcode (e: Expectation): number | undefined {
  const a = e.accept.find(x => x.outcome === 'PASS' && typeof x.errcode === 'number') ?? e.accept.find(x => typeof x.errcode === 'number')
  return typeof a?.errcode === 'number' ? a.errcode : undefined
}

export const acceptsSuccess = (e: Expectation): boolean => e.accept.some(a => a.errcode === 0)

/** Plain words for an answer that matches none of the acceptable ones. */
export function failReason (e: Expectation, status: number, answer: AnswerCheck, bodyHead: string): string {
  const code = answer.errcode
  if (code === undefined) {
    const want = primaryErrcode(e)
    const framework = /FST_ERR|"statusCode"\s*:/.test(bodyHead) || [400, 404, 405, 413, 415].includes(status)
    const what = answer.problems.some(p => p.code === 'ANSWER_NOT_JSON') ? 'a body that is not JSON' : 'no numeric errcode in its body'
    return `your handler answered HTTP ${status} with ${what}` +
      (framework ? ': the request was refused before your code ran (a framework error page). ' : '. ') +
      `${FIX.errcodeBody}${want !== undefined ? `: here {"errcode":${want}}` : ''}`
  }
  if (code === 0) return e.why?.accepted ?? `your handler answered 0 (success) where docs/PROTOCOL.md §4 expects ${e.text}: it accepted a delivery it must reject`
  const specific = e.why?.errcode?.[code]
  if (specific) return specific
  if (acceptsSuccess(e) && SUCCESS_MISSED[code]) return SUCCESS_MISSED[code]
  return e.why?.rejected ?? `your handler answered ${code} (${nameOf(code)}) where docs/PROTOCOL.md §4 expects ${e.text}`
}

/** For answers to unreachable or slow handlers. */
export function networkReason (reply: Pick<Extract<Reply, { kind: 'error' }>, 'error' | 'timedOut'>): string {
  if (reply.timedOut) return `${reply.error}: WeChat gives up and retries; answer within a few seconds and do slow work after answering`
  return reply.error
}
