import { loadConfig, type Config, type Env } from '../../src/config.js'

/**
 * A config as a fresh clone gets it (demo secrets), on an ephemeral loopback port, quiet by default.
 * The overload guard is off unless a test sets it: vitest workers on 2 cores lag the event loop.
 */
/** Nothing listens on port 9 (discard): tests never see a developer's own ngrok agent on 4040. */
export const DEAD_NGROK_API = 'http://127.0.0.1:9'

export function testConfig (env: Env = {}): Config {
  return loadConfig({ PORT: '0', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', MAX_EVENT_LOOP_DELAY_MS: '60000', NGROK_API_URL: DEAD_NGROK_API, ...env })
}
