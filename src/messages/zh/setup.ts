import type { setup as en } from '../en/setup.js'

/** 运行环境未就绪（退出码 2）：捕获目录、当前用户不能使用的文件、无法解析的 HOST。 */
export const setup = {
  CAPTURE_DIR_NOT_DIR: 'CAPTURE_DIR "{dir}" 不是目录（{path} 是一个文件）：请把 CAPTURE_DIR 指向一个目录，例如 CAPTURE_DIR=./captures（不存在时会自动创建）',
  CAPTURE_DIR_NOT_WRITABLE: '当前用户无法写入 CAPTURE_DIR "{dir}"（{path}：{cause}）：每次推送都会被应答 299（系统错误），且都不会被记录。请修正 {path} 的属主或权限（用 sudo 运行过会让它属于 root），或把 CAPTURE_DIR 指向当前用户可写的目录，例如 CAPTURE_DIR=./captures',
  FILE_ACCESS: '无法使用 {path}（{syscall} 出错：{cause}）：当前用户无权读写它，或它不是预期的文件类型。请修正它的属主或权限（用 sudo 运行时创建的文件属于 root），或让指定它的设置（CAPTURE_DIR、TLS_CERT_FILE、TLS_KEY_FILE、--set-file）指向别处',
  LISTEN_HOST_UNKNOWN: '无法监听：{detail}。本机无法解析 HOST 这个名称：请在 .env 中设置 HOST=127.0.0.1（或 0.0.0.0，或本机的某个地址）。',
  TLS_PAIR_INVALID: 'TLS_CERT_FILE={certFile} 和 TLS_KEY_FILE={keyFile} 不是一对 PEM 证书和它的私钥（{reason}）：TLS_CERT_FILE 应包含 "-----BEGIN CERTIFICATE-----"，TLS_KEY_FILE 应包含与之配对的 "-----BEGIN … PRIVATE KEY-----"（不要对调，且来自同一对）；"npm run certs -- --force" 会在 certs/ 中写入一对新的自签名证书',
  NO_PUBLIC_URL: '微信需要一个可以推送到的公网 URL，但没有配置。\n请先启动一个通往本接收端（PORT {port}）的隧道，再把 .env 中的 PUBLIC_URL 设为它的 https 地址：\n  ngrok http {port}                                  （之后会自动检测到 PUBLIC_URL）\n  cloudflared tunnel --url http://127.0.0.1:{port}   （把 https://….trycloudflare.com 地址复制到 PUBLIC_URL）',
} as const satisfies Record<keyof typeof en, string>
