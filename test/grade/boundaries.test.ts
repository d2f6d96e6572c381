import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '../../src')
const importsOf = (dir: string) => readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' })
  .filter(f => f.endsWith('.ts'))
  .flatMap(f => [...readFileSync(join(SRC, dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map(m => `${dir}/${f}: ${m[1]}`))

/** Forward mode and `check` both depend on the grader; neither depends on the other. */
describe('module boundaries', () => {
  it.each(['forward', 'grade'])('src/%s imports nothing from src/check/', dir => {
    expect(importsOf(dir).filter(i => i.includes('/check/'))).toEqual([])
  })
})
