// Python 3.12's random.SystemRandom over the package's CSPRNG. The integer paths (randbelow,
// randrange, randint, getrandbits, and the index draws of choice, choices, shuffle and sample)
// draw exact integers: the word pool's `below` for numbers, the backend for bigints. The float
// distributions are Python's algorithms, step for step, over `random()`.

import { arrayBytes, arrayOf } from '../collections.js'
import { invalidArgType, outOfRange, rangeError, show, withCode } from '../errors.js'
import { MAX_LENGTH, type Bytes } from '../platform.js'
import { type BigIntTypedArray, type NumberTypedArray, randbits, randomBytes } from '../secrets.js'
import { choose, nonEmpty, sequence } from '../sequence.js'
import { allocate, integer, ensureHeap, optionsOf, MAX_ELEMENTS } from '../validate.js'
import { bisectRight, pyPow } from './arithmetic.js'
import {
  type Integer,
  type SameKind,
  MAX_SAFE,
  countOf,
  integerOf,
  kindOf,
  nonZero,
  notImplemented,
  real,
  refuseCumWeights,
  sampleSize,
  shape,
  shuffleLength,
} from './checks.js'
import { binomial, boxMuller, exponential, gamma, normal, triangular, vonMises } from './distributions.js'
import {
  below,
  checkedCumulative,
  cumulativeCounts,
  cumulativeWeights,
  random,
  range,
  sampleIndices,
  weightedDraws,
} from './draws.js'

/** Options of {@link SystemRandom.choices}; `null` means the default. */
export interface ChoicesOptions {
  /** Relative weights, one per element: finite numbers `>= 0`, not all 0. */
  weights?: ArrayLike<number> | null | undefined
  /** Cumulative weights, one per element: finite, from 0 up, never decreasing. */
  cumWeights?: ArrayLike<number> | null | undefined
  /** How many to choose (default 1); `k <= 0` gives `[]`. */
  k?: number | null | undefined
}

/** Options of {@link SystemRandom.sample}; `null` means the default. */
export interface SampleOptions {
  /** How many times each element repeats: non-negative safe integers, one per element. */
  counts?: ArrayLike<number> | null | undefined
}

// The integer 1 of each kind: randrange's default step, randbelow's least bound.
const ONE = { number: 1, bigint: 1n } as const

/**
 * Python's `random.SystemRandom` (3.12): every method of Python's `random.Random`, drawing from
 * this package's CSPRNG. Integer results are exactly uniform; the float distributions are
 * Python's algorithms over {@link SystemRandom.random}. Where Python raises ValueError,
 * IndexError or ZeroDivisionError this throws a RangeError (`ERR_OUT_OF_RANGE`); where it raises
 * TypeError, a TypeError. Methods do not depend on `this` (but for `gauss`'s cached value), so
 * they work detached.
 *
 * @example
 * const rng = new SystemRandom()
 * rng.randint(1, 6)           // 4
 * rng.choice(['heads', 'tails'])
 * rng.sample('ABCDEFGH', 3)   // ['F', 'A', 'C']
 * rng.gauss(100, 15)          // 91.66...
 */
export class SystemRandom {
  // The second value of gauss's Box-Muller pair, kept for the next call as Python does.
  #gaussNext: number | null = null

  /**
   * A generator over the system's entropy source.
   *
   * @param seed Accepted and ignored, as Python's SystemRandom ignores a seed.
   * @example
   * const rng = new SystemRandom()
   */
  constructor(seed?: unknown) {}

  /**
   * A number in `[0, 1)` with 53 random bits: any multiple of `2 ** -53` in that range, each
   * equally likely.
   *
   * @example
   * if (rng.random() < 0.25) console.log('one time in four')
   */
  random(): number {
    return random()
  }

  /**
   * Does nothing: the system entropy source cannot be seeded.
   *
   * @param a Accepted and ignored.
   * @example
   * rng.seed(42) // no effect
   */
  seed(a?: unknown): void {}

  /**
   * Throws: the system entropy source has no state to save.
   *
   * @throws {Error} `ERR_METHOD_NOT_IMPLEMENTED`, "The getstate() method is not implemented: the
   *   system entropy source has no state".
   * @example
   * rng.getstate() // throws
   */
  getstate(): never {
    throw notImplemented('getstate()')
  }

  /**
   * Throws: the system entropy source has no state to restore.
   *
   * @param state Accepted and ignored.
   * @throws {Error} `ERR_METHOD_NOT_IMPLEMENTED`, "The setstate() method is not implemented: the
   *   system entropy source has no state".
   * @example
   * rng.setstate({}) // throws
   */
  setstate(state?: unknown): never {
    throw notImplemented('setstate()')
  }

  /**
   * A bigint of `k` random bits: uniform in `[0n, 2n ** BigInt(k))`, as the module's `randbits`.
   *
   * @param k An integer in `[0, 2 ** 30]`.
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `k` is a number.
   * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `k` is an integer in range.
   * @example
   * rng.getrandbits(64) // 15378544934497385014n
   */
  getrandbits(k: number): bigint {
    return randbits(k)
  }

  /**
   * `n` random bytes: a Buffer under Node.js, a Uint8Array in the browser build.
   *
   * @param n An integer in `[0, MAX_LENGTH]` (`buffer.constants.MAX_LENGTH` under Node.js).
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `n` is a number.
   * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `n` is an integer in range.
   * @example
   * const nonce = rng.randbytes(12)
   */
  randbytes(n: number): Bytes {
    return randomBytes(integer(n, 'n', 0, MAX_LENGTH), 'n')
  }

  /**
   * A uniform integer in `[0, n)`, for a safe integer `n >= 1`.
   *
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `n` is a number or a bigint.
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for `n < 1`, a non-integer, or a number beyond
   *   `Number.MAX_SAFE_INTEGER` (the message says to pass a bigint).
   * @example
   * rng.randbelow(10) // 7
   */
  randbelow(n: number): number
  /**
   * A uniform bigint in `[0n, n)`, for a bigint `n >= 1n` of any size.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for `n < 1n`.
   * @example
   * rng.randbelow(2n ** 255n - 19n)
   */
  randbelow(n: bigint): bigint
  /**
   * A uniform integer in `[0, n)`, of `n`'s type.
   *
   * @example
   * const bound: number | bigint = 6
   * rng.randbelow(bound)
   */
  randbelow(n: Integer): Integer
  randbelow(n: unknown): Integer {
    const kind = kindOf(n, 'n')
    const bound = integerOf(n, 'n', kind)
    if (bound < ONE[kind]) throw outOfRange('n', kind === 'bigint' ? '>= 1n' : '>= 1', n)
    return below(bound)
  }

  /**
   * A uniform element of `range(stop)`: an integer in `[0, stop)`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE`, "empty range for randrange(0)", when `stop <= 0`.
   * @example
   * rng.randrange(10) // 3
   */
  randrange(stop: number): number
  /**
   * A uniform element of `range(stop)` for a bigint `stop`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE`, "empty range for randrange(0n)", when `stop <= 0n`.
   * @example
   * rng.randrange(10n ** 30n)
   */
  randrange(stop: bigint): bigint
  /**
   * A uniform element of `range(start, stop, step)` (`step` 1 by default): safe integers, exact
   * even when the range is wider than `2 ** 53`. Without a `stop`, `start` is the stop.
   *
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for a non-integer type, a bigint among numbers,
   *   or a `step` other than 1 without a `stop`.
   * @throws {RangeError} `ERR_OUT_OF_RANGE`: "empty range in randrange(5, 5)", "zero step for
   *   randrange(0, 10, 0)".
   * @example
   * rng.randrange(0, 100, 5) // 35
   */
  randrange(start: number, stop?: number | null, step?: number): number
  /**
   * A uniform element of `range(start, stop, step)` for bigints (all of them bigints).
   *
   * @example
   * rng.randrange(-(2n ** 64n), 2n ** 64n, 2n)
   */
  randrange(start: bigint, stop?: bigint | null, step?: bigint): bigint
  /**
   * A uniform element of `range(start, stop, step)`, of `start`'s type; mixing numbers and
   * bigints is a TypeError.
   *
   * @example
   * const start: number | bigint = 1
   * rng.randrange(start, 7)
   */
  randrange<T extends Integer>(start: T, stop?: SameKind<T> | null, step?: SameKind<T>): SameKind<T>
  randrange(start: unknown, stop?: unknown, step?: unknown): Integer {
    const kind = kindOf(start, 'start')
    const first = integerOf(start, 'start', kind)
    if (stop === undefined || stop === null) {
      // As in Python, where `step is not 1` catches a step given without a stop.
      if (step !== undefined) integerOf(step, 'step', kind, 'start')
      if (step !== undefined && step !== 1 && step !== 1n) {
        throw invalidArgType('stop', 'of type number or bigint when "step" is given', stop)
      }
      if (first > 0) return below(first)
      throw rangeError(`empty range for randrange(${show(start)})`)
    }
    const last = integerOf(stop, 'stop', kind, 'start')
    return range(first, last, step === undefined ? ONE[kind] : integerOf(step, 'step', kind, 'start'))
  }

  /**
   * A uniform integer in `[a, b]`, both ends included.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE`, "empty range in randrange(6, 2)", for `randint(6, 1)`.
   * @example
   * const die = rng.randint(1, 6)
   */
  randint(a: number, b: number): number
  /**
   * A uniform bigint in `[a, b]`, both ends included.
   *
   * @example
   * rng.randint(1n, 2n ** 128n)
   */
  randint(a: bigint, b: bigint): bigint
  /**
   * A uniform integer in `[a, b]`, of `a`'s type; mixing numbers and bigints is a TypeError.
   *
   * @example
   * const low: number | bigint = 1
   * rng.randint(low, 6)
   */
  randint<T extends Integer>(a: T, b: SameKind<T>): SameKind<T>
  randint(a: unknown, b: unknown): Integer {
    const kind = kindOf(a, 'a')
    const low = integerOf(a, 'a', kind)
    const high = integerOf(b, 'b', kind, 'a')
    // b + 1 is at most 2**53: exact in a double, so the range check and width stay exact. A
    // bigint b of 2**30 bits, all ones, has no b + 1: refused as a range too wide.
    const stop = typeof high === 'bigint' ? allocate(() => high + 1n, 'b', high, '< 2n ** (2n ** 30n) - 1n') : high + 1
    return range(low, stop, ONE[kind])
  }

  /**
   * One code point of a non-empty string, uniformly (never half a surrogate pair).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE`, "Cannot choose from an empty sequence".
   * @example
   * rng.choice('ACGT') // 'G'
   */
  choice(seq: string): string
  /**
   * A uniformly chosen element of a non-empty TypedArray of numbers.
   *
   * @example
   * rng.choice(new Uint8Array([2, 3, 5, 7])) // 5
   */
  choice(seq: NumberTypedArray): number
  /**
   * A uniformly chosen element of a non-empty BigInt64Array or BigUint64Array.
   *
   * @example
   * rng.choice(new BigUint64Array([1n, 2n ** 64n - 1n]))
   */
  choice(seq: BigIntTypedArray): bigint
  /**
   * A uniformly chosen element of a non-empty Array, TypedArray or array-like object.
   *
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for anything else.
   * @throws {RangeError} `ERR_OUT_OF_RANGE`, "Cannot choose from an empty sequence".
   * @example
   * rng.choice(['heads', 'tails'])
   */
  choice<T>(seq: ArrayLike<T>): T
  choice(seq: unknown): unknown {
    return choose(seq, below)
  }

  /**
   * `k` code points of a string, chosen with replacement: uniformly, or by relative `weights` or
   * cumulative `cumWeights` (not both).
   *
   * @example
   * rng.choices('HT', { k: 10 }).join('') // 'HHTHTTTHHT'
   */
  choices(population: string, options?: ChoicesOptions | null): string[]
  /**
   * `k` elements chosen with replacement: uniformly, or by relative `weights` or cumulative
   * `cumWeights` (not both). `k <= 0` gives `[]`.
   *
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` when `options` is not a plain object, or has both
   *   `weights` and `cumWeights` ("Cannot specify both weights and cumulative weights").
   * @throws {TypeError} `ERR_INVALID_ARG_VALUE` for an unknown key in `options` (Python's
   *   `cum_weights` included: pass `cumWeights`).
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for a `k` that is not an integer in range, weights that
   *   do not match the population, a weight negative or not finite, a total of weights not
   *   positive and finite, or an empty population ("Cannot choose from an empty sequence").
   * @example
   * rng.choices(['red', 'black', 'green'], { weights: [18, 18, 2], k: 6 })
   */
  choices<T>(population: ArrayLike<T>, options?: ChoicesOptions | null): T[]
  choices(population: unknown, options?: unknown): unknown[] {
    const { at, length } = sequence(population, 'population')
    refuseCumWeights(options)
    const { weights, cumWeights, k } = optionsOf(options, ['weights', 'cumWeights', 'k'])
    const count = countOf(k, 'options.k', -MAX_SAFE, MAX_ELEMENTS, 1)
    const weighted = weights !== undefined && weights !== null
    const cumulated = cumWeights !== undefined && cumWeights !== null
    if (weighted && cumulated) {
      throw withCode(new TypeError('Cannot specify both weights and cumulative weights'), 'ERR_INVALID_ARG_TYPE')
    }
    ensureHeap(arrayBytes(count), 'options.k', count)
    if (weighted || cumulated) {
      const cumulative = weighted ? cumulativeWeights(weights, length) : checkedCumulative(cumWeights, length)
      return weightedDraws(cumulative, count, at)
    }
    if (count <= 0) return []
    nonEmpty(length)
    return arrayOf(count, () => at(below(length)))
  }

  /**
   * Shuffles an Array or TypedArray in place (Fisher-Yates over exact uniform indices); returns
   * `undefined`.
   *
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for anything else, or a frozen non-empty Array.
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for an Array longer than any real one (a sparse one).
   * @example
   * const deck = [...Array(52).keys()]
   * rng.shuffle(deck)
   */
  shuffle(x: unknown[] | NumberTypedArray | BigIntTypedArray): void {
    const length = shuffleLength(x)
    if (length < 0) throw invalidArgType('x', 'an Array or TypedArray', x)
    const slots: Record<number, unknown> = x
    for (let i = length - 1; i > 0; i--) {
      const j = below(i + 1)
      const a = slots[i]
      const b = slots[j]
      slots[i] = b
      try {
        slots[j] = a
      } catch (error) {
        // An element that cannot be written (a non-writable property, a throwing setter):
        // undo the half-done swap, so the Array keeps every element it had.
        slots[i] = a
        throw error
      }
    }
  }

  /**
   * `k` code points from distinct positions of a string, in selection order.
   *
   * @example
   * rng.sample('ABCDEFGH', 3) // ['F', 'A', 'C']
   */
  sample(population: string, k: number, options?: SampleOptions | null): string[]
  /**
   * `k` elements from distinct positions of the population, in selection order; with `counts`,
   * each element stands for that many positions.
   *
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE` when `options` is not a plain object;
   *   `ERR_INVALID_ARG_VALUE` for a key other than `counts`.
   * @throws {RangeError} `ERR_OUT_OF_RANGE`: "Sample larger than population or is negative: k is
   *   3, the population 2"; for `counts` that do not match the population or are not
   *   non-negative safe integers; "Total of counts must be greater than zero: it is 0".
   * @example
   * rng.sample([...Array(49).keys()].map((i) => i + 1), 6) // lottery numbers
   * rng.sample(['red', 'blue'], 5, { counts: [4, 2] })
   */
  sample<T>(population: ArrayLike<T>, k: number, options?: SampleOptions | null): T[]
  sample(population: unknown, k: unknown, options?: unknown): unknown[] {
    const { at, length } = sequence(population, 'population')
    const { counts } = optionsOf(options, ['counts'])
    if (counts === undefined || counts === null) return sampleIndices(length, sampleSize(k, length), at)
    const cumulative = cumulativeCounts(counts, length)
    const total = cumulative[length - 1]
    return sampleIndices(total, sampleSize(k, total), (s) => at(bisectRight(cumulative, s, 0, length - 1)))
  }

  /**
   * A uniform number between `a` and `b` (either may be the larger).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN.
   * @example
   * rng.uniform(-1, 1) // -0.37...
   */
  uniform(a: number, b: number): number {
    real(a, 'a')
    real(b, 'b')
    return a + (b - a) * random()
  }

  /**
   * The triangular distribution on `[low, high]` peaking at `mode` (by default the midpoint).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN, or a `mode` not between `low` and `high`.
   * @example
   * rng.triangular(0, 10, 8)
   */
  triangular(low = 0, high = 1, mode: number | null = null): number {
    real(low, 'low')
    real(high, 'high')
    if (mode !== null) {
      real(mode, 'mode')
      if (!(mode >= Math.min(low, high) && mode <= Math.max(low, high))) {
        throw outOfRange('mode', `between low and high (${show(low)} and ${show(high)})`, mode)
      }
    }
    return triangular(random, low, high, mode)
  }

  /**
   * The normal distribution with mean `mu` and standard deviation `sigma` (Kinderman and
   * Monahan's method).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN.
   * @example
   * rng.normalvariate(170, 10)
   */
  normalvariate(mu = 0, sigma = 1): number {
    real(mu, 'mu')
    real(sigma, 'sigma')
    return mu + normal(random) * sigma
  }

  /**
   * The normal distribution by Box-Muller; the second value of each pair is kept by the instance
   * for its next call, as Python does (a detached call keeps nothing).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN.
   * @example
   * rng.gauss() // -0.52...
   */
  gauss(mu = 0, sigma = 1): number {
    real(mu, 'mu')
    real(sigma, 'sigma')
    const self: unknown = this
    const own = typeof self === 'object' && self !== null && #gaussNext in self ? self : undefined
    const kept = own === undefined ? null : own.#gaussNext
    if (own !== undefined) own.#gaussNext = null
    if (kept !== null) return mu + kept * sigma
    const [z, next] = boxMuller(random)
    if (own !== undefined) own.#gaussNext = next
    return mu + z * sigma
  }

  /**
   * The log-normal distribution: its natural logarithm is normal with mean `mu` and standard
   * deviation `sigma`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN.
   * @example
   * rng.lognormvariate(0, 0.25)
   */
  lognormvariate(mu: number, sigma: number): number {
    real(mu, 'mu')
    real(sigma, 'sigma')
    return Math.exp(mu + normal(random) * sigma)
  }

  /**
   * The exponential distribution with rate `lambd` (mean `1 / lambd`).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN or 0.
   * @example
   * const secondsToNextArrival = rng.expovariate(1 / 30)
   */
  expovariate(lambd = 1): number {
    nonZero(lambd, 'lambd')
    return exponential(random) / lambd
  }

  /**
   * The von Mises distribution: an angle in `[0, 2π]` about `mu`, concentration `kappa`
   * (`kappa <= 1e-6` gives a uniform angle).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN.
   * @example
   * rng.vonmisesvariate(Math.PI / 2, 4)
   */
  vonmisesvariate(mu: number, kappa: number): number {
    real(mu, 'mu')
    real(kappa, 'kappa')
    return vonMises(random, mu, kappa)
  }

  /**
   * The gamma distribution with shape `alpha` and scale `beta` (not the gamma function).
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `0 < alpha < 2 ** 1023` and `beta > 0`.
   * @example
   * rng.gammavariate(2, 1.5)
   */
  gammavariate(alpha: number, beta: number): number {
    shape(alpha, 'alpha')
    if (!(real(beta, 'beta') > 0)) throw outOfRange('beta', '> 0', beta)
    return gamma(random, alpha) * beta
  }

  /**
   * The beta distribution on `[0, 1]`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `0 < alpha, beta < 2 ** 1023`.
   * @example
   * rng.betavariate(2, 5)
   */
  betavariate(alpha: number, beta: number): number {
    shape(alpha, 'alpha')
    shape(beta, 'beta')
    const y = gamma(random, alpha)
    return y === 0 ? 0 : y / (y + gamma(random, beta))
  }

  /**
   * The Pareto distribution with shape `alpha`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN or 0.
   * @example
   * rng.paretovariate(3)
   */
  paretovariate(alpha: number): number {
    nonZero(alpha, 'alpha')
    return pyPow(1 - random(), -1 / alpha)
  }

  /**
   * The Weibull distribution with scale `alpha` and shape `beta`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` for NaN, or a `beta` of 0.
   * @example
   * rng.weibullvariate(1, 1.5)
   */
  weibullvariate(alpha: number, beta: number): number {
    real(alpha, 'alpha')
    nonZero(beta, 'beta')
    return alpha * pyPow(exponential(random), 1 / beta)
  }

  /**
   * The number of successes in `n` independent trials, each of probability `p`.
   *
   * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `n` is a safe integer `>= 0` and `0 <= p <= 1`.
   * @example
   * rng.binomialvariate(10, 0.3) // 4
   */
  binomialvariate(n = 1, p = 0.5): number {
    integer(n, 'n', 0, MAX_SAFE)
    if (!(real(p, 'p') >= 0 && p <= 1)) throw outOfRange('p', '>= 0 && <= 1', p)
    if (p === 0) return 0
    if (p === 1) return n
    return binomial(random, n, p)
  }
}
