import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServe, tempCheckout } from '../helpers/serve-process.js'

const POISON = 'NOTIFY_PATH=/poisoned-by-dotenv\nADMIN_TOKEN=poison-admin-token-0123456789\n'

describe('spawned servers never read a developer\'s .env', () => {
  it('a .env beside the server is ignored by the suite\'s helper, and would have applied otherwise', async () => {
    const checkout = tempCheckout()
    writeFileSync(join(checkout, '.env'), POISON)
    // Control: the same checkout, told to read its .env, takes the poisoned path. This test can fail.
    const reading = await startServe({ checkout, env: { ENV_FILE: '.env' } })
    expect(new URL(reading.url).pathname).toBe('/poisoned-by-dotenv')
    reading.signal('group', 'SIGTERM')
    await reading.gone

    const isolated = await startServe({ checkout })
    expect(new URL(isolated.url).pathname).toBe('/nontax/notify')
    expect(isolated.output()).not.toContain('poison')
  })
})
