import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, root), 'utf8')

interface Section { id: string | undefined; level: number; heading: string }

/** The ##/### headings outside code fences, each with the `<!-- section: id -->` comment just above it. */
function sections (markdown: string): Section[] {
  const out: Section[] = []
  let fence = false
  let anchor: string | undefined
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence
    if (fence) continue
    const a = /^<!-- section: ([a-z0-9-]+) -->$/.exec(line)
    if (a) { anchor = a[1]; continue }
    const h = /^(#{2,3}) (.+)$/.exec(line)
    if (h) out.push({ id: anchor, level: h[1]?.length ?? 0, heading: h[2] ?? '' })
    if (line.trim() !== '') anchor = undefined
  }
  return out
}

describe('README.zh-CN.md keeps step with README.md', () => {
  const en = sections(read('README.md'))
  const zh = sections(read('README.zh-CN.md'))

  it('marks every ## and ### heading of both with a section anchor', () => {
    expect(en.filter(s => s.id === undefined).map(s => s.heading)).toEqual([])
    expect(zh.filter(s => s.id === undefined).map(s => s.heading)).toEqual([])
  })

  it('has the same sections at the same levels in the same order', () => {
    const shape = (xs: Section[]) => xs.map(s => `${'#'.repeat(s.level)} ${s.id ?? '?'}`)
    const missingInZh = en.filter(s => !zh.some(z => z.id === s.id)).map(s => s.heading)
    const missingInEn = zh.filter(s => !en.some(e => e.id === s.id)).map(s => s.heading)
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] })
    expect(shape(zh)).toEqual(shape(en))
  })

  it('links each from the top of the other', () => {
    expect(read('README.md').split('\n').slice(0, 5).join('\n')).toContain('(README.zh-CN.md)')
    expect(read('README.zh-CN.md').split('\n').slice(0, 5).join('\n')).toContain('(README.md)')
  })

  it('finds a section that one of them lacks (the check can fail)', () => {
    const cut = read('README.zh-CN.md').replace(/<!-- section: speed -->\n## [^\n]+\n/, '')
    expect(sections(cut).some(s => s.id === 'speed')).toBe(false)
    expect(sections('<!-- section: a -->\n## A\n\n## B\n')).toEqual([{ id: 'a', level: 2, heading: 'A' }, { id: undefined, level: 2, heading: 'B' }])
  })
})
