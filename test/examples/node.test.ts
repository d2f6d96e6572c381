import { join } from 'node:path'
import { expect, it } from 'vitest'
import { testSecrets } from '../check/helpers/secrets.js'
import { EXAMPLES, runCheckCli } from './helpers/example-process.js'
import { proveExample, startWith, type ExampleSpec } from './helpers/prove-example.js'

const spec: ExampleSpec = {
  language: 'node',
  // The tests run on Node: the toolchain is always there.
  toolchain: { ok: true, command: process.execPath, reason: '' },
  start: () => ({ command: process.execPath, args: ['handler.mjs'], cwd: join(EXAMPLES, 'node'), ready: /listening on (http:\/\/\S+)/ }),
}

proveExample(spec)

// The harness can fail: the same example configured with another token FAILs under check.
it('examples/node with a token check does not know: check exits 1 with FAILs', async () => {
  const secrets = testSecrets()
  const handler = await startWith(spec, { ...secrets, token: 'NotTheTokenCheckSigns' })
  const { code, report } = await runCheckCli(handler.url, secrets)
  expect(code).toBe(1)
  expect(report.results.find(r => r.class === 'crypto-test')?.outcome).toBe('FAIL')
}, 60_000)
