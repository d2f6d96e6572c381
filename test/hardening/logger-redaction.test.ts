import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/log/logger.js'
import { testConfig } from '../helpers/config.js'
import { logSink } from '../helpers/log-sink.js'

const SECRETS = { appid: 'wx0123456789abcdef', token: 'TokenValue123456', encodingAESKey: 'k'.repeat(43) }
const APPSECRET = 'AppSecretValue0123456789abcdefAB'
const ACCESS_TOKEN = 'AccessTokenValue-0123456789'
const ADMIN = 'admin-token-value-0123456789'

describe('logger redaction (the second line of defence)', () => {
  it.each(['json', 'pretty'] as const)('an object holding secrets is logged without them (%s)', (logFormat) => {
    const sink = logSink()
    const log = createLogger({ logLevel: 'info', logFormat }, sink.stream)
    const config = testConfig({ WECHAT_APPID: SECRETS.appid, WECHAT_APPSECRET: APPSECRET, WECHAT_ACCESS_TOKEN: ACCESS_TOKEN, NONTAX_TOKEN: SECRETS.token, NONTAX_ENCODING_AES_KEY: SECRETS.encodingAESKey, ADMIN_TOKEN: ADMIN })
    log.info({ secrets: SECRETS }, 'top-level secrets object')
    log.info({ client: { token: SECRETS.token, accessToken: ACCESS_TOKEN, appsecret: APPSECRET } }, 'one level down')
    log.info({ config }, 'the whole configuration')
    log.info({ req: { headers: { 'x-admin-token': ADMIN, authorization: `Bearer ${ADMIN}` } } }, 'request headers')
    const text = sink.text()
    for (const secret of [SECRETS.token, SECRETS.encodingAESKey, APPSECRET, ACCESS_TOKEN, ADMIN]) expect(text).not.toContain(secret)
    // pretty mode prints no field dumps at all (hideObject), so only json shows the censor mark.
    if (logFormat === 'json') expect(text).toContain('[redacted]')
    expect(text).toContain('the whole configuration')
  })
})
