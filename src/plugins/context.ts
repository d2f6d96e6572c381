import fp from 'fastify-plugin'
import type { CaptureStore } from '../capture/record.js'
import type { Config } from '../config.js'
import type { CryptoProfile } from '../protocol/profile.js'
import type { DeliveryEvents } from '../receiver/events.js'

export interface NontaxContext {
  config: Config; store: CaptureStore; events: DeliveryEvents; profile: CryptoProfile
  /** Background discovery of failed deliveries (docs/PROTOCOL.md §7.4); settled() once their hints are out. */
  profileHints: { settled (): Promise<void> }
}

export interface NontaxContextOptions extends NontaxContext { profileHints: NontaxContext['profileHints'] & { close (): Promise<void> } }

declare module 'fastify' {
  interface FastifyInstance { nontax: NontaxContext }
}

/** What the CLI and tests read back from a built app (`app.nontax`); closes the store with the app. */
export const nontaxContext = fp<NontaxContextOptions>(async (app, ctx) => {
  app.decorate('nontax', { config: ctx.config, store: ctx.store, events: ctx.events, profile: ctx.profile, profileHints: ctx.profileHints })
  app.addHook('onClose', async () => { await ctx.profileHints.close(); await ctx.store.close() })
}, { name: 'nontax-context', fastify: '5.x' })
