import { valueText } from '../log/terminal-safe.js'
/**
 * order_id + status → the FIRST recorded delivery that carried it (answered errcode 0). Every
 * store uses this one index, so a duplicate points to the same earlier delivery whichever store
 * is in use. Bounded: the oldest keys go first; memory stays flat however long it runs.
 */
export interface OrderIndex {
  /** Returns an undo, for an append that turns out not to be durable. */
  note (orderId: string, status: string, id: string): () => void
  find (orderId: string, status: string): string | undefined
  /** Drops every key that points to one of these ids (their file was pruned). */
  forget (ids: ReadonlySet<string>): void
}

export function orderKey (orderId: string, status: string): string {
  return `${orderId}\u0000${status}`
}

export function createOrderIndex (max: number): OrderIndex {
  const orders = new Map<string, string>()
  return {
    note (orderId, status, id) {
      const key = orderKey(orderId, status)
      if (orders.has(key)) return () => {}
      orders.set(key, id)
      while (orders.size > max) orders.delete(orders.keys().next().value as string)
      return () => { if (orders.get(key) === id) orders.delete(key) }
    },
    find (orderId, status) { return orders.get(orderKey(orderId, status)) },
    forget (ids) { for (const [k, id] of orders) if (ids.has(id)) orders.delete(k) },
  }
}

/** The order a record answered 0 for, if it is a payment notification: what the index keys on. */
export function orderOf (r: { inspection?: { payload?: Record<string, unknown> }; answer: { body: { errcode: number } } }): [string, string] | undefined {
  const p = r.inspection?.payload
  if (p?.order_id === undefined || r.answer.body.errcode !== 0) return undefined
  // valueText: a sender's {"toString":1} must not throw here (String() would), at receive or at startup.
  return [valueText(p.order_id), valueText(p.status)]
}
