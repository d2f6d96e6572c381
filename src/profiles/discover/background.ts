import type { EventEmitter } from 'node:events'
import type { CaptureRecord } from '../../capture/record.js'
import type { Finding } from '../../messages/types.js'
import { render } from '../../messages/render.js'
import type { CryptoProfile, Secrets } from '../../protocol/profile.js'
import { deliveryBytesOfRecord } from './record.js'
import { discover } from './index.js'
import { profileAssignment } from './report.js'

/** A background search is smaller than the CLI's: it must stay a few tens of milliseconds. */
const BACKGROUND_LIMIT = 50_000
/** Errcodes a wrong profile produces: cannot decrypt, bad signature, unreadable envelope. */
const PROFILE_ERRCODES = new Set([210, 298, 300])

export interface ProfileHint { captureId: string; finding: Finding; profile: string }

export interface HintLog { warn (obj: object, msg: string): void }

/**
 * When a delivery fails under the configured profile, search the other profiles off the delivery's
 * critical path: the 'delivery' event fires before the answer is written, and the search runs on
 * setImmediate after it, one at a time; failures that arrive meanwhile wait for the next turn
 * (at most one queued), so a flood of bad deliveries costs one bounded search at a time.
 */
export function watchFailedDeliveries (o: { events: EventEmitter; profile: CryptoProfile; secrets: Secrets; log: HintLog }) {
  let running: Promise<void> | undefined
  let queued: CaptureRecord | undefined
  let closed = false
  const explained = new Set<string>()

  const search = (r: CaptureRecord): ProfileHint | undefined => {
    const d = discover(deliveryBytesOfRecord(r), { secrets: o.secrets, limit: BACKGROUND_LIMIT })
    const best = d.matches[0]
    if (!best || best.profile === o.profile.id || !best.decrypts) return undefined
    const params = { name: best.name, configured: o.profile.name, profile: profileAssignment(best.profile).slice('NONTAX_PROFILE='.length), settings: best.settings.length ? ` and ${best.settings.join(', ')}` : '', id: r.id }
    return { captureId: r.id, profile: best.profile, finding: { code: best.signatureVerifies ? 'DISCOVERY_OTHER_PROFILE' : 'DISCOVERY_DECRYPTS_ONLY', params } }
  }

  const turn = (r: CaptureRecord): Promise<void> => new Promise<void>(resolve => setImmediate(() => {
    try {
      const hint = closed ? undefined : search(r)
      if (hint && !explained.has(`${hint.finding.code}:${hint.profile}:${r.id}`)) {
        explained.add(`${hint.finding.code}:${hint.profile}:${r.id}`)
        o.log.warn({ captureId: r.id, profileHint: hint.profile, code: hint.finding.code }, `${r.id}: ${render(hint.finding)}`)
        o.events.emit('profile-hint', hint)
      }
    } catch (err) {
      o.log.warn({ err, captureId: r.id }, 'background profile discovery failed')
    }
    resolve()
  })).then(() => {
    const next = queued
    queued = undefined
    running = next && !closed ? turn(next) : undefined
  })

  const onDelivery = (r: CaptureRecord) => {
    if (closed || r.forwarded !== undefined || !PROFILE_ERRCODES.has(r.answer.body.errcode) || r.method !== 'POST') return
    if (running) queued = r
    else running = turn(r)
  }
  o.events.on('delivery', onDelivery)
  return {
    /** Resolves when every search started so far has finished (the verdict waits for their hints). */
    async settled (): Promise<void> {
      while (running) await running
    },
    close (): void {
      closed = true
      o.events.off('delivery', onDelivery)
    },
  }
}
