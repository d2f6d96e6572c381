import { loadConfig, type Config, type Env } from '../../src/config.js'

/** A config as a fresh clone gets it (demo secrets), on an ephemeral loopback port, quiet by default. */
export function testConfig (env: Env = {}): Config {
  return loadConfig({ PORT: '0', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', ...env })
}
