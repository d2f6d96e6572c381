import type { Inspection } from '../protocol/inspect.js'

/**
 * The vocabulary of WeChat's mock APIs (docs/PROTOCOL.md §4, "The two version: 1 deliveries"): which tests a
 * version sends, what each one is, and the errcode each expects. The emulator (what it sends), the
 * receiver (which test a delivery looks like), the verdict and `check` all read it from here.
 */
export type MockTest = 'crypto' | 'signature' | 'other'

export interface MockTestSpec {
  /** What the delivery is, in docs/PROTOCOL.md §4 terms. */
  sent: string
  /** The errcode a correct handler answers. */
  expectedErrcode: 0 | 300
}

/** The tests a mock API actually sends; 'other' is only ever a guess about a received delivery. */
export type SentTest = Exclude<MockTest, 'other'>

export const MOCK_TESTS: Readonly<Record<SentTest, MockTestSpec>> = {
  crypto: { sent: 'correctly encrypted and signed', expectedErrcode: 0 },
  signature: { sent: 'correctly encrypted, msg_signature deliberately wrong', expectedErrcode: 300 },
}

/**
 * version 1: the crypto test, then the signature test (WeChat notifies twice). Any other version: one
 * correctly signed delivery, i.e. a crypto test; WeChat does not document it, so this is assumed.
 */
export function testsFor (version: number): SentTest[] {
  return version === 1 ? ['crypto', 'signature'] : ['crypto']
}

export const expectedDeliveries = (version: number): number => testsFor(version).length

/** undefined for 'other': a delivery that is neither test has no expected answer. */
export function expectedErrcodeOf (test: SentTest): 0 | 300
export function expectedErrcodeOf (test: MockTest): 0 | 300 | undefined
export function expectedErrcodeOf (test: MockTest): 0 | 300 | undefined {
  return test === 'other' ? undefined : MOCK_TESTS[test].expectedErrcode
}

/** Which test a received delivery looks like: signed and decrypts → crypto; decrypts but the signature is wrong → signature. */
export function mockTestOf (i: Pick<Inspection, 'signature' | 'decryption'>): MockTest {
  if (i.signature?.ok && i.decryption?.ok) return 'crypto'
  if (i.signature?.reason === 'SIGNATURE_MISMATCH' && i.decryption?.ok) return 'signature'
  return 'other'
}
