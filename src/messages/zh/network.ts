import type { network as en } from '../en/network.js'

/** 网络故障，用人能据此行动的话说出来（src/wechat/network-error.ts、src/net/send-request.ts）。 */
export const network = {
  NET_TIMEOUT: '{timeoutMs} 毫秒内没有完整应答{codeSuffix}',
  NET_TLS: 'TLS 握手失败（{code}：{detail}）：证书不受信任（自签名？）或与主机名不符',
  NET_ECONNREFUSED: '连接被拒绝：该主机和端口上没有程序在监听（ECONNREFUSED）',
  NET_ENOTFOUND: '主机名无法解析（DNS）（ENOTFOUND）',
  NET_EAI_AGAIN: 'DNS 查询暂时失败（EAI_AGAIN）',
  NET_ECONNRESET: '连接被对方或代理重置（ECONNRESET）',
  NET_EHOSTUNREACH: '没有到该主机的路由（EHOSTUNREACH）',
  NET_ENETUNREACH: '网络不可达（ENETUNREACH）',
  NET_UND_ERR_SOCKET: '对方在应答前关闭了连接（UND_ERR_SOCKET）',
  NET_OTHER: '{detail}{codeSuffix}',
  SEND_TIMEOUT: '{timeoutMs} 毫秒后超时：{url} 没有应答',
  SEND_ECONNREFUSED: 'ECONNREFUSED：{origin} 上没有程序在监听；请启动你的处理程序或改正地址',
  SEND_ENOTFOUND: 'ENOTFOUND：{origin} 的主机名无法解析；请启动你的处理程序或改正地址',
  SEND_EAI_AGAIN: 'EAI_AGAIN：{origin} 的 DNS 查询暂时失败；请启动你的处理程序或改正地址',
  SEND_EHOSTUNREACH: 'EHOSTUNREACH：没有到 {origin} 所在主机的路由；请启动你的处理程序或改正地址',
  SEND_ENETUNREACH: 'ENETUNREACH：{origin} 网络不可达；请启动你的处理程序或改正地址',
  SEND_ECONNRESET: 'ECONNRESET：处理程序没有应答就重置了连接',
  SEND_EPIPE: 'EPIPE：处理程序在请求体发送过程中关闭了连接',
  SEND_UND_ERR_SOCKET: 'UND_ERR_SOCKET：处理程序没有应答就关闭了连接',
  SEND_TLS: '{code}：{origin} 的 TLS 证书不受信任或与主机名不符；自签名证书请用 NODE_EXTRA_CA_CERTS=<其 CA 文件> 启动，或在本机回环地址上改用 http://',
  SEND_OTHER: '{codePrefix}{detail}',
  SEND_STATUS_UNRELAYABLE: 'HTTP {status}：你的处理程序返回的状态码不在 100-599 之内，无法原样转发，发送方因此收到 299；请返回 HTTP 200',
  SEND_NOT_SENT: '未发送：{first}',
} as const satisfies Partial<Record<keyof typeof en, string>>
