import type { checkReport as en } from '../en/check-report.js'

/** `check` 报告的标签（src/check/report-table.ts）；修复方法本身在 check.ts 和 grade.ts 中。 */
export const checkReport = {
  CHECK_COL_INDEX: '#',
  CHECK_COL_CLASS: '测试类',
  CHECK_COL_SENT: '发送内容',
  CHECK_COL_EXPECTED: '应为',
  CHECK_COL_GOT: '实际',
  CHECK_COL_RESULT: '结果',
  CHECK_LABEL_SENT: '发送',
  CHECK_LABEL_EXPECTED: '应为',
  CHECK_LABEL_GOT: '实际',
  CHECK_LABEL_FIX: '修复',
  CHECK_LABEL_NOTE: '备注',
  CHECK_LABEL_FORENSICS: '取证',
  CHECK_SENT_DETAIL: '{sent}：POST ?{query}，{contentType}，{bytes} 字节',
  CHECK_NO_CONTENT_TYPE: '无 content-type',
  CHECK_NO_ANSWER_AFTER: '{ms} 毫秒后仍无应答',
  CHECK_REPLY_IN: '{reply}，用时 {ms} 毫秒',
  CHECK_REPLY_PROBLEMS: '（{problems}）',
  CHECK_SUMMARY: '共 {total} 类：{pass} 个 PASS，{warn} 个 WARN，{fail} 个 FAIL{notSent}{na}；目标 {target}，用时 {ms} 毫秒',
  CHECK_SUMMARY_NOT_SENT: '，{count} 个未发送',
  CHECK_RESULT_NOT_SENT: '未发送',
  CHECK_PROFILE_LINE: '配置 {profile}：{assumption}',
  CHECK_EXPECTED_LEGEND: '应为：可通过的 errcode，[带警告接受]；0 = errcode 0 且带签名的加密 data',
  CHECK_NOT_SENT: '另有 {count} 类未发送：第一类就没有应答。',
  CHECK_NOT_APPLICABLE: '（{count} 类在配置 {profile} 下不适用）',
} as const satisfies Partial<Record<keyof typeof en, string>>
