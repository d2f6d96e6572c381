import { createRequire } from 'node:module'

/**
 * zod and fast-xml-parser through their CommonJS builds. Why: under `node --import tsx` (how
 * `npm start` runs) every ES module file is a round trip to tsx's loader thread, and the ESM
 * builds of these two are ~94 and ~25 files; the CommonJS builds load in-thread (fast-xml-parser's
 * is one file). Start-up of `npm start -- --once` is a measured target (docs/benchmarks.md).
 * Same packages, same versions, same API.
 */
const require = createRequire(import.meta.url)

export const { z } = require('zod') as typeof import('zod')
export const { XMLParser, XMLValidator } = require('fast-xml-parser') as typeof import('fast-xml-parser')
