import { it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { runCli } from '../helpers/cli-process.js'
import { startReferenceHandler } from '../helpers/reference-handler.js'
const SECRETS = { WECHAT_APPID: 'wx0123456789abcdef', NONTAX_TOKEN: 'Token123456', NONTAX_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
const secrets = { appid: SECRETS.WECHAT_APPID, token: SECRETS.NONTAX_TOKEN, encodingAESKey: SECRETS.NONTAX_ENCODING_AES_KEY }
it('look', async () => {
  const out: string[] = []
  for (const opt of [{ skipSignature: true }, { unsignedAnswer: true }, { alwaysOk: true }]) {
    const h = await startReferenceHandler({ secrets, ...opt })
    for (const LANG of ['zh_CN.UTF-8', 'en_US.UTF-8']) {
      const r = await runCli(['check', '--target', h.url], { ...SECRETS, LANG, TZ: 'Asia/Shanghai', ENV_FILE: 'none' })
      out.push(`==== ${JSON.stringify(opt)} ${LANG} code ${r.code}\n${r.stdout}\n--stderr--\n${r.stderr}`)
    }
  }
  writeFileSync('/tmp/zh/look.txt', out.join('\n'))
}, 120000)
