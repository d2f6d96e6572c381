import { readFileSync } from 'node:fs'

/**
 * npx tsx bench/profile-summary.ts <file.cpuprofile> [top]
 * Self time per function and per area (our src/, fastify, pino, node internals, GC, idle), from a
 * `node --cpu-prof` profile (what `npm run bench -- --cpu-prof` writes into bench/profiles/).
 */
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export function summarize (p: Profile, top = 25) {
  const byId = new Map(p.nodes.map(n => [n.id, n]))
  const selfUs = new Map<number, number>()
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)))
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
  const fn = new Map<string, number>()
  const area = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const n = byId.get(id)
    if (!n) continue
    const { functionName, url, lineNumber } = n.callFrame
    const key = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`
    fn.set(key, (fn.get(key) ?? 0) + us)
    const a = areaOf(functionName, url)
    area.set(a, (area.get(a) ?? 0) + us)
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const incl = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)
      if (!n || n.callFrame.url === '') continue
      const key = `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
      if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + (p.timeDeltas[i] ?? 0)) }
    }
  })
  const pct = (us: number) => `${(100 * us / total).toFixed(1).padStart(5)}%`
  const sorted = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1])
  return [
    `total ${(total / 1e6).toFixed(2)} s sampled`,
    '', 'by area:', ...sorted(area).map(([k, us]) => `${pct(us)}  ${k}`),
    '', `top ${top} functions by self time:`, ...sorted(fn).slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`),
    '', `top ${top} of our functions by inclusive time:`, ...sorted(incl).filter(([k]) => / src\//.test(k)).slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`),
  ].join('\n')
}

function shortUrl (url: string): string {
  const i = url.indexOf('node_modules/')
  if (i >= 0) return url.slice(i + 'node_modules/'.length)
  const s = url.indexOf('/src/')
  return s >= 0 ? url.slice(s + 1) : url.replace(/^file:\/\//, '')
}

function areaOf (name: string, url: string): string {
  if (name === '(idle)') return 'idle (waiting for I/O)'
  if (name === '(garbage collector)') return 'garbage collector'
  if (name === '(program)') return 'native / not attributed'
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (m) return `package ${m[1]}`
  if (url.includes('/src/')) return `our code: ${url.slice(url.indexOf('/src/') + 1).split('/').slice(0, 2).join('/')}`
  if (url.startsWith('node:')) return `node internals: ${url.slice(5).split('/')[0]}`
  return url ? 'other' : `native: ${name}`
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, top] = process.argv.slice(2)
  if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]')
  process.stdout.write(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25)) + '\n')
}
