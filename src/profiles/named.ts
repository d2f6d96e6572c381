import { descriptorSchema, type DescriptorInput, type ProfileDescriptor } from './descriptor.js'

const wxQuery = {
  signature: { in: 'query', name: 'msg_signature' },
  timestamp: { in: 'query', name: 'timestamp' },
  nonce: { in: 'query', name: 'wxnontaxstr' },
} as const
const wxCipher = { mode: 'aes-256-cbc', key: { from: 'aesKey', as: 'base64+=' }, iv: 'key', padBlock: 32, framing: 'random-len-msg-appid' } as const
const wxSignature: DescriptorInput['signature'] = { alg: 'sha1', key: 'token', over: ['token', 'timestamp', 'nonce', 'ciphertext'], order: 'sorted', join: 'concat', encoding: 'hex' }

/**
 * The profile families of docs/PROTOCOL.md §6. `wxbizmsgcrypt` is the default (§4). The others are
 * plausible schemes from WeChat's sister products; none is WeChat's documented nontax scheme.
 */
const NAMED: Record<string, DescriptorInput & { family: string }> = {
  // S3: WeChat's published message encryption, in a JSON envelope.
  wxbizmsgcrypt: {
    family: 'S3', body: 'json',
    fields: { ciphertext: { in: 'body', name: 'encrypt' }, ...wxQuery, appid: { in: 'body', name: 'appid' } },
    cipher: wxCipher, signature: wxSignature,
  },
  // S4: the same, in the XML envelope official accounts receive.
  'wxbizmsgcrypt-xml': {
    family: 'S4', body: 'xml',
    fields: { ciphertext: { in: 'body', name: 'Encrypt' }, ...wxQuery, appid: { in: 'body', name: 'ToUserName' } },
    cipher: wxCipher, signature: wxSignature,
  },
  // S1: nontax-native JSON with a `data` field; HMAC over timestamp, nonce and data.
  'nontax-data-hmac': {
    family: 'S1', body: 'json',
    fields: {
      ciphertext: { in: 'body', name: 'data' }, signature: { in: 'body', name: 'signature' },
      timestamp: { in: 'body', name: 'timestamp' }, nonce: { in: 'body', name: 'nonce' }, appid: { in: 'body', name: 'appid' },
    },
    cipher: { mode: 'aes-256-cbc', key: { from: 'aesKey', as: 'base64+=' }, iv: 'prefix', padBlock: 16, framing: 'msg' },
    signature: { alg: 'hmac-sha256', key: 'token', over: ['timestamp', 'nonce', 'ciphertext'], order: 'fixed', join: 'concat', encoding: 'hex' },
  },
  // S1: `data` in the body, SHA-256 over the sorted token, timestamp, nonce and data, signature in the query as `sig`.
  'nontax-data-sha256': {
    family: 'S1', body: 'json',
    fields: {
      ciphertext: { in: 'body', name: 'data' }, signature: { in: 'query', name: 'sig' },
      timestamp: { in: 'query', name: 'timestamp' }, nonce: { in: 'query', name: 'wxnontaxstr' }, appid: { in: 'body', name: 'appid' },
    },
    cipher: { mode: 'aes-256-cbc', key: { from: 'aesKey', as: 'base64+=' }, iv: 'key', padBlock: 16, framing: 'msg' },
    signature: { alg: 'sha256', key: 'token', over: ['token', 'timestamp', 'nonce', 'ciphertext'], order: 'sorted', join: 'concat', encoding: 'hex' },
  },
  // S5: WeChat Pay v2 style: sorted k=v&…&key=KEY, MD5 upper hex; req_info AES-256-ECB under md5-hex of the key.
  'payv2-md5': {
    family: 'S5', body: 'json',
    fields: {
      ciphertext: { in: 'body', name: 'req_info' }, signature: { in: 'body', name: 'sign' },
      timestamp: { in: 'body', name: 'timestamp' }, nonce: { in: 'body', name: 'nonce_str' }, appid: { in: 'body', name: 'appid' },
    },
    cipher: { mode: 'aes-256-ecb', key: { from: 'aesKey', as: 'md5-hex' }, iv: 'none', padBlock: 16, framing: 'msg' },
    signature: { alg: 'md5', key: 'token', over: ['appid', 'nonce', 'timestamp', 'ciphertext'], order: 'sorted', join: 'kv', encoding: 'HEX' },
  },
  // S5 with HMAC-SHA256 instead of MD5 (Pay v2's sign_type=HMAC-SHA256).
  'payv2-hmac': {
    family: 'S5', body: 'json',
    fields: {
      ciphertext: { in: 'body', name: 'req_info' }, signature: { in: 'body', name: 'sign' },
      timestamp: { in: 'body', name: 'timestamp' }, nonce: { in: 'body', name: 'nonce_str' }, appid: { in: 'body', name: 'appid' },
    },
    cipher: { mode: 'aes-256-ecb', key: { from: 'aesKey', as: 'md5-hex' }, iv: 'none', padBlock: 16, framing: 'msg' },
    signature: { alg: 'hmac-sha256', key: 'token', over: ['appid', 'nonce', 'timestamp', 'ciphertext'], order: 'sorted', join: 'kv', encoding: 'HEX' },
  },
  // S6: AES-256-GCM (nonce before, tag after the ciphertext), HMAC-SHA256 base64 in headers.
  'gcm-headers': {
    family: 'S6', body: 'json',
    fields: {
      ciphertext: { in: 'body', name: 'data' }, signature: { in: 'header', name: 'x-wechat-signature' },
      timestamp: { in: 'header', name: 'x-wechat-timestamp' }, nonce: { in: 'header', name: 'x-wechat-nonce' }, appid: { in: 'body', name: 'appid' },
    },
    cipher: { mode: 'aes-256-gcm', key: { from: 'aesKey', as: 'base64+=' }, iv: 'prefix', padBlock: 16, framing: 'msg' },
    signature: { alg: 'hmac-sha256', key: 'token', over: ['timestamp', 'nonce', 'ciphertext'], order: 'fixed', join: 'concat', encoding: 'base64' },
  },
}

export const DEFAULT_PROFILE = 'wxbizmsgcrypt'

export function namedProfileNames (): string[] {
  return Object.keys(NAMED)
}

export function familyOf (name: string): string | undefined {
  return NAMED[name]?.family
}

export function namedDescriptor (name: string): ProfileDescriptor | undefined {
  const n = NAMED[name]
  if (n === undefined) return undefined
  const { family: _family, ...input } = n
  return descriptorSchema.parse({ ...input, name })
}

export function namedDescriptors (): ProfileDescriptor[] {
  return namedProfileNames().map(n => namedDescriptor(n) as ProfileDescriptor)
}
