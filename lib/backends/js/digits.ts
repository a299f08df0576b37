// Random hex and base64url text, made as uniform digits rather than as the encoding of random
// bytes: the same distribution (the base64url of n random bytes is uniform sextets, the last one
// with only its top bits random when n is not a multiple of 3), but made four digits a step, in
// bulk. Small requests come from a pool of ready digits, refilled 32 KiB at a time (nanoid's
// design: one call to the OS serves hundreds of tokens); each digit is handed out once and
// zeroed as soon as it is read. Built-ins are the ones taken at load (builtins.ts).

import { bufferOf, byteLengthOf, byteOffsetOf, fill as wipe, lengthOf, subarray } from '../../builtins.js'
import { allocate, ascii, osRandom } from '../../platform.js'
import { hexDigit, hexLanes, hexValue, urlsafeDigit, urlsafeLanes, urlsafeValue } from './encode.js'

/** `digits` as eight-byte units, for zeroing: it starts at 0 of a buffer of its own. */
const zerosOf = (digits: Uint8Array) => new Float64Array(bufferOf(digits), 0, byteLengthOf(digits) >>> 3)
const wordsOf = (digits: Uint8Array) => new Uint32Array(bufferOf(digits), byteOffsetOf(digits), byteLengthOf(digits) >>> 2)

/**
 * Fills `digits` (a length that is a multiple of 16) with uniform hex digits: random bytes into
 * its second half, then each word of them spread forward into two words of digits, one nibble a
 * digit. A word is always read before the writes reach it.
 */
function randomHex(digits: Uint8Array): void {
  const words = wordsOf(digits)
  const half = lengthOf(words) >>> 1
  osRandom(subarray(digits, 4 * half))
  for (let j = 0; j < half; j++) {
    const x = words[half + j]
    words[2 * j] = hexLanes((x >>> 4) & 0x0f0f0f0f)
    words[2 * j + 1] = hexLanes(x & 0x0f0f0f0f)
  }
}

/**
 * Fills `digits` (a length that is a multiple of 16) with uniform base64url digits: random bytes
 * into its last three quarters, then each three words of them (96 bits) spread forward into four
 * words of digits: the low six bits of each byte lane, and a fourth word of the lanes' top bits.
 */
function randomUrlsafe(digits: Uint8Array): void {
  const words = wordsOf(digits)
  const base = lengthOf(words) >>> 2
  osRandom(subarray(digits, 4 * base))
  for (let k = 0; k < base; k++) {
    const x = words[base + 3 * k]
    const y = words[base + 3 * k + 1]
    const z = words[base + 3 * k + 2]
    words[4 * k] = urlsafeLanes(x & 0x3f3f3f3f)
    words[4 * k + 1] = urlsafeLanes(y & 0x3f3f3f3f)
    words[4 * k + 2] = urlsafeLanes(z & 0x3f3f3f3f)
    words[4 * k + 3] = urlsafeLanes(((x >>> 6) & 0x03030303) | ((y >>> 4) & 0x0c0c0c0c) | ((z >>> 2) & 0x30303030))
  }
}

/** Keeps only the bits of `mask` of the digit at `i`: the same digit, when `mask` keeps all. */
export type Restrict = (digits: Uint8Array, i: number, mask: number) => void
const restrictHex: Restrict = (d, i, mask) => {
  d[i] = hexDigit(hexValue(d[i]) & mask)
}
const restrictUrlsafe: Restrict = (d, i, mask) => {
  d[i] = urlsafeDigit(urlsafeValue(d[i]) & mask)
}

const POOL = 32768
/** Requests of up to this many digits come from the pool; larger ones get a buffer of their own. */
export const POOLED = POOL / 4

/** `m` digits, the one at `at` keeping only the bits of `mask`. */
export type Text = (m: number, at: number, mask: number) => string

/**
 * Digits from `fill` (which fills a whole buffer, a multiple of 16 long), pooled for requests of up
 * to POOLED digits. `restrict` is skipped for a `mask` of `full`, which keeps every digit as it is.
 *
 * Requests start on a multiple of 4, and the digits handed out (and the up to 3 after them,
 * which no request will get) are zeroed 8 bytes a store, through a Float64Array view (a zero
 * double is eight zero bytes), from the multiple of 8 at or below the start (the 4 bytes before
 * a start that is not one were handed out before, and are zero), with one word store at the end
 * when it is not a multiple of 8. For a token's few words, a call to `fill` costs about twice
 * what these stores do, and as much as the digits' arithmetic.
 *
 * `fill` may run code that is not ours (a getter put on a built-in that the platform's CSPRNG
 * reads), and a token that code asks for meanwhile must not take digits the interrupted call is
 * about to hand out, nor zero them under its feet. So a refill fills a buffer that is not yet
 * the pool's and only then swaps it in: the inner call finds the pool as it was and refills a
 * buffer of its own. Two buffers take turns; the one swapped out is wiped.
 */
export function digitPool(fill: (digits: Uint8Array) => void, restrict: Restrict, full: number): Text {
  let digits: Uint8Array = new Uint8Array(POOL)
  let zeros = zerosOf(digits)
  let words = wordsOf(digits)
  let next = POOL
  let spare: Uint8Array | undefined

  function refill(): void {
    const fresh = spare ?? new Uint8Array(POOL)
    spare = undefined
    try {
      fill(fresh)
    } catch (error) {
      wipe(fresh, 0)
      throw error
    }
    wipe(digits, 0, next)
    spare = digits
    digits = fresh
    zeros = zerosOf(fresh)
    words = wordsOf(fresh)
    next = 0
  }

  return (m, at, mask) => {
    if (m <= POOLED) {
      const span = (m + 3) & ~3
      if (next + span > POOL) refill()
      // From here to the return, nothing runs code that is not ours (builtins.ts).
      const from = digits
      const zero = zeros
      const word = words
      const start = next
      next = start + span
      if (mask !== full) restrict(from, start + at, mask)
      const out = ascii(from, start, start + m)
      const end = start + span
      for (let i = start >>> 3; i < end >>> 3; i++) zero[i] = 0
      if ((end & 4) !== 0) word[(end >>> 2) - 1] = 0
      return out
    }
    const own = allocate((m + 15) & ~15)
    try {
      fill(own)
      restrict(own, at, mask)
      return ascii(own, 0, m)
    } finally {
      wipe(own, 0)
    }
  }
}

const hex = digitPool(randomHex, restrictHex, 15)
const urlsafe = digitPool(randomUrlsafe, restrictUrlsafe, 0x3f)

/** `m` uniform hex digits. */
export const hexText = (m: number): string => hex(m, 0, 15)

/** The top bits of the last sextet that `n mod 3` leftover bytes fill: all six when none are left. */
const LAST_MASK = [0x3f, 0x30, 0x3c]

/** A base64url token of `n` bytes: `ceil(4n / 3)` uniform digits, the last as the bytes fill it. */
export function urlsafeText(n: number): string {
  const m = Math.ceil((4 * n) / 3)
  return m === 0 ? '' : urlsafe(m, m - 1, LAST_MASK[n % 3])
}

/** `count` base64url tokens of `n >= 1` bytes, one after another in one string. */
export function urlsafeRun(count: number, n: number): string {
  const w = Math.ceil((4 * n) / 3)
  const m = count * w
  const own = allocate((m + 15) & ~15)
  try {
    randomUrlsafe(own)
    for (let i = w - 1; i < m; i += w) restrictUrlsafe(own, i, LAST_MASK[n % 3])
    return ascii(own, 0, m)
  } finally {
    wipe(own, 0)
  }
}
