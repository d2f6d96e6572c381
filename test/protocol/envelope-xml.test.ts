import { describe, expect, it } from 'vitest'
import { inspectDelivery } from '../../src/protocol/inspect.js'
import { createWxBizMsgCryptProfile } from '../../src/protocol/profile.js'
import { testSecrets } from '../check/helpers/secrets.js'

const profile = createWxBizMsgCryptProfile()
const secrets = testSecrets()
const timestamp = String(Math.floor(Date.now() / 1000))
/** Signed over the literal text, so the signature passes and only the ciphertext itself can fail. */
const query = { wxnontaxstr: '0123456789abcdef', timestamp, msg_signature: profile.sign({ token: secrets.token, timestamp, nonce: '0123456789abcdef', encrypt: '&lol9;' }) }
const inspect = (xml: string) => inspectDelivery({ body: Buffer.from(xml), contentType: 'text/xml', query }, { secrets, profile, nowMs: Date.now() })

/** Ten levels of ten: expanded, &lol9; would be 10^9 "lol"s (3 GB). */
export const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE xml [',
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  '<xml><AppId>wx</AppId><Encrypt>&lol9;</Encrypt></xml>',
].join('')

export const EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Encrypt>&xxe;</Encrypt></xml>'

describe('the XML reader never expands entities', () => {
  it('keeps an entity reference as literal text (billion laughs): a ciphertext that is not base64, 298', () => {
    const i = inspect(BILLION_LAUGHS)
    expect(i.envelope?.encrypt).toBe('&lol9;')
    expect(i).toMatchObject({ errcode: 298, reason: 'CIPHERTEXT_NOT_BASE64' })
  })

  it('does not substitute even a harmless internal entity', () => {
    const i = inspect('<!DOCTYPE xml [<!ENTITY e "QUJD">]><xml><Encrypt>&e;</Encrypt></xml>')
    expect(i.envelope?.encrypt).toBe('&e;')
  })

  it('refuses an external entity as a body that does not parse (210), reading no file', () => {
    const i = inspect(EXTERNAL_ENTITY)
    expect(i).toMatchObject({ errcode: 210, reason: 'ENVELOPE_UNPARSEABLE' })
    expect(JSON.stringify(i)).not.toContain('root:')
  })
})
