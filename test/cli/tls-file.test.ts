import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort } from '../helpers/listen.js'
import { runMain } from '../helpers/main-io.js'

describe('serve with an unreadable TLS file (main() in process)', () => {
  it('exits 2, naming the file, the reason and `npm run certs`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nontax-tls-'))
    // A directory where a PEM file should be: unreadable as a file, even for root.
    // --demo-keys: serve refuses to start without real secrets otherwise (the preflight), and this test is about TLS.
    const r = await runMain(['serve', '--demo-keys'], {
      LOG_LEVEL: 'silent', LOG_FORMAT: 'json', HOST: '127.0.0.1', PORT: String(await freePort()), CAPTURE_DIR: join(dir, 'captures'),
      TLS_CERT_FILE: dir, TLS_KEY_FILE: join(dir, 'missing-key.pem'),
    })
    expect(r.code).toBe(2)
    expect(r.err).toContain(`TLS_CERT_FILE=${dir} cannot be read (EISDIR)`)
    expect(r.err).toContain('run "npm run certs"')
  })
})
