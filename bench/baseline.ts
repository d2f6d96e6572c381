import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The last commit before the delivery-path speed work (issue 8): "today's receiver" in the report. */
export const DEFAULT_BASELINE = '3fa5ae1'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface Baseline { rev: string; commit: string; root: string; remove (): void }

/**
 * Checks the baseline commit out into a throwaway git worktree, sharing this checkout's
 * node_modules, so the old receiver runs in the same bench, on the same machine, minutes apart.
 * Undefined (with the reason) when this is not a git checkout or the commit is unknown.
 */
export function checkoutBaseline (rev: string): Baseline | string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  let commit: string
  try {
    commit = git('rev-parse', '--verify', `${rev}^{commit}`)
  } catch {
    return `no baseline: ${rev} is not a commit of this checkout (a git clone with history is needed)`
  }
  const root = join(mkdtempSync(join(tmpdir(), 'nontax-bench-baseline-')), 'tree')
  git('worktree', 'add', '--detach', '--quiet', root, commit)
  if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  return {
    rev, commit, root: root + '/',
    remove () {
      try { git('worktree', 'remove', '--force', root) } catch {}
      rmSync(join(root, '..'), { recursive: true, force: true })
      try { git('worktree', 'prune') } catch {}
    },
  }
}
