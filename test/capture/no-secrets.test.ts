import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { randomAlnum, secretValues } from '../../src/config.js'
import { captures } from './helpers/io.js'
import { deliver, startReceiver, testEnv } from './helpers/receiver.js'

let dir: string
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'captures-secrets-')) })
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

it('no secret in any record file, whatever the delivery was (grep the directory)', async () => {
  const env = { ...testEnv(dir), ADMIN_TOKEN: randomAlnum(24) }
  const rc = await startReceiver(env)
  const s = rc.config.secrets
  await deliver(rc.notifyUrl, s)
  await deliver(rc.notifyUrl, s, { badSignature: true })
  await deliver(rc.notifyUrl, { ...s, encodingAESKey: randomAlnum(43) })
  await deliver(rc.notifyUrl, { ...s, token: randomAlnum(32) })
  await deliver(rc.notifyUrl, s, { payload: 'not json' })
  // A sender that puts secrets where they do not belong: headers the receiver must redact.
  const leaky = await request(rc.notifyUrl + '?wxnontaxstr=1&timestamp=1&msg_signature=x', {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}`, 'x-admin-token': env.ADMIN_TOKEN }, body: '{}',
  })
  await leaky.body.text()
  const ids = (await rc.store.list()).map(r => r.id)
  expect(ids).toHaveLength(6)
  await captures(['replay', ids[0]!, '--to', rc.origin, '--tamper', 'signature'], env)
  await rc.close()

  const files = await readdir(dir)
  expect(files.length).toBeGreaterThan(0)
  const text = (await Promise.all(files.map(f => readFile(join(dir, f), 'utf8')))).join('\n')
  expect(text).toContain('<token>')
  for (const secret of secretValues(rc.config)) expect(text).not.toContain(secret)
})
