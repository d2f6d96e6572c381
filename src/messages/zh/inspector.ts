import type { inspector as en } from '../en/inspector.js'

/** 检查器服务端的文字：日志行和其 API 返回的错误。 */
export const inspector = {
  INSPECTOR_LISTENING: '检查器：打开 {url} 可实时查看推送，并重放、篡改和编辑（仅本机回环地址；INSPECTOR_PORT=0 关闭）',
  INSPECTOR_OFF: '检查器：已关闭（INSPECTOR_PORT=0）',
  INSPECTOR_PORT_IN_USE: '检查器：127.0.0.1 的端口 {port} 已被占用（另一个运行仍未关闭？）；接收端继续运行，但没有检查器。请停止另一个运行，或把 INSPECTOR_PORT 设为空闲端口（或 "auto"）',
  INSPECTOR_NOT_FOUND: '本次运行的捕获库中没有捕获 "{id}"；请刷新列表',
  INSPECTOR_BAD_HOST: '检查器只在 127.0.0.1 或 localhost 上应答（收到 Host "{host}"）：请打开日志中打印的地址',
  INSPECTOR_CROSS_ORIGIN: '已拒绝：操作必须来自检查器页面本身（Origin {origin}，Sec-Fetch-Site {site}）',
  INSPECTOR_NEEDS_JSON: '已拒绝：操作须以 JSON 发送并带 x-inspector 请求头，与检查器页面的做法相同',
  INSPECTOR_BAD_TARGET: '目标必须是 http:// 或 https:// 地址，例如 http://127.0.0.1:3000（收到 "{to}"）',
  INSPECTOR_BAD_TAMPER: '篡改方式必须是以下之一：{tampers}',
  INSPECTOR_BAD_EDIT: '编辑是一个 字段 → 值 的对象，例如 {"set": {"order_id": "NT1"}}',
  INSPECTOR_NOTHING_TO_CHANGE: '没有要修改的内容：请至少填写一个字段',
  INSPECTOR_SET_SYNTAX: '--set 需要 字段=值，字段名为普通名称，例如 --set order_id=NT123（收到 "{text}"）',
  INSPECTOR_NOT_A_NUMBER: '{name} 在明文中是数字；"{value}" 不是数字',
  INSPECTOR_BAD_TOKEN: 'Token 只能包含字母和数字',
  INSPECTOR_BAD_AES_KEY: 'EncodingAESKey 是 43 位字母和数字（收到 {length} 个字符）',
  INSPECTOR_BAD_APPID: 'appid 只能包含字母、数字、"_" 和 "-"',
  INSPECTOR_INTERNAL: '检查器出错：原因见日志',
  INSPECTOR_NOT_DECRYPTED: '捕获 {id} 没有可编辑的解密明文（用配置的 EncodingAESKey 解密失败）；编辑需要明文',
  INSPECTOR_PLAINTEXT_NOT_OBJECT: '捕获 {id}：解密后的明文不是 JSON 对象，无法设置字段',
  INSPECTOR_SEND_FAILED: '无法发送到 {origin}：{cause}；接收端是否在那里运行，地址是否正确？',
  INSPECTOR_NO_VERDICT: '没有结论：npm run serve 不会触发测试推送（npm start 才会）',
} as const satisfies Partial<Record<keyof typeof en, string>>
