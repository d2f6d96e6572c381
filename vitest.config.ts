import { defineConfig } from 'vitest/config'
import SummaryLineReporter from './test/support/summary-line-reporter.js'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // 2-core CI: real servers per test file; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', new SummaryLineReporter()],
  },
})
