/**
 * Why a delivery could not be read or decrypted (src/protocol/cipher.ts, envelope.ts): the capture
 * keeps the English text as inspection.message and the code as inspection.messageFinding.
 */
export const deliveryReasons = {
  DECRYPT_PAD_INVALID: 'pad byte is {padByte}, expected 1..{block}: the key is probably not the one the sender used',
  DECRYPT_LENGTH_INVALID: 'declared message length {declaredLength} bytes exceeds the {available} bytes available: wrong EncodingAESKey, or truncated ciphertext',
  DECRYPT_APPID_MISMATCH: 'appid inside the ciphertext is "{found}", expected "{expected}": the message was encrypted for another account, or WECHAT_APPID is wrong',
  DECRYPT_APPID_NOISE: 'appid inside the ciphertext is {count} unprintable bytes (hex {hex}), so the key is probably wrong, expected "{expected}": the message was encrypted for another account, or WECHAT_APPID is wrong',
  DECRYPT_NOT_UTF8: 'decrypted message is not valid UTF-8',
  CIPHER_SPACES: 'ciphertext contains spaces where base64 has "+": it was form-encoded without escaping "+" (send %2B, or JSON)',
  CIPHER_BAD_CHAR: 'ciphertext is not base64: character {char} at offset {offset}',
  CIPHER_BAD_LENGTH: 'ciphertext is not base64: length {length} is not a positive multiple of 4',
  CIPHER_NOT_BLOCKS: 'ciphertext is {bytes} bytes, not a multiple of the 16-byte AES block: it was truncated or altered',
  ENVELOPE_BODY_EMPTY: 'request body is empty: a delivery carries {"appid","encrypt"}',
  ENVELOPE_NO_CIPHERTEXT: '{format} body has no ciphertext field (looked for {looked}; found {found})',
  ENVELOPE_NO_FIELDS: '{format} body has no ciphertext field (looked for {looked}; found none)',
  ENVELOPE_CONTENT_TYPE: 'content-type "{mime}" is not supported: WeChat sends application/json (also accepted: form-urlencoded, XML)',
  ENVELOPE_UNPARSEABLE: '{format} body does not parse: {detail}',
  PROFILE_BODY_EMPTY: 'request body is empty: this profile expects a {format} body',
  PROFILE_NO_CIPHERTEXT: 'no ciphertext in {in} field "{name}" (body fields: {fields})',
  PROFILE_NO_BODY_FIELDS: 'no ciphertext in {in} field "{name}" (body fields: none)',
  PAYLOAD_TOO_DEEP: 'decrypted message nests {depth} levels deep, more than the {max} this receiver parses; kept as text only',
  PAYLOAD_NOT_JSON: 'decrypted message is not JSON ({detail}): {start}',
  PAYLOAD_NOT_OBJECT: 'decrypted message is JSON but not an object: {start}',
} as const
