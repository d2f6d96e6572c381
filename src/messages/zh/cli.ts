import type { cli as en } from '../en/cli.js'

/** 命令行选项（Node parseArgs 的错误码）、serve 的启动行、TLS 文件。 */
export const cli: Record<keyof typeof en, string> = {
  FLAG_UNKNOWN: '未知选项 {flag}（本命令接受：{known}）',
  FLAG_NEEDS_VALUE: '选项 {flag} 需要一个值（例如 {flag} VALUE）',
  FLAG_TAKES_NO_VALUE: '选项 {flag} 不带值：只写 {flag}',
  FLAG_UNEXPECTED_ARGUMENT: '多余的参数 "{arg}"：本命令只接受选项（见 --help）',
  FLAG_INVALID: '无法读取选项（{detail}）；见 --help',
  CERTS_WROTE: '已写入 {certFile} 和 {keyFile}（为 localhost 和 127.0.0.1 自签名）。用以下设置提供 HTTPS：\n  TLS_CERT_FILE={certFile}\n  TLS_KEY_FILE={keyFile}',
  SERVER_LISTENING: '服务在 {address} 监听',
  SERVE_LISTENING: '正在监听：发到 {url} 的推送会被验签、解密、记录并应答（Ctrl-C 停止）',
  SERVE_LISTENING_FORWARD: '正在监听：发到 {url} 的推送会被记录、转发给 {target}、评判，并把它的应答转回（Ctrl-C 停止）',
  SERVE_STOPPED: '已停止：收到的每次推送都已应答并记录（退出码 {code}）',
  TLS_FILE_UNREADABLE: '无法读取 {name}={file}（{reason}）；运行 "npm run certs" 在 certs/ 中写入一对自签名证书，或让 {name} 指向一个可读的 PEM 文件',
}
