import type { EventEmitter } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { CaptureRecord, CorrectionLine } from '../capture/record.js'
import { toRow } from './summary.js'

const HEARTBEAT_MS = 15_000
/** A subscriber this far behind (a stalled tab) is dropped; its EventSource reconnects and reloads the list. */
export const MAX_BACKLOG_BYTES = 1024 * 1024

export interface LiveFeed {
  /** Streams server-sent events to this response until it closes. */
  subscribe (res: ServerResponse): void
  /** Sends a named event to every subscriber (the run's verdict). */
  broadcast (event: string, data: unknown): void
  clients (): number
  close (): void
}

/**
 * The receiver's delivery path only pays for an array push: the 'delivery' listener queues the
 * record and a setImmediate flush turns it into rows and writes them, after the answer is sent.
 * With nobody subscribed the listener returns at once.
 */
export function createLiveFeed (events: EventEmitter): LiveFeed {
  const subscribers = new Set<ServerResponse>()
  let queue: CaptureRecord[] = []
  let scheduled = false
  const write = (text: string) => {
    for (const res of subscribers) {
      if (res.writableLength > MAX_BACKLOG_BYTES) { subscribers.delete(res); res.destroy(); continue }
      res.write(text)
    }
  }
  const flush = () => {
    scheduled = false
    const batch = queue
    queue = []
    // One write per turn, whatever the batch: under load a write (and its syscall) per row cost more than the rows.
    write(batch.map(r => `event: delivery\ndata: ${JSON.stringify(toRow(r))}\n\n`).join(''))
  }
  const onDelivery = (r: CaptureRecord) => {
    if (subscribers.size === 0) return
    queue.push(r)
    if (!scheduled) { scheduled = true; setImmediate(flush) }
  }
  events.on('delivery', onDelivery)
  // Rare (a client gone before its answer was written), so written at once; the page marks the row.
  const onCorrection = (c: CorrectionLine) => { write(`event: correction\ndata: ${JSON.stringify({ id: c.correctionOf, what: c.what })}\n\n`) }
  events.on('correction', onCorrection)
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS).unref()
  return {
    subscribe (res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      res.write(': connected\n\n')
      subscribers.add(res)
      res.on('close', () => subscribers.delete(res))
    },
    broadcast (event, data) { write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`) },
    clients: () => subscribers.size,
    close () {
      events.off('delivery', onDelivery)
      events.off('correction', onCorrection)
      clearInterval(heartbeat)
      for (const res of subscribers) res.end()
      subscribers.clear()
    },
  }
}
