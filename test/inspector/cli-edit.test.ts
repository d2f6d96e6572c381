import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captures } from '../capture/helpers/io.js'
import { receiverWithOneDelivery, type Receiver } from '../capture/helpers/receiver.js'

let env: Record<string, string>
let rc: Receiver
let cryptoId: string
let close: () => Promise<void>

beforeAll(async () => {
  ({ env, rc, cryptoId, close } = await receiverWithOneDelivery('captures-edit-'))
})
afterAll(async () => { await close() })

describe('captures replay --set (the inspector\'s edit action)', () => {
  it('sends the edited plaintext re-encrypted and re-signed: answered 0, recorded with the new order_id and fee', async () => {
    const res = await captures(['replay', cryptoId, '--to', rc.origin, '--set', 'order_id=EDITED-42', '--set', 'fee=7'], env)
    expect(res.err).toBe('')
    expect(res.code).toBe(0)
    expect(res.out).toMatch(/^result {6}errcode 0, data \{"order_id":"EDITED-42"/m)
    const newest = (await rc.store.list({ limit: 1 }))[0]!
    expect(newest.id).not.toBe(cryptoId)
    expect(newest.answer.body.errcode).toBe(0)
    expect(newest.inspection.payload).toMatchObject({ order_id: 'EDITED-42', fee: 7, status: 3, user_name: '张三' })
    // A fresh nonce: the edited delivery is a new one, not a replay of the recorded wxnontaxstr.
    expect(newest.wxnontaxstr).not.toBe((await rc.store.get(cryptoId))!.wxnontaxstr)
    for (const secret of [env.NONTAX_TOKEN!, env.NONTAX_ENCODING_AES_KEY!]) expect(res.out).not.toContain(secret)
  })

  it('refuses a non-number for a number field, naming the field (exit 2)', async () => {
    const res = await captures(['replay', cryptoId, '--to', rc.origin, '--set', 'fee=lots'], env)
    expect(res.code).toBe(2)
    expect(res.err).toBe('fee is a number in the plaintext; "lots" is not a number')
  })

  it('refuses --set without "=" (exit 2)', async () => {
    const res = await captures(['replay', cryptoId, '--to', rc.origin, '--set', 'order_id'], env)
    expect(res.code).toBe(2)
    expect(res.err).toMatch(/--set wants field=value/)
  })
})
