import type { Catalogue } from '../types.js'
import { common } from './common.js'

/**
 * The English catalogue: one file per area, merged here. Each area's codes are unique
 * across the whole catalogue (a duplicate key fails the completeness test).
 */
export const enAreas = { common } as const

export const en = {
  ...common,
} as const satisfies Catalogue

export type MessageCode = keyof typeof en
