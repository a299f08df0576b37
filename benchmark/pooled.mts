// The careful pure-JavaScript design napi-secrets has to beat: nanoid's approach of one
// randomFillSync into a 16 KiB pool, with tokens sliced from it, 15-20x faster than a
// randomBytes call per token. Its encoders are Buffer's, which index tables by secret bytes; its
// comparison is the shortest loop that has no early exit.

import { Buffer } from 'node:buffer'
import { randomFillSync } from 'node:crypto'

const POOL = 16384
const pool = Buffer.allocUnsafeSlow(POOL)
let offset = POOL

function take(n: number): number {
  if (offset + n > POOL) {
    randomFillSync(pool)
    offset = 0
  }
  const start = offset
  offset += n
  return start
}

export function tokenHex(nbytes: number): string {
  const start = take(nbytes)
  return pool.toString('hex', start, start + nbytes)
}

export function tokenUrlsafe(nbytes: number): string {
  const start = take(nbytes)
  return pool.toString('base64url', start, start + nbytes)
}

/** Uniform bigint in [0, n) by rejection over whole bytes of the pool. */
export function randbelowBig(n: bigint): bigint {
  const bits = (n - 1n).toString(2).length
  const nbytes = Math.ceil(bits / 8)
  const excess = BigInt(nbytes * 8 - bits)
  for (;;) {
    const start = take(nbytes)
    const r = BigInt(`0x${pool.toString('hex', start, start + nbytes)}`) >> excess
    if (r < n) return r
  }
}

/** String equality with no early exit: OR of the XORs of every code unit. */
export function compareStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
