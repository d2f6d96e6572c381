import type { Reporter, TestModule } from 'vitest/node'

/** Ends the run with a plain "N passed, N failed, N skipped" line, which CI reads in any language. */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd (testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 }
    for (const m of testModules) for (const t of m.children.allTests()) count[t.result().state] += 1
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`)
  }
}
