'use strict'

// Python 3.12's random.SystemRandom over the package's CSPRNG. The integer paths (randbelow,
// randrange, randint, getrandbits, and the index draws of choice, choices, shuffle and sample)
// draw exact integers: the word pool's `below` for numbers, native code for bigints. The float
// distributions are Python's algorithms, step for step, over `random()`.

const { constants } = require('node:buffer')
const { invalidArgType, outOfRange, rangeError, show, withCode } = require('./errors.js')
const { choose, sequence, nonEmpty, isArray } = require('./sequence.js')
const { integer, elements, allocate, ensureHeap, MAX_ELEMENTS } = require('./validate.js')

const MAX_SAFE = Number.MAX_SAFE_INTEGER

// Python's constants, computed as Python computes them.
const TWOPI = 2 * Math.PI
const LOG4 = Math.log(4)
const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2)
const SG_MAGICCONST = 1 + Math.log(4.5)

// Gamma shapes from 2**1023 up make Cheng's algorithm compute infinity times zero and reject
// forever (Python hangs there); smaller ones terminate.
const MAX_SHAPE = 2 ** 1023

// ---- argument checks ----

/** `'number'` or `'bigint'`: the kind of integer `value` is, which its siblings must share. */
function kindOf(value, name) {
  if (typeof value === 'number' || typeof value === 'bigint') return typeof value
  throw invalidArgType(name, 'of type number or bigint', value)
}

/** `value` as an integer of `kind`: a number must be a safe integer. */
function integerOf(value, name, kind, first) {
  if (typeof value !== kind) {
    if (typeof value === 'number' || typeof value === 'bigint') {
      throw invalidArgType(name, `of type ${kind}, as "${first}" is`, value)
    }
    throw invalidArgType(name, `of type ${kind}`, value)
  }
  if (kind === 'bigint') return value
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value)
  if (!Number.isSafeInteger(value)) {
    throw outOfRange(name, `a safe integer; pass a bigint for integers beyond ±${MAX_SAFE}`, value)
  }
  return value
}

/** A number parameter of a distribution: TypeError unless a number, RangeError for NaN. */
function real(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value)
  if (Number.isNaN(value)) throw outOfRange(name, 'a number other than NaN', value)
  return value
}

/** A number parameter that Python divides by: zero is a RangeError (ZeroDivisionError there). */
function nonZero(value, name) {
  if (real(value, name) === 0) throw outOfRange(name, 'a number other than 0', value)
  return value
}

/** A gamma shape: Python's `> 0`, and below 2**1023 where Python would loop forever. */
function shape(value, name) {
  if (!(real(value, name) > 0 && value < MAX_SHAPE)) {
    throw outOfRange(name, '> 0 && < 2 ** 1023', value)
  }
  return value
}

/** An options object: `{}` for `undefined` or `null`; an Array is refused, being no options bag. */
function optionsOf(value) {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || isArray(value) !== false || ArrayBuffer.isView(value)) {
    throw invalidArgType('options', 'of type object', value)
  }
  if (Object.hasOwn(value, 'cum_weights')) {
    throw withCode(
      new TypeError('The option "cum_weights" is Python\'s spelling: pass "cumWeights"'),
      'ERR_INVALID_ARG_TYPE',
    )
  }
  return value
}

/** An optional count: `fallback` for `undefined` or `null`, else an integer in `[min, max]`. */
function countOf(value, name, min, max, fallback) {
  return value === undefined || value === null ? fallback : integer(value, name, min, max)
}

// ---- arithmetic ----

/** Python's float `x % m` for `m > 0`: in `[0, m]` (`m` itself when `x` is a hair below 0). */
function pyMod(x, m) {
  const r = x % m
  return r < 0 ? r + m : r === 0 ? 0 : r
}

/** Python's float `**` for the non-negative bases random.py uses: `1 ** inf` is 1 there. */
function pyPow(x, y) {
  return x === 1 ? 1 : x ** y
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI)

// Stirling's correction fc(k) = log(k!) - ((k + 0.5) log(k + 1) - (k + 1) + log(2 pi) / 2), from
// exact factorials up to 22! (their odd parts stay below 2**53), then by its series, whose terms
// past (k + 1)**-9 are below 1e-17 from there on.
const CORRECTIONS = (() => {
  const table = []
  let factorial = 1
  for (let k = 0; k <= 22; k++) {
    if (k > 0) factorial *= k
    table.push(Math.log(factorial) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI))
  }
  return table
})()

function stirlingCorrection(k) {
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
function logFactorialRatio(a, b) {
  const d = b - a
  const stirling = (b + 0.5) * Math.log1p(d / (a + 1)) + d * (Math.log(a + 1) - 1)
  return stirling + stirlingCorrection(b) - stirlingCorrection(a)
}

/** The first index in `[lo, hi]` whose cumulative value exceeds `x` (Python's bisect_right). */
function bisectRight(cumulative, x, lo, hi) {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (x < cumulative[mid]) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** `ceil(a / b)` for safe integers `a`, `b` of one sign, exactly. */
function ceilDiv(a, b) {
  const rest = a % b
  return (a - rest) / b + (rest === 0 ? 0 : 1)
}

// TypedArray's length getter checks the internal slot: it works across realms and cannot be
// spoofed, and it throws for anything that is not a TypedArray.
const typedArrayLength = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype),
  'length',
).get

/**
 * A map from index to index, where an index not set maps to itself, for up to `entries` entries:
 * split over several Maps of at most `perMap`, since V8 caps one Map at 2**24 entries.
 */
function indexMap(entries, perMap = 2 ** 23) {
  const maps = Array.from({ length: Math.ceil(entries / perMap) || 1 }, () => new Map())
  const of = (key) => maps[key % maps.length]
  return {
    get: (key) => {
      const value = of(key).get(key)
      return value === undefined ? key : value
    },
    set: (key, value) => of(key).set(key, value),
  }
}

/** The length of an Array or TypedArray, or -1 for anything else. */
function shuffleLength(x) {
  if (isArray(x) === true) {
    if (Object.isFrozen(x) && x.length > 0) throw invalidArgType('x', 'a mutable Array', x)
    // A sparse Array longer than any real one would be filled in, element by element, until the
    // process ran out of memory.
    return elements(x.length, 'x.length')
  }
  try {
    return typedArrayLength.call(x)
  } catch {
    return -1
  }
}

const zeroStep = (start, stop, step) =>
  rangeError(`zero step for randrange(${show(start)}, ${show(stop)}, ${show(step)})`)

const mismatch = (what, length, n) =>
  rangeError(`The number of ${what} does not match the population: ${length} for ${n} elements`)

const emptyRange = (start, stop, step) =>
  rangeError(
    step === 1 || step === 1n
      ? `empty range in randrange(${show(start)}, ${show(stop)})`
      : `empty range in randrange(${show(start)}, ${show(stop)}, ${show(step)})`,
  )

/**
 * The SystemRandom class, drawing numbers from `pool`, bigints from `impl` (the native binding)
 * and bytes from `randomBuffer(n, name)`, with `getrandbits` being the module's `randbits`: the
 * same sources as the module's own functions.
 */
function createSystemRandom({ pool, impl, randomBuffer, randbits }) {
  /** 53 random bits as a number in `[0, 1)`: 27 from one word and 26 from the next. */
  const random = () => ((pool.word() >>> 5) * 67108864 + (pool.word() >>> 6)) / 9007199254740992

  /** A uniform integer in `[0, n)` of `n`'s type, for `n >= 1` (a safe integer or a bigint). */
  const below = (n) => (typeof n === 'bigint' ? impl.randbelowBig(n) : pool.below(n))

  /** A uniform element of `range(start, stop, step)` for bigints, or Python's error. */
  function bigRange(start, stop, step) {
    if (step === 0n) throw zeroStep(start, stop, step)
    if (step > 0n ? stop <= start : stop >= start) throw emptyRange(start, stop, step)
    const width = stop - start
    const n = step > 0n ? (width + step - 1n) / step : (width + step + 1n) / step
    return start + step * below(n)
  }

  /** As `bigRange` for safe integers; a range wider than 2**53 is drawn in bigints, exactly. */
  function numberRange(start, stop, step) {
    if (step === 0) throw zeroStep(start, stop, step)
    if (step > 0 ? stop <= start : stop >= start) throw emptyRange(start, stop, step)
    const width = stop - start
    if (!Number.isSafeInteger(width)) return Number(bigRange(BigInt(start), BigInt(stop), BigInt(step)))
    return start + step * below(step > 0 ? ceilDiv(width, step) : ceilDiv(-width, -step))
  }

  /** Python's normalvariate: Kinderman and Monahan's ratio of uniforms. */
  function normal() {
    for (;;) {
      const u1 = random()
      const u2 = 1 - random()
      const z = (NV_MAGICCONST * (u1 - 0.5)) / u2
      if ((z * z) / 4 <= -Math.log(u2)) return z
    }
  }

  /** Python's gammavariate with beta 1: Cheng's algorithm above 1, GS below. */
  function gamma(alpha) {
    if (alpha > 1) {
      const ainv = Math.sqrt(2 * alpha - 1)
      const bbb = alpha - LOG4
      const ccc = alpha + ainv
      for (;;) {
        const u1 = random()
        if (!(u1 > 1e-7 && u1 < 0.9999999)) continue
        const u2 = 1 - random()
        const v = Math.log(u1 / (1 - u1)) / ainv
        const x = alpha * Math.exp(v)
        const z = u1 * u1 * u2
        const r = bbb + ccc * v - x
        if (r + SG_MAGICCONST - 4.5 * z >= 0 || r >= Math.log(z)) return x
      }
    }
    if (alpha === 1) return -Math.log(1 - random())
    for (;;) {
      const u = random()
      const b = (Math.E + alpha) / Math.E
      const p = b * u
      const x = p <= 1 ? pyPow(p, 1 / alpha) : -Math.log((b - p) / alpha)
      const u1 = random()
      if (p > 1 ? u1 <= pyPow(x, alpha - 1) : u1 <= Math.exp(-x)) return x
    }
  }

  /** Python's binomialvariate for `0 < p < 1`: Devroye's geometric method or Hörmann's BTRS. */
  function binomial(n, p) {
    if (n === 1) return random() < p ? 1 : 0
    if (p > 0.5) return n - binomial(n, 1 - p)
    if (n * p < 10) {
      let x = 0
      let y = 0
      const c = Math.log2(1 - p)
      if (c === 0) return x
      for (;;) {
        y += Math.floor(Math.log2(random()) / c) + 1
        if (y > n) return x
        x++
      }
    }
    return btrs(n, p)
  }

  /** Hörmann's transformed rejection with squeeze, as random.py has it. */
  function btrs(n, p) {
    const spq = Math.sqrt(n * p * (1 - p))
    const b = 1.15 + 2.53 * spq
    const a = -0.0873 + 0.0248 * b + 0.01 * p
    const c = n * p + 0.5
    const vr = 0.92 - 4.2 / b
    let setup
    for (;;) {
      const u = random() - 0.5
      const us = 0.5 - Math.abs(u)
      const k = Math.floor(((2 * a) / us + b) * u + c)
      if (k < 0 || k > n) continue
      let v = random()
      if (us >= 0.07 && v <= vr) return k
      if (setup === undefined) {
        setup = { alpha: (2.83 + 5.1 / b) * spq, lpq: Math.log(p / (1 - p)), m: Math.floor((n + 1) * p) }
      }
      v *= setup.alpha / (a / (us * us) + b)
      // Python's h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq, with h = lgamma(m + 1) +
      // lgamma(n - m + 1): the log of pmf(k) / pmf(m), summed here without cancellation.
      const { m, lpq } = setup
      const bound = logFactorialRatio(k, m) + logFactorialRatio(n - k, n - m) + (k - m) * lpq
      if (Math.log(v) <= bound) return k
    }
  }

  /** The distinct indices of a uniform `k`-sample of `range(n)`, in selection order. */
  function sampleIndices(n, k) {
    // A Fisher-Yates shuffle stopped after k steps, with exactly k draws. Where n is within a few
    // times k, range(n) is laid out in full (as Python's pool); otherwise only the moved
    // positions are kept, in a Map, so time and memory stay O(k) for any n.
    const picks = new Array(k)
    if (n <= 4 * k) {
      const pool = allocate(() => new Float64Array(n), 'population.length', n)
      for (let i = 0; i < n; i++) pool[i] = i
      for (let i = 0; i < k; i++) {
        const j = i + below(n - i)
        picks[i] = pool[j]
        pool[j] = pool[i]
      }
      return picks
    }
    const moved = indexMap(k)
    for (let i = 0; i < k; i++) {
      const j = i + below(n - i)
      picks[i] = moved.get(j)
      moved.set(j, moved.get(i))
    }
    return picks
  }

  /** `k` validated against a population of `n`: Python's ValueError as a RangeError. */
  function sampleSize(k, n) {
    integer(k, 'k', -MAX_SAFE, MAX_SAFE)
    if (k < 0 || k > n) {
      throw rangeError(`Sample larger than population or is negative: k is ${show(k)}, the population ${show(n)}`)
    }
    elements(k, 'k')
    // Two Arrays and a Map entry a pick.
    ensureHeap(k * 64, 'k', k)
    return k
  }

  /** Running totals of `counts` (non-negative safe integers, one per element of a population of `n`). */
  function cumulativeCounts(counts, n) {
    const { items, length } = sequence(counts, 'options.counts')
    if (length !== n) throw mismatch('counts', length, n)
    const cumulative = new Float64Array(n)
    let total = 0
    for (let i = 0; i < n; i++) {
      total += integer(items[i], `options.counts[${i}]`, 0, MAX_SAFE)
      if (total > MAX_SAFE) throw outOfRange('options.counts', `to total <= ${MAX_SAFE}`, total)
      cumulative[i] = total
    }
    if (total <= 0) throw rangeError(`Total of counts must be greater than zero: it is ${show(total)}`)
    return cumulative
  }

  /** Running totals of `weights`: each a finite number `>= 0`, one per element. */
  function cumulativeWeights(weights, n) {
    const { items, length } = sequence(weights, 'options.weights')
    if (length !== n) throw mismatch('weights', length, n)
    const cumulative = new Float64Array(n)
    let total = 0
    for (let i = 0; i < n; i++) {
      const weight = real(items[i], `options.weights[${i}]`)
      if (!(weight >= 0 && weight < Infinity)) {
        throw outOfRange(`options.weights[${i}]`, '>= 0 and finite', weight)
      }
      cumulative[i] = total += weight
    }
    return cumulative
  }

  /** `cumWeights` checked: finite numbers from 0 up, never decreasing, one per element. */
  function checkedCumulative(cumWeights, n) {
    const { items, length } = sequence(cumWeights, 'options.cumWeights')
    if (length !== n) throw mismatch('cumWeights', length, n)
    const cumulative = new Float64Array(n)
    let previous = 0
    for (let i = 0; i < n; i++) {
      const value = real(items[i], `options.cumWeights[${i}]`)
      if (!(value >= previous && value < Infinity)) {
        throw outOfRange(`options.cumWeights[${i}]`, `finite and >= ${previous} (the value before it)`, value)
      }
      cumulative[i] = previous = value
    }
    return cumulative
  }

  /** Indices drawn by cumulative weight: Python's `bisect(cum, random() * total, 0, hi)`. */
  function weightedDraws(cumulative, count) {
    if (cumulative.length === 0) nonEmpty(0)
    const total = cumulative[cumulative.length - 1]
    if (total <= 0) throw rangeError(`Total of weights must be greater than zero: it is ${show(total)}`)
    if (!Number.isFinite(total)) throw rangeError(`Total of weights must be finite: it is ${show(total)}`)
    // Python's hi is n - 1, so `random() * total` rounding up to the total picks the last element
    // even when its weight is 0; stopping at the last positive weight picks that one instead.
    let hi = cumulative.length - 1
    while (hi > 0 && cumulative[hi - 1] === total) hi--
    const picks = new Array(Math.max(count, 0))
    for (let i = 0; i < count; i++) picks[i] = bisectRight(cumulative, random() * total, 0, hi)
    return picks
  }

  /**
   * Python's `random.SystemRandom` (3.12): every method draws from the package's CSPRNG.
   * Methods do not depend on `this` (but for `gauss`'s cached value), so they work detached.
   */
  class SystemRandom {
    // The implicit constructor ignores its arguments, as Python's ignores a seed.

    // The second value of gauss's Box-Muller pair, kept for the next call as Python does.
    #gaussNext = null

    /** A number in `[0, 1)` with 53 random bits. */
    random() {
      return random()
    }

    /** Does nothing: the system entropy source cannot be seeded. */
    seed() {}

    /** Throws: the system entropy source has no state to save. */
    getstate() {
      throw notImplemented('getstate()')
    }

    /** Throws: the system entropy source has no state to restore. */
    setstate() {
      throw notImplemented('setstate()')
    }

    /** A bigint of `k` random bits. */
    getrandbits(k) {
      return randbits(k)
    }

    /** A Buffer of `n` random bytes. */
    randbytes(n) {
      return randomBuffer(integer(n, 'n', 0, constants.MAX_LENGTH), 'n')
    }

    /** A uniform integer in `[0, n)`, of `n`'s type. */
    randbelow(n) {
      const kind = kindOf(n, 'n')
      if (integerOf(n, 'n', kind) < (kind === 'bigint' ? 1n : 1)) {
        throw outOfRange('n', kind === 'bigint' ? '>= 1n' : '>= 1', n)
      }
      return below(n)
    }

    /** A uniform element of `range(stop)` or `range(start, stop, step)`. */
    randrange(start, stop, step) {
      const kind = kindOf(start, 'start')
      integerOf(start, 'start', kind)
      if (stop === undefined || stop === null) {
        // As in Python, where `step is not 1` catches a step given without a stop.
        if (step !== undefined) integerOf(step, 'step', kind, 'start')
        if (step !== undefined && step !== 1 && step !== 1n) {
          throw invalidArgType('stop', 'of type number or bigint when "step" is given', stop)
        }
        if (start > 0) return below(start)
        throw rangeError(`empty range for randrange(${show(start)})`)
      }
      integerOf(stop, 'stop', kind, 'start')
      if (step === undefined) step = kind === 'bigint' ? 1n : 1
      else integerOf(step, 'step', kind, 'start')
      return kind === 'bigint' ? bigRange(start, stop, step) : numberRange(start, stop, step)
    }

    /** A uniform integer in `[a, b]`, both ends included. */
    randint(a, b) {
      const kind = kindOf(a, 'a')
      integerOf(a, 'a', kind)
      integerOf(b, 'b', kind, 'a')
      // b + 1 is at most 2**53: exact in a double, so the range check and width stay exact.
      return kind === 'bigint' ? bigRange(a, b + 1n, 1n) : numberRange(a, b + 1, 1)
    }

    /** A uniform element of a non-empty sequence; a string yields one code point. */
    choice(seq) {
      return choose(seq, below)
    }

    /** `k` elements drawn with replacement, uniformly or by relative or cumulative weight. */
    choices(population, options) {
      const { items, length } = sequence(population, 'population')
      const { weights, cumWeights, k } = optionsOf(options)
      const count = countOf(k, 'options.k', -MAX_SAFE, MAX_ELEMENTS, 1)
      const weighted = weights !== undefined && weights !== null
      const cumulated = cumWeights !== undefined && cumWeights !== null
      if (weighted && cumulated) {
        throw withCode(
          new TypeError('Cannot specify both weights and cumulative weights'),
          'ERR_INVALID_ARG_TYPE',
        )
      }
      // The picks, and the Array of elements they index.
      ensureHeap(count * 16, 'options.k', count)
      if (weighted || cumulated) {
        const cumulative = weighted
          ? cumulativeWeights(weights, length)
          : checkedCumulative(cumWeights, length)
        return weightedDraws(cumulative, count).map((i) => items[i])
      }
      if (count <= 0) return []
      nonEmpty(length)
      const picks = new Array(count)
      for (let i = 0; i < count; i++) picks[i] = items[below(length)]
      return picks
    }

    /** Shuffles an Array or TypedArray in place (Fisher-Yates); returns `undefined`. */
    shuffle(x) {
      const length = shuffleLength(x)
      if (length < 0) throw invalidArgType('x', 'an Array or TypedArray', x)
      for (let i = length - 1; i > 0; i--) {
        const j = below(i + 1)
        const a = x[i]
        const b = x[j]
        x[i] = b
        try {
          x[j] = a
        } catch (error) {
          // An element that cannot be written (a non-writable property, a throwing setter):
          // undo the half-done swap, so the Array keeps every element it had.
          x[i] = a
          throw error
        }
      }
    }

    /** `k` distinct positions of a population, in selection order; `counts` repeats elements. */
    sample(population, k, options) {
      const { items, length } = sequence(population, 'population')
      const { counts } = optionsOf(options)
      if (counts === undefined || counts === null) {
        return sampleIndices(length, sampleSize(k, length)).map((i) => items[i])
      }
      const cumulative = cumulativeCounts(counts, length)
      const picks = sampleIndices(cumulative[length - 1], sampleSize(k, cumulative[length - 1]))
      return picks.map((s) => items[bisectRight(cumulative, s, 0, length - 1)])
    }

    /** A number in `[a, b]` (or `[b, a]`), uniformly. */
    uniform(a, b) {
      real(a, 'a')
      real(b, 'b')
      return a + (b - a) * random()
    }

    /** The triangular distribution on `[low, high]` with peak `mode` (by default the midpoint). */
    triangular(low = 0, high = 1, mode = null) {
      real(low, 'low')
      real(high, 'high')
      if (mode !== null) {
        real(mode, 'mode')
        if (!(mode >= Math.min(low, high) && mode <= Math.max(low, high))) {
          throw outOfRange('mode', `between low and high (${show(low)} and ${show(high)})`, mode)
        }
      }
      let u = random()
      // Python returns low where (mode - low) / (high - low) raises ZeroDivisionError.
      if (mode !== null && high - low === 0) return low
      let c = mode === null ? 0.5 : (mode - low) / (high - low)
      if (u > c) {
        u = 1 - u
        c = 1 - c
        ;[low, high] = [high, low]
      }
      return low + (high - low) * Math.sqrt(u * c)
    }

    /** The normal distribution (mean `mu`, standard deviation `sigma`). */
    normalvariate(mu = 0, sigma = 1) {
      real(mu, 'mu')
      real(sigma, 'sigma')
      return mu + normal() * sigma
    }

    /** The normal distribution by Box-Muller; the pair's second value serves the next call. */
    gauss(mu = 0, sigma = 1) {
      real(mu, 'mu')
      real(sigma, 'sigma')
      const own = typeof this === 'object' && this !== null && #gaussNext in this
      let z = own ? this.#gaussNext : null
      if (own) this.#gaussNext = null
      if (z === null) {
        const x2pi = random() * TWOPI
        const g2rad = Math.sqrt(-2 * Math.log(1 - random()))
        z = Math.cos(x2pi) * g2rad
        if (own) this.#gaussNext = Math.sin(x2pi) * g2rad
      }
      return mu + z * sigma
    }

    /** The log-normal distribution: its logarithm is normal with mean `mu` and deviation `sigma`. */
    lognormvariate(mu, sigma) {
      real(mu, 'mu')
      real(sigma, 'sigma')
      return Math.exp(mu + normal() * sigma)
    }

    /** The exponential distribution with rate `lambd` (mean `1 / lambd`). */
    expovariate(lambd = 1) {
      nonZero(lambd, 'lambd')
      return -Math.log(1 - random()) / lambd
    }

    /** The von Mises distribution: an angle in `[0, 2π]` about `mu`, concentration `kappa`. */
    vonmisesvariate(mu, kappa) {
      real(mu, 'mu')
      real(kappa, 'kappa')
      if (kappa <= 1e-6) return TWOPI * random()
      const s = 0.5 / kappa
      const r = s + Math.sqrt(1 + s * s)
      let z
      for (;;) {
        z = Math.cos(Math.PI * random())
        const d = z / (r + z)
        const u2 = random()
        if (u2 < 1 - d * d || u2 <= (1 - d) * Math.exp(d)) break
      }
      const q = 1 / r
      const f = (q + z) / (1 + q * z)
      return random() > 0.5 ? pyMod(mu + Math.acos(f), TWOPI) : pyMod(mu - Math.acos(f), TWOPI)
    }

    /** The gamma distribution with shape `alpha` and scale `beta` (not the gamma function). */
    gammavariate(alpha, beta) {
      shape(alpha, 'alpha')
      if (!(real(beta, 'beta') > 0)) throw outOfRange('beta', '> 0', beta)
      return gamma(alpha) * beta
    }

    /** The beta distribution on `[0, 1]`. */
    betavariate(alpha, beta) {
      shape(alpha, 'alpha')
      shape(beta, 'beta')
      const y = gamma(alpha)
      return y === 0 ? 0 : y / (y + gamma(beta))
    }

    /** The Pareto distribution with shape `alpha`. */
    paretovariate(alpha) {
      nonZero(alpha, 'alpha')
      return pyPow(1 - random(), -1 / alpha)
    }

    /** The Weibull distribution with scale `alpha` and shape `beta`. */
    weibullvariate(alpha, beta) {
      real(alpha, 'alpha')
      nonZero(beta, 'beta')
      return alpha * pyPow(-Math.log(1 - random()), 1 / beta)
    }

    /** The number of successes in `n` independent trials of probability `p`. */
    binomialvariate(n = 1, p = 0.5) {
      integer(n, 'n', 0, MAX_SAFE)
      if (!(real(p, 'p') >= 0 && p <= 1)) throw outOfRange('p', '>= 0 && <= 1', p)
      if (p === 0) return 0
      if (p === 1) return n
      return binomial(n, p)
    }
  }

  return SystemRandom
}

const notImplemented = (method) =>
  withCode(
    new Error(`The ${method} method is not implemented: the system entropy source has no state`),
    'ERR_METHOD_NOT_IMPLEMENTED',
  )

module.exports = { createSystemRandom, indexMap }
