import type { CaptureRecord } from '../../capture/record.js'
import type { Finding } from '../../messages/types.js'
import { render } from '../../messages/render.js'
import type { CryptoProfile, Secrets } from '../../protocol/profile.js'
import type { DeliveryEvents } from '../../receiver/events.js'
import { deliveryBytesOfRecord } from './record.js'
import { createSearchThread, type BestMatch, type SearchThread } from './search-thread.js'
import { profileAssignment } from './report.js'

/** A background search is smaller than the CLI's: a bounded number of candidates (docs/PROTOCOL.md §7.4). */
const BACKGROUND_LIMIT = 50_000
/** Failed deliveries waiting for a search beyond this are not searched (a flood costs bounded work). */
export const BACKGROUND_QUEUE_CAP = 4
/** Errcodes a wrong profile produces: cannot decrypt, bad signature, unreadable envelope. */
const PROFILE_ERRCODES = new Set([210, 298, 300])

export interface ProfileHint { captureId: string; finding: Finding; profile: string }

export interface HintLog { warn (obj: object, msg: string): void }

/**
 * When a delivery fails under the configured profile, search the other profiles off the delivery's
 * critical path: the search runs in a worker thread (search-thread.ts), so the event loop that answers
 * WeChat never waits for it. One search at a time; up to BACKGROUND_QUEUE_CAP failures wait their
 * turn, later ones are dropped. 'profile-search' events say when each search starts and finishes.
 */
export function watchFailedDeliveries (o: { events: DeliveryEvents; profile: CryptoProfile; secrets: Secrets; log: HintLog; thread?: SearchThread }) {
  const thread = o.thread ?? createSearchThread()
  let running: Promise<void> | undefined
  const queue: CaptureRecord[] = []
  let closed = false
  const explained = new Set<string>()

  const hintOf = (r: CaptureRecord, best: BestMatch | undefined): ProfileHint | undefined => {
    if (!best || best.profile === o.profile.id || !best.decrypts) return undefined
    const params = { name: best.name, configured: o.profile.name, profile: profileAssignment(best.profile).slice('NONTAX_PROFILE='.length), settings: best.settings.length ? ` and ${best.settings.join(', ')}` : '', id: r.id }
    return { captureId: r.id, profile: best.profile, finding: { code: best.signatureVerifies ? 'DISCOVERY_OTHER_PROFILE' : 'DISCOVERY_DECRYPTS_ONLY', params } }
  }

  const turn = async (r: CaptureRecord): Promise<void> => {
    try {
      const onStart = () => o.events.emit('profile-search', { captureId: r.id, phase: 'started' })
      const hint = hintOf(r, await thread.search(deliveryBytesOfRecord(r), o.secrets, BACKGROUND_LIMIT, onStart))
      if (!closed && hint && !explained.has(`${hint.finding.code}:${hint.profile}:${r.id}`)) {
        explained.add(`${hint.finding.code}:${hint.profile}:${r.id}`)
        o.log.warn({ captureId: r.id, profileHint: hint.profile, code: hint.finding.code }, `${r.id}: ${render(hint.finding)}`)
        o.events.emit('profile-hint', hint)
      }
    } catch (err) {
      o.log.warn({ err, captureId: r.id }, 'background profile discovery failed')
    }
    o.events.emit('profile-search', { captureId: r.id, phase: 'finished' })
    const next = queue.shift()
    running = next && !closed ? turn(next) : undefined
  }

  const onDelivery = (r: CaptureRecord) => {
    if (closed || r.forwarded !== undefined || !PROFILE_ERRCODES.has(r.answer.body.errcode) || r.method !== 'POST') return
    if (!running) running = turn(r)
    else if (queue.length < BACKGROUND_QUEUE_CAP) queue.push(r)
  }
  o.events.on('delivery', onDelivery)
  return {
    /** Resolves when every search started so far has finished (the verdict waits for their hints). */
    async settled (): Promise<void> {
      while (running) await running
    },
    /** Stops listening and terminates the worker (app close). */
    async close (): Promise<void> {
      closed = true
      queue.length = 0
      o.events.off('delivery', onDelivery)
      await thread.close()
    },
  }
}
