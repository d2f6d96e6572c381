/** Texts shared by every area: errcode meanings (docs/PROTOCOL.md §2). */
export const common = {
  ERRCODE_0: 'ok',
  ERRCODE_210: 'data format error',
  ERRCODE_232: 'payment notice already paid',
  ERRCODE_236: 'payment not allowed at this bank',
  ERRCODE_298: 'decryption failed',
  ERRCODE_299: 'system error',
  ERRCODE_300: 'signature error',
} as const
