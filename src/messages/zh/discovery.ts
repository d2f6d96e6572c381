import type { discovery as en } from '../en/discovery.js'

/** 配置发现（src/profiles/discover/）：后台提示和报告中的句子。 */
export const discovery = {
  DISCOVERY_OTHER_PROFILE: '这次推送在配置 {name} 下验签和解密都通过，而不是当前配置（{configured}）；请设置 NONTAX_PROFILE={profile}{settings}（docs/PROTOCOL.md §7）',
  DISCOVERY_DECRYPTS_ONLY: '这次推送能在配置 {name} 下解密，而不是当前配置（{configured}），但没有匹配的签名算法（微信的签名测试本来就是这样）；可以试试：npm run captures -- discover {id}',
  DISCOVERY_NO_MATCH: '用已尝试的密钥（{secrets}），没有任何配置能解密或验签这次推送；下面是它的结构分析',
  DISCOVERY_RSA_NOTE: '混合 RSA 报文（含 key_encrypt_type、key 等字段）没有能打开 "key" 的私钥就无法发现（docs/PROTOCOL.md §6.6）',
  DISCOVERY_KEY_HINT: '如果平台给了你另一个密钥，用 --key K 传入（可重复）；它会同时作为加密密钥和签名密钥尝试',
} as const satisfies Partial<Record<keyof typeof en, string>>
