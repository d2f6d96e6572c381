import { attachCorrection } from './record-notes.js'
import { createOrderIndex, orderOf } from './order-index.js'
import type { CaptureRecord, CaptureStore, ListFilter } from './record.js'

export { orderKey } from './order-index.js'

/** Whether a record passes the filter's conditions (not its limit). */
export function matches (r: CaptureRecord, f: ListFilter): boolean {
  if (f.sinceMs !== undefined && Date.parse(r.receivedAt) < f.sinceMs) return false
  if (f.errcode !== undefined && r.answer.body.errcode !== f.errcode) return false
  if (f.orderId !== undefined && r.inspection.payload?.order_id !== f.orderId) return false
  return true
}

/** Newest-first filter shared by every store; `records` come oldest first. */
export function applyFilter (records: Iterable<CaptureRecord>, f: ListFilter = {}): CaptureRecord[] {
  const out: CaptureRecord[] = []
  for (const r of records) if (matches(r, f)) out.push(r)
  // Reversing before the stable sort keeps same-millisecond ties newest first.
  // By instant, not by string: stored times carry their zone's offset (older ones end in Z).
  out.reverse().sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))
  return f.limit === undefined ? out : out.slice(0, f.limit)
}

/** Bounded in-memory store: the newest `max` records; memory stays flat however long it runs. */
export function createMemoryStore (max = 1000): CaptureStore {
  const records = new Map<string, CaptureRecord>()
  const orders = createOrderIndex(max * 4)
  return {
    async append (r) {
      records.set(r.id, r)
      const order = orderOf(r)
      if (order) orders.note(order[0], order[1], r.id)
      while (records.size > max) records.delete(records.keys().next().value as string)
    },
    async list (f) { return applyFilter(records.values(), f) },
    async get (id) { return records.get(id) },
    async correct (c) {
      const r = records.get(c.correctionOf)
      if (r) attachCorrection(r, c)
    },
    findOrder (orderId, status) { return orders.find(orderId, status) },
    async close () {},
  }
}
