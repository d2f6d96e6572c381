import type { profileConfig as en } from '../en/profile-config.js'

/** NONTAX_PROFILE / NONTAX_EMULATE_PROFILE 的配置问题。 */
export const profileConfig: Record<keyof typeof en, string> = {
  PROFILE_FILE_UNREADABLE: '{variable}={value}：无法读取 {file}（{reason}）；请给出配置名称、JSON 描述，或 @ 加一个可读的文件',
  PROFILE_UNKNOWN_NAME: '{variable}：没有名为 "{name}" 的配置；已命名的配置有 {names}（或给出 JSON 描述，见 docs/PROTOCOL.md §5）',
  PROFILE_BAD_JSON: '{variable} 以 "{" 开头，但不是有效的 JSON（JSON 解析器报告："{detail}"）；请检查引号、逗号和括号，或改用配置名称（docs/PROTOCOL.md §5）',
  PROFILE_FIELD_ONE_OF: '{variable}：{field} 的值是 {got}；它只能是 {allowed} 之一（docs/PROTOCOL.md §5）',
  PROFILE_FIELD_MISSING: '{variable}：缺少 {field}；请补上（类型 {expected}，docs/PROTOCOL.md §5）',
  PROFILE_FIELD_MISSING_ONE_OF: '{variable}：缺少 {field}；请补上，取值为 {allowed} 之一（docs/PROTOCOL.md §5）',
  PROFILE_FIELD_TYPE: '{variable}：{field} 的值是 {got}；它必须是 {expected} 类型（docs/PROTOCOL.md §5）',
  PROFILE_FIELD_UNKNOWN_KEYS: '{variable}：{field} 中有描述不认识的键（{keys}）；请删除或检查拼写（docs/PROTOCOL.md §5）',
  PROFILE_FIELD_EMPTY: '{variable}：{field} 为空；请至少列出一个值（docs/PROTOCOL.md §5）',
  PROFILE_FIELD_NAME_FORMAT: '{variable}：{field} 的值是 {got}；字段名只能由字母、数字、_ . - 组成，且以字母开头',
  PROFILE_FIELD_INVALID: '{variable}：{field} 无效（校验器报告："{detail}"）；见 docs/PROTOCOL.md §5',
  PROFILE_ECB_IV: '{variable}：{field}：AES-256-ECB 没有 IV：请写 "iv": "none"',
  PROFILE_CBC_IV: '{variable}：{field}：AES-256-CBC 需要 IV："key"（密钥的前 16 字节）或 "prefix"',
  PROFILE_GCM_IV: '{variable}：{field}：AES-256-GCM 每条消息需要新的 nonce：请写 "iv": "prefix"（密文前 12 字节，tag 在密文后）',
  PROFILE_SIGNED_NEEDS_FIELD: '{variable}：{field}：签名包含 {value}，因此 fields.{value} 必须说明它在哪里传递',
  PROFILE_KV_TOKEN: '{variable}：{field}：k=v 形式的签名会追加 "&key=<secret>"；请把 "token" 从 "over" 中去掉',
  PROFILE_OVER_TWICE: '{variable}：{field}：有值列了两次；每个值只列一次',
  PROFILE_KEY_CONSOLE: 'NONTAX_ENCODING_AES_KEY 必须恰好是 43 个 A-Z、a-z、0-9 字符，与公众号后台生成的一致（收到 {got} 个字符）',
  PROFILE_KEY_BASE64_EQ: '{name} 必须是 43 个 base64 字符（EncodingAESKey），配置 {profile} 这样读取它（key "{form}"，docs/PROTOCOL.md §5）；收到 {got} 个字符',
  PROFILE_KEY_ASCII: '{name} 必须是原样使用的 32 字节，配置 {profile} 这样读取它（key "{form}"，docs/PROTOCOL.md §5）；收到 {got} 字节',
  PROFILE_KEY_HEX: '{name} 必须是 64 个十六进制字符，配置 {profile} 这样读取它（key "{form}"，docs/PROTOCOL.md §5）；收到 {got} 个字符',
  PROFILE_KEY_BASE64: '{name} 必须是 32 字节的 base64（44 个字符，以 "=" 结尾），配置 {profile} 这样读取它（key "{form}"，docs/PROTOCOL.md §5）；收到 {got} 个字符',
  PROFILE_KEY_MD5: '{name} 不能为空，配置 {profile} 这样读取它（key "{form}"，docs/PROTOCOL.md §5）',
}
