import { WechatRefusedError } from '../errors.js'
import type { Finding } from '../messages/types.js'

/** Stable codes: what kind of failure, independent of WeChat's numeric errcode. */
export type WechatErrorCode =
  | 'WECHAT_ERRCODE' // WeChat answered a non-zero errcode
  | 'WECHAT_HTTP' // HTTP status other than 200
  | 'WECHAT_BAD_ANSWER' // 200 but not the JSON shape the API documents
  | 'WECHAT_UNREACHABLE' // connection refused, DNS, TLS, reset
  | 'WECHAT_TIMEOUT' // no (complete) answer within timeoutMs
  | 'WECHAT_NO_CREDENTIALS' // neither an access token nor an appsecret to get one

export interface WechatErrorDetails {
  path: string
  errcode?: number
  errmsg?: string
  httpStatus?: number
  callerIp?: string
  rid?: string
  cause?: unknown
  /** The message as a catalogue finding (WX_*): the CLI shows it in the reader's language. */
  finding?: Finding
}

/** One error class for the WeChat API layer; exit 2 (WeChat refused or could not be reached: nothing was tested). Messages never hold the appsecret or an access_token. */
export class WechatApiError extends WechatRefusedError {
  override name = 'WechatApiError'
  declare readonly code: WechatErrorCode
  readonly path: string
  readonly errcode?: number
  readonly errmsg?: string
  readonly httpStatus?: number
  /** The caller IP WeChat saw (40164), parsed from errmsg. */
  readonly callerIp?: string
  /** WeChat's request id ("rid: ..."), to quote when asking WeChat support. */
  readonly rid?: string
  readonly finding?: Finding
  constructor (code: WechatErrorCode, message: string, d: WechatErrorDetails) {
    super(code, message, d.cause === undefined ? undefined : { cause: d.cause })
    this.path = d.path
    if (d.errcode !== undefined) this.errcode = d.errcode
    if (d.errmsg !== undefined) this.errmsg = d.errmsg
    if (d.httpStatus !== undefined) this.httpStatus = d.httpStatus
    if (d.callerIp !== undefined) this.callerIp = d.callerIp
    if (d.rid !== undefined) this.rid = d.rid
    if (d.finding !== undefined) this.finding = d.finding
  }
}
