import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort } from '../helpers/listen.js'
import { runMain } from '../helpers/main-io.js'
import { runCli } from '../helpers/cli-process.js'
import { writeSelfSignedCerts } from '../../src/tls/certs.js'

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

describe('serve with TLS files that are not a certificate and its key (real process)', () => {
  const quiet = { ENV_FILE: 'none', HOST: '127.0.0.1', PORT: '0', INSPECTOR_PORT: '0', LOG_LEVEL: 'silent' }

  it('a swapped pair: exit 2 naming both variables and the fix, not "internal error" with OpenSSL\'s stack', async () => {
    // Found in review: the HTTPS server threw "PEM routines::no start line" as a bug in nontax-debugger.
    const { certFile, keyFile } = await writeSelfSignedCerts(mkdtempSync(join(tmpdir(), 'nontax-tls-')))
    const r = await runCli(['serve', '--demo-keys'], { ...quiet, TLS_CERT_FILE: keyFile, TLS_KEY_FILE: certFile })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`TLS_CERT_FILE=${keyFile} and TLS_KEY_FILE=${certFile} are not a PEM certificate and its private key`)
    expect(r.stderr).toContain('npm run certs -- --force')
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
  })

  it('a text file in place of both: the same, in Chinese under --lang zh, and no byte of the file is echoed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nontax-tls-'))
    const file = join(dir, 'notes.pem')
    writeFileSync(file, 'MySecretPassphrase\n')
    const r = await runCli(['serve', '--demo-keys', '--lang', 'zh'], { ...quiet, TLS_CERT_FILE: file, TLS_KEY_FILE: file })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`TLS_CERT_FILE=${file} 和 TLS_KEY_FILE=${file} 不是一对 PEM 证书和它的私钥`)
    expect(r.stderr).not.toContain('MySecretPassphrase')
  })
})
