// Equality in time set by the lengths alone: every unit is visited, and the differences are
// ORed together, with no early exit and no branch on the contents.

import { byteLength } from '../../views.js'

/** True iff `a` and `b` hold the same bytes; their lengths are read through the real getter. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  const n = byteLength(a)
  if (n !== byteLength(b)) return false
  let diff = 0
  for (let i = 0; i < n; i++) diff |= a[i] ^ b[i]
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
