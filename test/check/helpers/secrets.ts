import { demoSecrets } from '../../../src/config.js'
import type { Secrets } from '../../../src/protocol/profile.js'

/** Fresh secrets per test: nothing committed can be mistaken for a real key. */
export function testSecrets (): Secrets {
  const d = demoSecrets()
  return { appid: d.appid, token: d.token, encodingAESKey: d.encodingAESKey }
}

export function captureIo (env: Record<string, string | undefined> = {}) {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { out: (t: string) => { out.push(t) }, err: (t: string) => { err.push(t) }, env, isTTY: false },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  }
}
