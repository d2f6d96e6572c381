import { connect, type Socket } from 'node:net'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { closeDrain } from '../../src/plugins/close-drain.js'

/** A raw client: what it sent, what it got, and a promise for the server closing it. */
function client (port: number, bytes: string): { socket: Socket; got: () => string; closed: Promise<void>; firstData: Promise<void> } {
  const socket = connect(port, '127.0.0.1')
  let got = ''
  let onData = () => {}
  const firstData = new Promise<void>(resolve => { onData = resolve })
  socket.setEncoding('utf8').on('data', (d: string) => { got += d; onData() })
  socket.on('error', () => {})
  socket.write(bytes)
  return { socket, got: () => got, closed: new Promise(resolve => socket.once('close', () => resolve())), firstData }
}

describe('close drain plugin (bare Fastify)', () => {
  it('on close: cuts idle and stalled connections at once, answers the complete in-flight request with Connection: close', async () => {
    const app = Fastify({ forceCloseConnections: 'idle' })
    await app.register(closeDrain)
    let release = () => {}
    const gate = new Promise<void>(resolve => { release = resolve })
    let arrived = () => {}
    const inHandler = new Promise<void>(resolve => { arrived = resolve })
    app.post('/slow', async () => { arrived(); await gate; return { done: true } })
    app.get('/quick', async () => ({ ok: true }))
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as { port: number }).port
    // The stalled ones must have reached the server before close: its 'connection' events say when all 4 have.
    let connections = 0
    const allConnected = new Promise<void>(resolve => app.server.on('connection', () => { if (++connections === 4) resolve() }))

    const idle = client(port, 'GET /quick HTTP/1.1\r\nHost: x\r\n\r\n')
    await idle.firstData
    const stalledHeaders = client(port, 'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Ty')
    const stalledBody = client(port, 'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":')
    const inFlight = client(port, 'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}')
    await inHandler
    await allConnected

    const closing = app.close()
    // Cut while the in-flight request is still held: nothing waits for a stalled client's timeout.
    await Promise.all([idle.closed, stalledHeaders.closed, stalledBody.closed])
    expect(inFlight.socket.destroyed).toBe(false)
    release()
    await inFlight.closed
    await closing
    expect(inFlight.got()).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(inFlight.got()).toMatch(/\r\nconnection: close\r\n/i)
    expect(inFlight.got()).toContain('{"done":true}')
  })

  it('leaves answers alone while not closing, and is named', async () => {
    const app = Fastify()
    await app.register(closeDrain)
    app.get('/', async () => 'ok')
    const res = await app.inject('/')
    expect(res.headers.connection).not.toBe('close')
    expect(app.hasPlugin('nontax-close-drain')).toBe(true)
    await app.close()
  })
})
