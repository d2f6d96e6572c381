import { readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { describe, expect, it } from 'vitest'
import { CONFIG_VARS } from '../../src/config.js'
import { configPreflight } from '../../src/preflight/checklist.js'

const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')

// .env.example says "only these names are read": it is the user's list of variables, so it must be complete and exact.
describe('.env.example', () => {
  it('names every variable the tool reads (ENV_FILE, which names the file itself, aside), and no other', () => {
    const names = Object.keys(parseEnv(example)).sort()
    expect(names).toEqual(CONFIG_VARS.filter(n => n !== 'ENV_FILE').sort())
  })

  it('copied as it is, passes the preflight of npm start (empty values count as unset)', () => {
    const env = parseEnv(example)
    const pre = configPreflight({ env, fromFile: new Set(Object.keys(env)), command: 'run', demoKeys: false })
    expect(pre.config.mode).toBe('embedded')
  })
})
