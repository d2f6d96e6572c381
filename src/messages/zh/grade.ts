import type { grade as en } from '../en/grade.js'

/**
 * 评判（src/grade/）对处理程序应答的说明：修复方法、FAIL 的原因、WARN 的备注。
 * 模板中的 `{@CODE}` 会替换为该条目，所以每处说明给出的是同一个修复方法。
 */
export const grade = {
  FIX_VERIFY: '计算签名（{signature}；每个值都按收到的原样），与 {sigField} 做常量时间比较；验签失败时先应答 300，再谈解密',
  FIX_TOKEN: '它的 Token 与 check 签名用的不同（NONTAX_TOKEN / --token），或者它签名的字符串不同：签名是 {signature}，每个值都按收到的原样',
  FIX_KEY: '它的 {keySecret} 或 appid 与 check 的不同（{keyVar}、WECHAT_APPID / --aes-key、--token、--appid），或者解密方式不同：{cipher}；key = {keySource}',
  FIX_TOKEN_RECEIVER: '它的 Token 与本接收端验签用的 NONTAX_TOKEN 不同，或者它签名的字符串不同：签名是 {signature}，每个值都按收到的原样',
  FIX_KEY_RECEIVER: '它的 {keySecret} 或 appid 与本接收端解密用的不同（{keyVar}、WECHAT_APPID），或者解密方式不同：{cipher}；key = {keySource}',
  FIX_ENVELOPE: '读取 {envelope}',
  FIX_ERRCODE_BODY: '微信从 JSON 应答体读取 {"errcode","errmsg"}；请捕获框架层错误（请求体解析、content type、大小限制），并以 HTTP 200 加 errcode 应答',

  GRADE_NO_ANSWER: '{error}',
  GRADE_TIMEOUT: '{error}：微信会放弃并重发；请在几秒内应答，耗时的工作放到应答之后做',
  GRADE_NO_ERRCODE: '你的处理程序应答了 HTTP {status}，但{what}。{@FIX_ERRCODE_BODY}{want}',
  GRADE_NO_ERRCODE_FRAMEWORK: '你的处理程序应答了 HTTP {status}，但{what}：请求在你的代码运行之前就被拒绝了（框架的错误页）。{@FIX_ERRCODE_BODY}{want}',
  GRADE_ACCEPTED: '你的处理程序应答了 0（成功），而 docs/PROTOCOL.md §4 期望 {expected}：它接受了一个必须拒绝的推送',
  GRADE_REJECTED: '你的处理程序应答了 {errcode}（{name}），而 docs/PROTOCOL.md §4 期望 {expected}',
  GRADE_MISSED_300: '你的处理程序把一个签名正确的推送当作签名错误（300）拒绝了：{@FIX_TOKEN}',
  GRADE_MISSED_298: '你的处理程序无法解密一个正确的推送（298）：{@FIX_KEY}',
  GRADE_MISSED_300_FORWARDED: '你的处理程序把一个签名正确的推送当作签名错误（300）拒绝了：{@FIX_TOKEN_RECEIVER}',
  GRADE_MISSED_298_FORWARDED: '你的处理程序无法解密一个正确的推送（298）：{@FIX_KEY_RECEIVER}',
  GRADE_MISSED_210: '你的处理程序把一个正确的推送判为数据格式错误（210）：{@FIX_ENVELOPE}',
  GRADE_MISSED_299: '你的处理程序对一个正确的推送报告了自身的系统错误（299）：微信会重发；请查看处理程序日志中的异常',
  GRADE_ANSWER_UNUSABLE: '你的处理程序应答了 0，但微信无法使用这个应答：{problems}。请应答 {"errcode":0,"errmsg":"ok","data","timestamp","nonce","msg_signature"}：data = 应答 JSON 按推送的方式加密（{cipherMode}，key = {keySource}），msg_signature = 对 token、timestamp、nonce 和 data 按推送的方式计算的 {sigAlg} 签名（{signature}），使用相同的密钥、appid 和 token',

  NOTE_LATITUDE: '可以接受，但有警告（docs/PROTOCOL.md §8）',
  NOTE_HTTP_STATUS: 'HTTP {status}：docs/PROTOCOL.md §4 以 HTTP 200 应答，结果放在 errcode 中（微信如何处理其他状态码未见文档）',
  NOTE_REJECTION_WITH_DATA: '对被拒绝推送的应答带有 data；docs/PROTOCOL.md §4 的失败应答不带 data',
  NOTE_NO_ECHO: '应答 data {data} 没有回传 {missing}（docs/PROTOCOL.md §4：支付结果通知应答 {"order_id","status"}）',
  NOTE_ANSWER: '{text}',
  NOTE_ACCEPTED_ALTHOUGH: '虽然{items}，仍被接受（docs/PROTOCOL.md §8 允许两种应答）',
  NOTE_VERIFY_FIRST: '验签和解密都失败；应答 298 说明处理程序先解密后验签：应先验签',
  NOTE_NOT_BASE64_210: 'docs/PROTOCOL.md §4 对非 base64 密文应答 298；210 同样拒绝了它',
  NOTE_SNIFFED_UNSUPPORTED: '处理程序猜测了一个不支持的 content type 并接受了它（docs/PROTOCOL.md §8 允许）',
  NOTE_NOT_GRADED_299: '调试器自身在处理这次推送时出错；不评判',

  WHY_SIGNATURE_TEST_ACCEPTED: '你的处理程序对微信的签名测试应答了 0，而该推送的 {sigField} 是错误的：它没有验签；{@FIX_VERIFY}',
} as const satisfies Partial<Record<keyof typeof en, string>>
