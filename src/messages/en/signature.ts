/** Signature checks of deliveries and answers (src/protocol/signature-check.ts, check's forensics). */
export const signature = {
  SIG_TIMESTAMP_MISSING: 'no "{param}" {where} value: the signature covers the timestamp, so it cannot be checked',
  SIG_NONCE_MISSING: 'no "{param}" {where} value: the signature covers the nonce, so it cannot be checked',
  SIG_MISSING: 'no signature ({looked})',
  SIG_MISSING_FIELD: 'no signature (looked for {in} field {names})',
  SIG_NOT_ITS_SHAPE: 'received "{received}" is not {shape}, the shape of {algorithm}',
  SIG_URL_VERIFICATION_FORMULA: 'the signature was computed over token, timestamp and nonce only (the URL-verification formula); {param} must include the ciphertext',
  SIG_TOKEN_OR_BODY: 'the token differs from the sender\'s, or the body, timestamp or nonce changed after signing',
  SIG_TOKEN_WRONG_BODY_INTACT: 'the ciphertext is intact (it decrypts with your key), so the token is wrong (NONTAX_TOKEN), or the timestamp/nonce are not the ones that were signed',
  SIG_BODY_ALTERED: 'the ciphertext does not decrypt either: the body was altered in transit, or both NONTAX_TOKEN and NONTAX_ENCODING_AES_KEY are wrong (or WeChat uses another scheme: npm run captures -- discover ID)',
  SIG_HEX_CASE: 'signature hex is {got}; this profile emits {emits} (accepted: WeChat documents no case)',
  SIG_ANSWER_TOKEN_DIFFERS: 'the answer data decrypts with check\'s key, so the handler signs with another token than check\'s (NONTAX_TOKEN), or over other strings than the timestamp, nonce and data it put in the answer',
  SIG_ANSWER_SECRETS_DIFFER: 'the answer data does not decrypt with check\'s key either: the handler uses other secrets than check (NONTAX_TOKEN, NONTAX_ENCODING_AES_KEY, WECHAT_APPID)',
  SIG_ANSWER_SIGNED_DELIVERY_CIPHERTEXT: 'the handler signed the delivery\'s ciphertext instead of the answer\'s data',
  SIG_ANSWER_SIGNED_DELIVERY_TS_NONCE: 'the handler signed with the delivery\'s timestamp and nonce, not the timestamp and nonce it put in the answer',
  SIG_ANSWER_COPIED_INPUTS: 'the handler copied the delivery\'s signature inputs (timestamp, nonce, ciphertext) instead of signing its own answer',
} as const
