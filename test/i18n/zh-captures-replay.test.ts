import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyTamper, TamperError } from '../../src/capture/tamper.js'
import { runCaptures } from '../../src/cli/captures.js'
import type { Io } from '../../src/cli/io.js'
import { listHeader, listLine } from '../../src/cli/captures-format.js'
import { errorText } from '../../src/messages/error-text.js'
import { render } from '../../src/messages/render.js'
import { displayWidth } from '../../src/messages/width.js'
import type { Lang } from '../../src/messages/types.js'
import { receiverWithOneDelivery, type Receiver } from '../capture/helpers/receiver.js'
import { englishRuns } from './english-runs.js'

let env: Record<string, string>
let rc: Receiver
let cryptoId: string
let close: () => Promise<void>

beforeAll(async () => {
  ({ env, rc, cryptoId, close } = await receiverWithOneDelivery('zh-replay-'))
})
afterAll(async () => { await close() })

/** captures as main() runs it for a reader of `lang`. */
async function captures (argv: string[], lang: Lang) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: t => out.push(t), err: t => err.push(t), env, isTTY: false, lang }
  const code = await runCaptures(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('captures replay in Chinese', () => {
  it('--tamper: what was changed, what a correct receiver answers, and the result', async () => {
    const zh = await captures(['replay', cryptoId, '--to', rc.origin, '--tamper', 'signature'], 'zh')
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toMatch(/^重放 \S+ → POST http:\/\/127\.0\.0\.1:\d+\/nontax\/notify\?/)
    expect(zh.out).toMatch(/^篡改        msg_signature：第 1 个字符由 "\w" 改为 "\w"$/m)
    expect(zh.out).toContain('预期        errcode 300：签名不再相符')
    expect(zh.out).toContain('结果        符合预期（errcode 300）')
    expect(englishRuns(zh.out + zh.err)).toEqual([])
    const en = await captures(['replay', cryptoId, '--to', rc.origin, '--tamper', 'signature'], 'en')
    expect(en.out).toContain('expect      errcode 300: the signature no longer matches')
  })

  it('an exact replay: the comparison with the recorded answer', async () => {
    const zh = await captures(['replay', cryptoId, '--to', rc.origin], 'zh')
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toContain('比较        errcode 同为 0，解密后的 data 相同；字节不同只是因为成功应答每次都带新的随机串、时间戳和密文')
    expect(englishRuns(zh.out + zh.err)).toEqual([])
  })

  it('--set (an edited replay): labels, result and a refused value in Chinese', async () => {
    const zh = await captures(['replay', cryptoId, '--to', rc.origin, '--set', 'fee=7'], 'zh')
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toMatch(/^重放 \S+（已编辑）→ POST http:\/\/127\.0\.0\.1:\d+/)
    expect(zh.out).toMatch(/^结果        errcode 0，data \{/m)
    const bad = await captures(['replay', cryptoId, '--to', rc.origin, '--set', 'fee=lots'], 'zh')
    expect(bad.code).toBe(2)
    expect(bad.err).toBe(render({ code: 'INSPECTOR_NOT_A_NUMBER', params: { name: 'fee', value: 'lots' } }, 'zh'))
    for (const r of [zh, bad]) expect(englishRuns(r.out + r.err)).toEqual([])
  })

  it('the list header (a terminal only) is in the reader\'s language and its columns start where the line\'s fields do', async () => {
    const line = listLine((await rc.store.list()).find(x => x.id === cryptoId)!)
    const zh = listHeader('zh')
    expect(zh).toMatch(/^收到时间 +记录 ID +wxnontaxstr +测试 +应答 +结论要点$/)
    expect(englishRuns(zh)).toEqual([])
    // Each field starts at the same display column in the header and the line.
    for (const [label, field] of [['记录 ID', cryptoId], ['wxnontaxstr', line.split(/ {2}/)[2]!]] as const) {
      expect(displayWidth(zh.slice(0, zh.indexOf(label)))).toBe(line.indexOf(field))
    }
    expect(listHeader('en')).toMatch(/^received +id +wxnontaxstr +test +answer +verdict bits$/)
    expect(listHeader('en').indexOf('id ')).toBe(line.indexOf(cryptoId))
  })

  it('a recording the mutation cannot apply to: a coded error (exit 2) with its fix, in either language', async () => {
    const r = (await rc.store.list()).find(x => x.id === cryptoId)!
    const noTimestamp = { ...r, url: '/nontax/notify?wxnontaxstr=abc' }
    let caught: unknown
    try { applyTamper('timestamp', noTimestamp) } catch (err) { caught = err }
    expect(caught).toBeInstanceOf(TamperError)
    const err = caught as TamperError
    expect(err.code).toBe('TAMPER_NO_TIMESTAMP')
    expect(err.exitCode).toBe(2)
    expect(errorText(err, 'en')).toBe('the recorded request has no "timestamp" query parameter to tamper with; try --tamper body')
    expect(errorText(err, 'zh')).toBe('记录的请求没有可篡改的 query 参数 "timestamp"；请试 --tamper body')
  })
})
