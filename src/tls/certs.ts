import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generate } from 'selfsigned'

/** A self-signed pair for loopback HTTPS; a tunnel in front terminates real TLS. */
export async function writeSelfSignedCerts (dir: string, hosts: string[] = ['localhost', '127.0.0.1']): Promise<{ certFile: string; keyFile: string }> {
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map(h => (/^[\d.]+$/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })) }],
  })
  await mkdir(dir, { recursive: true })
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  await writeFile(certFile, pems.cert)
  await writeFile(keyFile, pems.private, { mode: 0o600 })
  return { certFile, keyFile }
}
