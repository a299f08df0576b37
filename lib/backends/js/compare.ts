// Equality in time set by the lengths alone: every unit is visited, and the differences are
// ORed together, with no early exit and no branch on the contents.

import { byteLength } from '../../views.js'

/** True iff `a` and `b` hold the same bytes; their lengths are read through the real getter. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  const n = byteLength(a)
  return n === byteLength(b) && sameBytes(a, b, n)
}

/** True iff the first `n` bytes of `a` and `b` (both `n` long) are the same. */
export function sameBytes(a: Uint8Array, b: Uint8Array, n: number): boolean {
  let diff = 0
  let i = 0
  // Eight bytes a step: V8 runs this about 1.5 times as fast as a byte a step.
  for (; i + 8 <= n; i += 8) {
    diff |=
      (a[i] ^ b[i]) | (a[i + 1] ^ b[i + 1]) | (a[i + 2] ^ b[i + 2]) | (a[i + 3] ^ b[i + 3]) |
      (a[i + 4] ^ b[i + 4]) | (a[i + 5] ^ b[i + 5]) | (a[i + 6] ^ b[i + 6]) | (a[i + 7] ^ b[i + 7])
  }
  for (; i < n; i++) diff |= a[i] ^ b[i]
  return diff === 0
}

/**
 * True iff `a` and `b` hold the same UTF-16 code units. The plain loop: V8 runs it faster than
 * one unrolled four units a step.
 */
export function stringsEqual(a: string, b: string): boolean {
  const n = a.length
  if (n !== b.length) return false
  let diff = 0
  for (let i = 0; i < n; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
