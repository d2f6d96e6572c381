import Fastify from 'fastify'
import { serveOverIpc } from './ipc.js'

// (a) The framework ceiling: Fastify's default JSON parser on the same bodies, a fixed answer, no logging.
const app = Fastify({ logger: false })
const answer = { errcode: 0, errmsg: 'ok' }
app.post('/nontax/notify', async () => answer)
const url = await app.listen({ host: '127.0.0.1', port: 0 })
serveOverIpc(app, url)
