/**
 * What the grader (src/grade/) says about a handler's answer: fixes, reasons for a FAIL, notes for a
 * WARN. `{@CODE}` inside a template is replaced by that entry, so every explanation names the same fix.
 */
export const grade = {
  FIX_VERIFY: 'compute {signature} (each value exactly as received), compare it with {sigField} in constant time, and answer 300 before decrypting',
  FIX_TOKEN: 'its Token differs from the one check signs with (NONTAX_TOKEN / --token), or it signs other strings: {signature}, each value exactly as received',
  FIX_KEY: 'its {keySecret} or appid differs from check\'s ({keyVar}, WECHAT_APPID / --aes-key, --token, --appid), or it decrypts differently: {cipher}; key = {keySource}',
  FIX_TOKEN_RECEIVER: 'its Token differs from this receiver\'s NONTAX_TOKEN, which verified the delivery, or it signs other strings: {signature}, each value exactly as received',
  FIX_KEY_RECEIVER: 'its {keySecret} or appid differs from this receiver\'s ({keyVar}, WECHAT_APPID), which decrypted the delivery, or it decrypts differently: {cipher}; key = {keySource}',
  FIX_ENVELOPE: 'read {envelope}',
  FIX_ERRCODE_BODY: 'WeChat reads {"errcode","errmsg"} from a JSON body; catch framework errors (body parse, content type, size) and answer HTTP 200 with the errcode',

  GRADE_NO_ANSWER: '{error}',
  GRADE_TIMEOUT: '{error}: WeChat gives up and retries; answer within a few seconds and do slow work after answering',
  GRADE_NO_ERRCODE: 'your handler answered HTTP {status} with {what}. {@FIX_ERRCODE_BODY}{want}',
  GRADE_NO_ERRCODE_FRAMEWORK: 'your handler answered HTTP {status} with {what}: the request was refused before your code ran (a framework error page). {@FIX_ERRCODE_BODY}{want}',
  GRADE_ACCEPTED: 'your handler answered 0 (success) where docs/PROTOCOL.md §4 expects {expected}: it accepted a delivery it must reject',
  GRADE_REJECTED: 'your handler answered {errcode} ({name}) where docs/PROTOCOL.md §4 expects {expected}',
  GRADE_MISSED_300: 'your handler rejected a correctly signed delivery as a signature error (300): {@FIX_TOKEN}',
  GRADE_MISSED_298: 'your handler could not decrypt a correct delivery (298): {@FIX_KEY}',
  GRADE_MISSED_300_FORWARDED: 'your handler rejected a correctly signed delivery as a signature error (300): {@FIX_TOKEN_RECEIVER}',
  GRADE_MISSED_298_FORWARDED: 'your handler could not decrypt a correct delivery (298): {@FIX_KEY_RECEIVER}',
  GRADE_MISSED_210: 'your handler called a correct delivery malformed (210): {@FIX_ENVELOPE}',
  GRADE_MISSED_299: 'your handler reported its own system error (299) for a correct delivery: WeChat retries it; look at the handler\'s log for the exception',
  GRADE_ANSWER_UNUSABLE: 'your handler answered 0 but WeChat cannot use the answer: {problems}. Answer {"errcode":0,"errmsg":"ok","data","timestamp","nonce","msg_signature"}: data = the answer JSON encrypted as a delivery ({cipherMode}, key = {keySource}), msg_signature = {sigAlg} over token, timestamp, nonce and data signed the way a delivery is ({signature}), with the same key, appid and token',

  NOTE_LATITUDE: 'acceptable, with a warning (docs/PROTOCOL.md §8)',
  NOTE_HTTP_STATUS: 'HTTP {status}: docs/PROTOCOL.md §4 answers HTTP 200 and puts the outcome in errcode (WeChat\'s handling of other statuses is undocumented)',
  NOTE_REJECTION_WITH_DATA: 'the answer to a rejected delivery carries data; docs/PROTOCOL.md §4 answers failures without data',
  NOTE_NO_ECHO: 'answer data {data} does not echo {missing} (docs/PROTOCOL.md §4: a payment notification is answered {"order_id","status"})',
  NOTE_ANSWER: '{text}',
  NOTE_ACCEPTED_ALTHOUGH: 'accepted although {items} (docs/PROTOCOL.md §8 allows either answer)',
  NOTE_VERIFY_FIRST: 'both the signature and the decryption fail; answering 298 means the handler decrypts before it verifies: verify first',
  NOTE_NOT_BASE64_210: 'docs/PROTOCOL.md §4 answers 298 for ciphertext that is not base64; 210 still rejects it',
  NOTE_SNIFFED_UNSUPPORTED: 'the handler sniffed an unsupported content type and accepted it (docs/PROTOCOL.md §8 allows it)',
  NOTE_NOT_GRADED_299: 'the debugger itself failed on this delivery; not graded',

  WHY_SIGNATURE_TEST_ACCEPTED: 'your handler answered 0 to WeChat\'s signature test, a delivery whose {sigField} is wrong: it does not verify signatures; {@FIX_VERIFY}',
} as const
