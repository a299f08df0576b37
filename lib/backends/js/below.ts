// Exact bigint draws with no branch, early exit or table indexed by a secret: bits are drawn as
// 32-bit words, the rejection test of `below` is a borrow chain over every word, and the bigint
// is built from the words by arithmetic whose every step has a length fixed by `k` alone.
// (V8's hex parse of a bigint branches on each digit and looks it up in a table; `<` on bigints stops at the
// first word that differs.) The bound `n` is public; the drawn words are not.

import { lengthOf } from '../../builtins.js'
import { osRandom } from '../../platform.js'
import { createPool } from '../../pool.js'

// Small draws come from a word pool of the backend's own, as the digit pools serve small tokens.
const pool = createPool(osRandom)
const POOLED_BYTES = 4096

/** The bit length of `n >= 0n`: 0 for 0n. For public values only. */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0
  const hex = n.toString(16)
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0], 16)))
}

/** `words` (at least `ceil(k / 32)` of them) filled with a uniform value in `[0, 2**k)`, little-endian. */
function drawWords(words: Uint32Array, k: number): void {
  const count = (k + 31) >>> 5
  // Word by word from the pool: a byte view of a small typed array would make V8 move it off its heap.
  if (4 * count <= POOLED_BYTES) for (let i = 0; i < count; i++) words[i] = pool.word()
  else osRandom(new Uint8Array(words.buffer, 0, 4 * count))
  const top = k & 31
  if (top !== 0) words[count - 1] &= (1 << top) - 1
}

// Lanes of 63 bits, each read as a bigint with a sentinel in its top bit: 2**63 + v is never
// zero and always one 64-bit digit, so V8 takes the same path for every v.
const LANE = 63
const LITTLE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const LO = LITTLE ? 0 : 1

/** 32 bits of `words` from bit `at` on (bits past the end read as the zero word after them). */
const bitsAt = (words: Uint32Array, at: number): number => {
  const i = at >>> 5
  const s = at & 31
  return s === 0 ? words[i] : (words[i] >>> s) | (words[i + 1] << (32 - s))
}

// Taken at load, as builtins.ts takes the rest: code that replaces them later must not run while
// the kept lanes below are half built.
const { ceil, clz32 } = Math
const big = BigInt

// The shift that puts a block of 2**level lanes above the lanes below it.
const SHIFTS = Array.from({ length: 26 }, (_, level) => BigInt(LANE * 2 ** level))

/**
 * Joins the lanes `[from, to)`, hi above lo: `(hi << bl) ^ lo`, lo the largest whole power of
 * two of lanes below the rest, so every shift is one of SHIFTS and at most one part a level is
 * alive at once. The sentinel of lo lands on bit 0 of hi, where the lane was flipped beforehand
 * to meet it; the top sentinel stays, so each join's length is fixed by the lane count alone, and
 * V8 normalises nothing away.
 */
function join(lanes: BigUint64Array, from: number, to: number): bigint {
  const n = to - from
  if (n === 1) return lanes[from]
  if (n === 2) return (lanes[from + 1] << SHIFTS[0]) ^ lanes[from]
  const level = 31 - clz32(n - 1)
  const mid = from + 2 ** level
  return (join(lanes, mid, to) << SHIFTS[level]) ^ join(lanes, from, mid)
}

// The lanes of bigints up to this many bits are built in one buffer kept for them: nothing that
// runs while they are built is code that is not ours, so no other call can find it half full.
const KEPT_LANES = 64
const keptBuffer = new ArrayBuffer(8 * KEPT_LANES)
const keptLanes = new BigUint64Array(keptBuffer)
const keptHalves = new Uint32Array(keptBuffer)

/**
 * The bigint whose `k` bits are `words`' (the bits above k are zero; `words` has spare zero
 * words at its end). Bits below k - 1 fill lanes of 63; the top lane's sentinel sits on bit
 * k - 1 itself, as V8 allows no bigint of more than 2**30 bits, so the join is k bits long, and
 * the last xor sets bit k - 1 to the drawn one: the only step whose length depends on the draw,
 * and then only as the result's own length does.
 */
export function toBigInt(words: Uint32Array, k: number): bigint {
  const top = (words[(k - 1) >>> 5] >>> ((k - 1) & 31)) & 1
  // BigInt(0) is V8's zero, made on a path of its own: 2 or 3, less 2, takes one path for both.
  if (k === 1) return big(2 + top) - 2n
  const count = ceil((k - 1) / LANE)
  const kept = count <= KEPT_LANES
  const buffer = kept ? keptBuffer : new ArrayBuffer(8 * count)
  const lanes = kept ? keptLanes : new BigUint64Array(buffer)
  const halves = kept ? keptHalves : new Uint32Array(buffer)
  try {
    // Bit 0 of every lane but the first is flipped here, where the sentinel of the lane below
    // will land in the join and flip it back.
    halves[LO] = bitsAt(words, 0)
    halves[1 - LO] = (bitsAt(words, 32) & 0x7fffffff) | 0x80000000
    for (let j = 1; j < count; j++) {
      halves[2 * j + LO] = bitsAt(words, LANE * j) ^ 1
      halves[2 * j + 1 - LO] = (bitsAt(words, LANE * j + 32) & 0x7fffffff) | 0x80000000
    }
    // The top lane's sentinel, on bit k - 1; its bits above that are zero.
    const at = k - 1 - LANE * (count - 1)
    const half = 2 * (count - 1) + (at < 32 ? LO : 1 - LO)
    halves[half] = (halves[half] & (at < 32 ? 0xffffffff : 0x7fffffff)) | (2 ** (at & 31))
    if (at < 32) halves[2 * (count - 1) + 1 - LO] = 0
    // Bit k - 1 must end as the drawn bit. A last xor with (1 - top) << (k - 1) would be a xor
    // with V8's zero when top is 1, a shortcut that shows the bit; instead bit k - 2 is flipped
    // here when top is 1, and the last xor is with (2 - top) << (k - 2), never zero: it flips bit
    // k - 2 back when top is 1, and clears the sentinel when top is 0.
    const below = at - 1
    halves[2 * (count - 1) + (below < 32 ? LO : 1 - LO)] ^= top << (below & 31)
    return join(lanes, 0, count) ^ (big(2 - top) << big(k - 2))
  } finally {
    for (let i = 0; i < 2 * count; i++) halves[i] = 0
  }
}

/** Words for `k` bits, and two spare words of zeros: `below` compares one more, `bitsAt` reads past. */
const wordsFor = (k: number) => new Uint32Array(((k + 31) >>> 5) + 2)
const wipe = (words: Uint32Array) => {
  for (let i = 0, n = lengthOf(words); i < n; i++) words[i] = 0
}

/** A uniform bigint in `[0n, 2n ** k)`. */
export function randbits(k: number): bigint {
  if (k === 0) return 0n
  const words = wordsFor(k)
  try {
    drawWords(words, k)
    return toBigInt(words, k)
  } finally {
    wipe(words)
  }
}

/** The 32-bit words of public `n >= 0n`, little-endian, `count` of them. */
function wordsOf(n: bigint, count: number): Uint32Array {
  const hex = n.toString(16)
  const out = new Uint32Array(count)
  for (let i = 0, end = hex.length; end > 0; i++, end -= 8) out[i] = Number.parseInt(hex.slice(end < 8 ? 0 : end - 8, end), 16)
  return out
}

/**
 * 1 iff the `count` words of `a` are below those of `b`: the borrow out of `a - b`, over 16-bit
 * halves so that each difference fits an int32 and `>>> 31` is its borrow. Every word is read,
 * whatever they hold.
 */
export function lessThan(a: Uint32Array, b: Uint32Array, count: number): number {
  let borrow = 0
  for (let i = 0; i < count; i++) {
    borrow = ((a[i] & 0xffff) - (b[i] & 0xffff) - borrow) >>> 31
    borrow = ((a[i] >>> 16) - (b[i] >>> 16) - borrow) >>> 31
  }
  return borrow
}

/** What `below` needs of a bound: public, and kept for the last bound seen, as callers repeat one. */
interface Bound {
  n: bigint
  k: number
  /** The words of `n`, one more than the draw's. */
  words: Uint32Array
}
let last: Bound = { n: 1n, k: 0, words: new Uint32Array(1) }

function boundOf(n: bigint): Bound {
  if (n !== last.n) {
    const k = bitLength(n - 1n)
    last = { n, k, words: wordsOf(n, ((k + 31) >>> 5) + 1) }
  }
  return last
}

/**
 * A uniform bigint in `[0n, n)` for `n >= 1n`: draws of the bits of `n - 1` until one is below
 * `n`. Each try succeeds with probability above one half; whether a try failed shows, and says
 * nothing of the draw that is kept.
 */
export function below(n: bigint): bigint {
  const { k, words: bound } = boundOf(n)
  if (k === 0) return 0n
  const count = (k + 31) >>> 5
  const words = wordsFor(k)
  try {
    for (;;) {
      drawWords(words, k)
      if (lessThan(words, bound, count + 1) === 1) return toBigInt(words, k)
    }
  } finally {
    wipe(words)
  }
}
