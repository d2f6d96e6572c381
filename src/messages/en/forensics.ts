/**
 * Forensics (src/grade/forensics.ts): the numbers behind a FAIL, signatures expected vs received and
 * the details of a failed decryption. `{label}` names what a line is about (one of FX_LABEL_*);
 * `{signature}` is the profile's words for how a signature is made, so a report shows them in its language.
 */
export const forensics = {
  FX_LABEL_ANSWER_SIG: 'answer msg_signature',
  FX_LABEL_ANSWER_DATA: 'answer data',
  FX_LABEL_DELIVERY_SIG: 'delivery {field}',
  FX_LABEL_DELIVERY_CIPHER: 'delivery ciphertext',
  FX_IN_PARAM: ' in "{param}"',
  FX_SIG_MISMATCH: '{label}: expected {expected}, received {received}{inParam}',
  FX_SIG_MISMATCH_NONE: '{label}: expected {expected}, received (none)',
  FX_SIG_INPUTS: '{label} is {signature}: [{parts}]',
  FX_SIG_CAUSE: '{label} likely cause: {cause}',
  FX_DECRYPT_FAILED: '{label}: {reason}: {message} {details}',
  FX_ERROR: '{label}: {message}',
  FX_SENT_SIG: '{label}: sent {received}{inParam}; the correct one is {expected}',
  FX_SENT_NO_SIG: '{label}: sent (none); the correct one is {expected}',
  FX_VERIFIER_SEES: '{label}: a verifying handler computes {signature}: [{parts}] and sees the mismatch',
  FX_SIG_VALID: '{label} is valid ({signature}: [{parts}])',
  FX_DELIVERY_DECRYPTS: 'delivery ciphertext decrypts with {keyOwner}: {cipherBytes} bytes, pad byte {padByte}, message {declaredLength} bytes, appid {appid}',
  FX_KEY_OF_CHECK: 'check\'s key',
  FX_KEY_OF_RECEIVER: 'this receiver\'s key',
  FX_DELIVERY_REJECTED: 'delivery: {reason}: {message}',
} as const
