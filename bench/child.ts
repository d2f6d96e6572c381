import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface MemorySample {
  rssBytes: number
  heapUsedBytes: number
  /** V8 heap reserved, used or not: where RSS goes when the young generation grows under load. */
  heapTotalBytes: number
  /** Buffers and other memory outside the V8 heap. */
  externalBytes: number
  maxRssBytes: number
  /** CPU time used so far (user + system). */
  cpuUs: number
  /** Of which in the kernel (socket writes, fdatasync, …). */
  cpuSysUs: number
}

export interface ServerChild {
  url: string
  pid: number
  /** Forces a GC in the child first, so growth means retained memory, not GC timing. */
  probe (): Promise<MemorySample>
  stop (): Promise<void>
}

type Message = { type: 'listening'; url: string } | ({ type: 'memory' } & MemorySample)

/** Runs a bench server in its own process, so its RSS is its own; talks over IPC. */
export async function startServerChild (script: string, env: Record<string, string>, cpuProfDir?: string): Promise<ServerChild> {
  const path = fileURLToPath(new URL(`./servers/${script}`, import.meta.url))
  // BENCH_NODE_FLAGS="--trace-gc" and the like, for digging into one server.
  const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)
  const flags = ['--import', 'tsx', '--expose-gc', ...extra, ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [])]
  const child = spawn(process.execPath, [...flags, path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const next = (type: Message['type']) => new Promise<Message>((resolve, reject) => {
    const onMessage = (m: Message) => { if (m.type === type) { cleanup(); resolve(m) } }
    const onExit = (code: number | null) => { cleanup(); reject(new Error(`${script} exited with ${code} before "${type}"`)) }
    const cleanup = () => { child.off('message', onMessage); child.off('exit', onExit) }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
  const listening = await next('listening') as Extract<Message, { type: 'listening' }>
  return {
    url: listening.url,
    pid: child.pid ?? 0,
    async probe () {
      const reply = next('memory')
      child.send({ type: 'memory' })
      const { rssBytes, heapUsedBytes, heapTotalBytes, externalBytes, maxRssBytes, cpuUs, cpuSysUs } = await reply as MemorySample
      return { rssBytes, heapUsedBytes, heapTotalBytes, externalBytes, maxRssBytes, cpuUs, cpuSysUs }
    },
    async stop () {
      child.send({ type: 'stop' })
      await exited
    },
  }
}

export type { ChildProcess }
