import { describe, expect, it } from 'vitest'
import { describeNetworkError } from '../../src/wechat/network-error.js'

const coded = (code: string, message = `connect ${code}`) => Object.assign(new Error(message), { code })

/** Decisions read the code; people read the text rendered from it (src/messages/en/network.ts). */
describe('describeNetworkError', () => {
  it.each([
    ['a refused connection', coded('ECONNREFUSED'), 'unreachable', 'NET_ECONNREFUSED', 'connection refused: nothing listens on that host and port (ECONNREFUSED)'],
    ['a refusal wrapped by happy eyeballs', new AggregateError([coded('ECONNREFUSED')]), 'unreachable', 'NET_ECONNREFUSED', 'connection refused: nothing listens on that host and port (ECONNREFUSED)'],
    ['a headers timeout', coded('UND_ERR_HEADERS_TIMEOUT'), 'timeout', 'NET_TIMEOUT', 'no complete answer within 200 ms (UND_ERR_HEADERS_TIMEOUT)'],
    ['an unknown failure', coded('EWEIRD', 'something odd'), 'unreachable', 'NET_OTHER', 'something odd (EWEIRD)'],
  ])('%s', (_name, err, kind, code, text) => {
    const f = describeNetworkError(err, 200)
    expect(f).toMatchObject({ kind, finding: { code }, text })
  })

  it('a TLS failure is coded as such, whatever its message says', () => {
    const f = describeNetworkError(coded('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 200)
    expect(f).toMatchObject({ tls: true, finding: { code: 'NET_TLS', params: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } } })
    expect(f.text).toMatch(/^TLS handshake failed \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\): the certificate is not trusted/)
  })
})
