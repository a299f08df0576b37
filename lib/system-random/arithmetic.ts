// The arithmetic behind the draws: Python's float semantics where JavaScript's differ, exact
// log-factorial ratios for BTRS, bisection over cumulative totals, and a sparse index map.

/** Python's float `x % m` for `m > 0`: in `[0, m]` (`m` itself when `x` is a hair below 0). */
export function pyMod(x: number, m: number): number {
  const r = x % m
  return r < 0 ? r + m : r === 0 ? 0 : r
}

/** Python's float `**` for the non-negative bases random.py uses: `1 ** inf` is 1 there. */
export function pyPow(x: number, y: number): number {
  return x === 1 ? 1 : x ** y
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI)

// Stirling's correction fc(k) = log(k!) - ((k + 0.5) log(k + 1) - (k + 1) + log(2 pi) / 2), from
// exact factorials up to 22! (their odd parts stay below 2**53), then by its series, whose terms
// past (k + 1)**-9 are below 1e-17 from there on.
const CORRECTIONS = ((): number[] => {
  const table: number[] = []
  let factorial = 1
  for (let k = 0; k <= 22; k++) {
    if (k > 0) factorial *= k
    table.push(Math.log(factorial) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI))
  }
  return table
})()

function stirlingCorrection(k: number): number {
  if (k <= 22) return CORRECTIONS[k]
  const y = k + 1
  const y2 = y * y
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * y2)) / y2) / y2) / y2) / y
}

/**
 * log(b! / a!) for integers a, b >= 0, that is lgamma(b + 1) - lgamma(a + 1), with no
 * cancellation between the two: near 2**53 each lgamma is about 3e17, where a double's spacing is
 * 64, while the difference needed is a few units.
 */
export function logFactorialRatio(a: number, b: number): number {
  const d = b - a
  const stirling = (b + 0.5) * Math.log1p(d / (a + 1)) + d * (Math.log(a + 1) - 1)
  return stirling + stirlingCorrection(b) - stirlingCorrection(a)
}

/** The first index in `[lo, hi]` whose cumulative value exceeds `x` (Python's bisect_right). */
export function bisectRight(cumulative: ArrayLike<number>, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (x < cumulative[mid]) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** `ceil(a / b)` for safe integers `a`, `b` of one sign, exactly. */
export function ceilDiv(a: number, b: number): number {
  const rest = a % b
  return (a - rest) / b + (rest === 0 ? 0 : 1)
}

/** A map from index to index, where an index not set maps to itself. */
export interface IndexMap {
  get(key: number): number
  set(key: number, value: number): void
}

/**
 * A map from index to index, where an index not set maps to itself, for up to `entries` entries:
 * split over several Maps of at most `perMap`, since V8 caps one Map at 2**24 entries.
 */
export function indexMap(entries: number, perMap = 2 ** 23): IndexMap {
  const maps = Array.from({ length: Math.ceil(entries / perMap) || 1 }, () => new Map<number, number>())
  const of = (key: number) => maps[key % maps.length]
  return {
    get: (key) => {
      const value = of(key).get(key)
      return value === undefined ? key : value
    },
    set: (key, value) => {
      of(key).set(key, value)
    },
  }
}
