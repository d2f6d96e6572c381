import { mkdtempSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Server as HttpsServer } from 'node:https'
import Fastify, { type FastifyBaseLogger } from 'fastify'
import { describe, expect, it } from 'vitest'
import { writeSelfSignedCerts } from '../../src/tls/certs.js'
import { connectionLimits, MAX_REQUESTS_PER_SOCKET } from '../../src/plugins/connection-limits.js'
import { testConfig } from '../helpers/config.js'
import { pino } from 'pino'
import { Client } from 'undici'
import { logSink } from '../helpers/log-sink.js'

const limits = testConfig({ BODY_LIMIT_BYTES: '1024', HEADERS_TIMEOUT_MS: '200', REQUEST_TIMEOUT_MS: '400', KEEP_ALIVE_TIMEOUT_MS: '300' }).limits

describe('connection limits (bare Fastify)', () => {
  it('sets every limit on the server it builds, from one object', async () => {
    const app = Fastify(connectionLimits(limits))
    expect(app.server).toMatchObject({ headersTimeout: 200, requestTimeout: 400, keepAliveTimeout: 300, maxRequestsPerSocket: MAX_REQUESTS_PER_SOCKET })
    app.post('/', async () => 'ok')
    const big = await app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'text/plain' }, payload: 'x'.repeat(2048) })
    expect(big.statusCode).toBe(413)
    await app.close()
  })

  it('answers every request on one keep-alive connection, past the 1,000 where a per-socket limit would turn them into unrecorded 503s', async () => {
    // Keep-alive long enough that the client reuses the connection (300 ms is announced as timeout=0).
    const app = Fastify(connectionLimits(testConfig({ KEEP_ALIVE_TIMEOUT_MS: '5000' }).limits))
    app.get('/', async () => 'ok')
    let connections = 0
    app.server.on('connection', () => { connections++ })
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const client = new Client(base, { pipelining: 1 })
    const statuses = new Map<number, number>()
    for (let i = 0; i < 1100; i++) {
      const res = await client.request({ method: 'GET', path: '/' })
      await res.body.text()
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    }
    await client.close()
    await app.close()
    expect(connections).toBe(1)
    expect([...statuses]).toEqual([[200, 1100]])
  })

  it('builds an https server with the same limits, and the same instance type', async () => {
    const pair = await writeSelfSignedCerts(mkdtempSync(join(tmpdir(), 'nontax-tls-')))
    const app = Fastify(connectionLimits(limits, { cert: readFileSync(pair.certFile), key: readFileSync(pair.keyFile) }))
    expect(app.server).toBeInstanceOf(HttpsServer)
    expect(app.server).toMatchObject({ headersTimeout: 200, requestTimeout: 400, keepAliveTimeout: 300 })
    await app.close()
  })

  it('a stalled client is answered 408 and logged by the client error handler', async () => {
    const sink = logSink()
    const loggerInstance: FastifyBaseLogger = pino({ level: 'warn' }, sink.stream)
    const app = Fastify({ ...connectionLimits(limits), loggerInstance })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as { port: number }).port
    const answer = await new Promise<string>(resolve => {
      const s = connect(port, '127.0.0.1', () => s.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Ty'))
      let got = ''
      s.setEncoding('utf8').on('data', (d: string) => { got += d })
      s.on('error', () => {})
      s.on('close', () => resolve(got))
    })
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(sink.text()).toContain('closed with 408: the request did not arrive in time (headers within HEADERS_TIMEOUT_MS=200 ms')
    await app.close()
  })
})
