import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url)
const json = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Record<string, unknown>

/**
 * npm 11 skips a dependency's install script unless package.json's allowScripts decides it, and ends
 * a fresh `npm install` with a warning asking the user to review it: the first thing a new user
 * saw. Each dependency with an install script is decided here (esbuild's postinstall only checks
 * its binary; tsx runs without it).
 */
describe('a fresh npm install asks the user nothing', () => {
  it('every locked package with an install script has an allowScripts decision in package.json', () => {
    const lock = json('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> }
    const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path.replace(/^.*node_modules\//, ''))
    expect(withScripts.length).toBeGreaterThan(0)
    const decided = Object.keys((json('package.json').allowScripts ?? {}) as Record<string, boolean>).map(k => k.replace(/(.)@.*$/, '$1'))
    expect(withScripts.filter(name => !decided.includes(name))).toEqual([])
  })
})
