/// <reference types="node" />

/**
 * Which implementation is loaded: `'native'` (the prebuilt Rust addon) or `'js'`.
 *
 * @example
 * import { backend } from 'napi-secrets'
 * console.log(backend) // 'native'
 */
export declare const backend: 'native' | 'js'

/**
 * Bytes of randomness the token functions use when `nbytes` is `undefined` or `null`: 32.
 *
 * @example
 * tokenBytes().length === DEFAULT_ENTROPY // true
 */
export declare const DEFAULT_ENTROPY: 32

/**
 * A Buffer of `nbytes` random bytes (default {@link DEFAULT_ENTROPY}).
 *
 * @param nbytes An integer in `[0, buffer.constants.MAX_LENGTH]`.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` if `nbytes` is not a number.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` if `nbytes` is not an integer in range.
 * @example
 * const key = tokenBytes(16) // <Buffer 3f 9a ...>, 16 bytes
 */
export declare function tokenBytes(nbytes?: number | null): Buffer

/**
 * `nbytes` random bytes (default {@link DEFAULT_ENTROPY}) as `2 * nbytes` lowercase hex digits.
 *
 * @param nbytes An integer in `[0, buffer.constants.MAX_STRING_LENGTH / 2]`.
 * @example
 * tokenHex(16) // 'f9bf78b9a18ce6d46a0cd2b0b86df9da'
 */
export declare function tokenHex(nbytes?: number | null): string

/**
 * `nbytes` random bytes (default {@link DEFAULT_ENTROPY}) as base64url (RFC 4648 section 5)
 * without `=` padding: `ceil(4 * nbytes / 3)` characters, safe in URLs and file names.
 *
 * @example
 * const resetUrl = `https://example.com/reset?token=${tokenUrlsafe()}`
 */
export declare function tokenUrlsafe(nbytes?: number | null): string

/**
 * A uniform random integer in `[0, n)`, with no modulo bias for any `n`.
 *
 * @param n A safe integer `>= 1`; pass a bigint for larger bounds.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` if `n` is neither a number nor a bigint.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` if `n` is below 1, not an integer, or above
 *   `Number.MAX_SAFE_INTEGER`.
 * @example
 * randbelow(6) + 1 // a fair die roll
 */
export declare function randbelow(n: number): number
/**
 * A uniform random bigint in `[0n, n)`, for a bigint `n >= 1n` of any size.
 *
 * @example
 * const scalar = randbelow(2n ** 255n - 19n)
 */
export declare function randbelow(n: bigint): bigint

/**
 * A bigint of `k` random bits: uniform in `[0n, 2n ** BigInt(k))`. `randbits(0)` is `0n`.
 *
 * @param k An integer in `[0, 2 ** 30]`.
 * @example
 * randbits(128) // 263463049338457127357497813432366106361n
 */
export declare function randbits(k: number): bigint

/** A sequence {@link choice} accepts: an Array, TypedArray or other array-like object. */
export type Sequence<T> = ArrayLike<T>

/**
 * A uniformly chosen element of a non-empty sequence. A string yields one code point (a surrogate
 * pair is never split), as Python's `str` does.
 *
 * @throws {RangeError} `ERR_OUT_OF_RANGE` "Cannot choose from an empty sequence".
 * @example
 * choice(['rock', 'paper', 'scissors'])
 * choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789')
 */
export declare function choice(seq: string): string
export declare function choice(seq: Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array): number
export declare function choice(seq: BigInt64Array | BigUint64Array): bigint
export declare function choice<T>(seq: Sequence<T>): T

/** Binary data {@link compareDigest} and {@link fillRandom} accept. */
export type BinaryLike = ArrayBufferView | ArrayBufferLike

/**
 * `true` iff `a` and `b` are equal, in time that depends on their lengths only: never on their
 * contents or on where they differ. Unequal lengths give `false`.
 *
 * @param a Both strings (compared by UTF-16 code units) or both binary (compared by bytes).
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for other types, or a string with binary data.
 * @example
 * const valid = compareDigest(String(request.headers['x-signature'] ?? ''), expectedSignature)
 */
export declare function compareDigest(a: string, b: string): boolean
export declare function compareDigest(a: BinaryLike, b: BinaryLike): boolean

/**
 * Fills `view` (any TypedArray, DataView, Buffer or ArrayBuffer) with random bytes in place and
 * returns it.
 *
 * @example
 * const words = fillRandom(new Uint32Array(4))
 */
export declare function fillRandom<T extends BinaryLike>(view: T): T

/**
 * A Promise of {@link tokenBytes}`(nbytes)`, made on libuv's thread pool so a large request never
 * stalls the event loop. Bad arguments reject the Promise; it never throws.
 *
 * @example
 * const key = await tokenBytesAsync(64 * 1024 * 1024)
 */
export declare function tokenBytesAsync(nbytes?: number | null): Promise<Buffer>

/**
 * A Promise of {@link fillRandom}`(view)`, filled off the main thread; resolves to `view`. A view
 * whose buffer is detached meanwhile stays empty. Bad arguments reject the Promise.
 *
 * @example
 * const words = await fillRandomAsync(new Uint32Array(1 << 20))
 */
export declare function fillRandomAsync<T extends BinaryLike>(view: T): Promise<T>

/**
 * An Array of `count` tokens, each as {@link tokenHex}`(nbytes)` makes it, in one call: cheaper per
 * token than calling `tokenHex` in a loop. `count` 0 gives `[]`.
 *
 * @param count An integer in `[0, 2 ** 27 - 4096]` (V8's longest Array); `count * nbytes` at most
 *   `buffer.constants.MAX_LENGTH`, and the result must fit the JavaScript heap.
 * @example
 * const inviteCodes = tokenHexBatch(1000, 8)
 */
export declare function tokenHexBatch(count: number, nbytes?: number | null): string[]

/**
 * An Array of `count` tokens, each as {@link tokenUrlsafe}`(nbytes)` makes it, in one call.
 *
 * @example
 * const sessionIds = tokenUrlsafeBatch(10000)
 */
export declare function tokenUrlsafeBatch(count: number, nbytes?: number | null): string[]

/** Python's name for {@link tokenBytes}. */
export declare const token_bytes: typeof tokenBytes
/** Python's name for {@link tokenHex}. */
export declare const token_hex: typeof tokenHex
/** Python's name for {@link tokenUrlsafe}. */
export declare const token_urlsafe: typeof tokenUrlsafe
/** Python's name for {@link compareDigest}. */
export declare const compare_digest: typeof compareDigest

/** A TypedArray whose elements are numbers. */
type NumberTypedArray =
  | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array
  | Float32Array | Float64Array

/** Options of {@link SystemRandom.choices}; `null` means the default. */
export interface ChoicesOptions {
  /** Relative weights, one per element: finite numbers `>= 0`, not all 0. */
  weights?: ArrayLike<number> | null
  /** Cumulative weights, one per element: finite, from 0 up, never decreasing. */
  cumWeights?: ArrayLike<number> | null
  /** How many to choose (default 1); `k <= 0` gives `[]`. */
  k?: number | null
}

/** Options of {@link SystemRandom.sample}; `null` means the default. */
export interface SampleOptions {
  /** How many times each element repeats: non-negative safe integers, one per element. */
  counts?: ArrayLike<number> | null
}

/**
 * Python's `random.SystemRandom` (3.12): every method of Python's `random.Random`, drawing from
 * this package's CSPRNG. Integer results are exactly uniform; the float distributions are
 * Python's algorithms over {@link SystemRandom.random}. Where Python raises ValueError,
 * IndexError or ZeroDivisionError this throws a RangeError (`ERR_OUT_OF_RANGE`); where it raises
 * TypeError, a TypeError. Methods do not need `this`: they work detached.
 *
 * @example
 * import { SystemRandom } from 'napi-secrets'
 * const rng = new SystemRandom()
 * rng.randint(1, 6)           // 4
 * rng.choice(['heads', 'tails'])
 * rng.sample('ABCDEFGH', 3)   // ['F', 'A', 'C']
 * rng.gauss(100, 15)          // 91.66...
 */
export declare class SystemRandom {
  /**
   * @param seed Accepted and ignored, as Python's SystemRandom ignores it.
   * @example
   * const rng = new SystemRandom()
   */
  constructor(seed?: unknown)

  /**
   * A number in `[0, 1)` with 53 random bits: any multiple of `2 ** -53` in that range, each
   * equally likely.
   *
   * @example
   * if (rng.random() < 0.25) console.log('one time in four')
   */
  random(): number

  /**
   * Does nothing: the operating system's entropy source cannot be seeded.
   *
   * @example
   * rng.seed(42) // no effect
   */
  seed(...args: unknown[]): void

  /**
   * Always throws an `Error` with code `ERR_METHOD_NOT_IMPLEMENTED`: the source has no state.
   *
   * @example
   * rng.getstate() // throws
   */
  getstate(): never

  /**
   * Always throws an `Error` with code `ERR_METHOD_NOT_IMPLEMENTED`: the source has no state.
   *
   * @example
   * rng.setstate({}) // throws
   */
  setstate(state?: unknown): never

  /**
   * A bigint of `k` random bits: uniform in `[0n, 2n ** BigInt(k))`.
   *
   * @param k An integer in `[0, 2 ** 30]`.
   * @example
   * rng.getrandbits(64) // 15378544934497385014n
   */
  getrandbits(k: number): bigint

  /**
   * A Buffer of `n` random bytes.
   *
   * @param n An integer in `[0, buffer.constants.MAX_LENGTH]`.
   * @example
   * const nonce = rng.randbytes(12)
   */
  randbytes(n: number): Buffer

  /**
   * A uniform integer in `[0, n)`, for a safe integer `n >= 1`.
   *
   * @example
   * rng.randbelow(10) // 7
   */
  randbelow(n: number): number
  /**
   * A uniform bigint in `[0n, n)`, for a bigint `n >= 1n` of any size.
   *
   * @example
   * rng.randbelow(2n ** 255n - 19n)
   */
  randbelow(n: bigint): bigint

  /**
   * A uniform element of `range(stop)`: an integer in `[0, stop)`.
   *
   * @throws {RangeError} "empty range for randrange()" when `stop <= 0`.
   * @example
   * rng.randrange(10) // 3
   */
  randrange(stop: number): number
  /**
   * A uniform element of `range(stop)` for a bigint `stop`.
   *
   * @example
   * rng.randrange(10n ** 30n)
   */
  randrange(stop: bigint): bigint
  /**
   * A uniform element of `range(start, stop, step)`: safe integers, exact even when the range is
   * wider than `2 ** 53`.
   *
   * @throws {RangeError} "empty range in randrange(...)", "zero step for randrange()".
   * @example
   * rng.randrange(0, 100, 5) // 35
   */
  randrange(start: number, stop: number, step?: number): number
  /**
   * A uniform element of `range(start, stop, step)` for bigints (all three bigints).
   *
   * @example
   * rng.randrange(-(2n ** 64n), 2n ** 64n, 2n)
   */
  randrange(start: bigint, stop: bigint, step?: bigint): bigint

  /**
   * A uniform integer in `[a, b]`, both ends included.
   *
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
   * A uniformly chosen element of a non-empty sequence; a string yields one code point.
   *
   * @throws {RangeError} "Cannot choose from an empty sequence".
   * @example
   * rng.choice('ACGT') // 'G'
   */
  choice(seq: string): string
  choice(seq: NumberTypedArray): number
  choice(seq: BigInt64Array | BigUint64Array): bigint
  choice<T>(seq: Sequence<T>): T

  /**
   * `k` elements chosen with replacement: uniformly, or by relative `weights` or cumulative
   * `cumWeights` (not both). A string population is taken as code points.
   *
   * @example
   * rng.choices(['red', 'black', 'green'], { weights: [18, 18, 2], k: 6 })
   */
  choices(population: string, options?: ChoicesOptions | null): string[]
  choices(population: NumberTypedArray, options?: ChoicesOptions | null): number[]
  choices(population: BigInt64Array | BigUint64Array, options?: ChoicesOptions | null): bigint[]
  choices<T>(population: Sequence<T>, options?: ChoicesOptions | null): T[]

  /**
   * Shuffles an Array or TypedArray in place (Fisher-Yates over exact uniform indices).
   *
   * @example
   * const deck = [...Array(52).keys()]
   * rng.shuffle(deck)
   */
  shuffle<T extends unknown[] | NumberTypedArray | BigInt64Array | BigUint64Array>(x: T): void

  /**
   * `k` elements from distinct positions of the population, in selection order; with `counts`,
   * each element stands for that many positions.
   *
   * @throws {RangeError} "Sample larger than population or is negative".
   * @example
   * rng.sample([...Array(49).keys()].map((i) => i + 1), 6) // lottery numbers
   * rng.sample(['red', 'blue'], 5, { counts: [4, 2] })
   */
  sample(population: string, k: number, options?: SampleOptions | null): string[]
  sample(population: NumberTypedArray, k: number, options?: SampleOptions | null): number[]
  sample(population: BigInt64Array | BigUint64Array, k: number, options?: SampleOptions | null): bigint[]
  sample<T>(population: Sequence<T>, k: number, options?: SampleOptions | null): T[]

  /**
   * A uniform number between `a` and `b`.
   *
   * @example
   * rng.uniform(-1, 1) // -0.37...
   */
  uniform(a: number, b: number): number

  /**
   * The triangular distribution on `[low, high]` peaking at `mode` (default: the midpoint);
   * `mode` must lie between `low` and `high`.
   *
   * @example
   * rng.triangular(0, 10, 8)
   */
  triangular(low?: number, high?: number, mode?: number | null): number

  /**
   * The normal distribution (Kinderman and Monahan's method).
   *
   * @example
   * rng.normalvariate(170, 10)
   */
  normalvariate(mu?: number, sigma?: number): number

  /**
   * The normal distribution by Box-Muller; the second value of each pair is kept by the
   * instance for its next call, as Python does.
   *
   * @example
   * rng.gauss() // -0.52...
   */
  gauss(mu?: number, sigma?: number): number

  /**
   * The log-normal distribution: its natural logarithm is normal with mean `mu` and standard
   * deviation `sigma`.
   *
   * @example
   * rng.lognormvariate(0, 0.25)
   */
  lognormvariate(mu: number, sigma: number): number

  /**
   * The exponential distribution with rate `lambd` (not 0; mean `1 / lambd`).
   *
   * @example
   * const secondsToNextArrival = rng.expovariate(1 / 30)
   */
  expovariate(lambd?: number): number

  /**
   * The von Mises distribution: an angle in `[0, 2π]` about `mu`, concentration `kappa`
   * (`kappa <= 1e-6` gives a uniform angle).
   *
   * @example
   * rng.vonmisesvariate(Math.PI / 2, 4)
   */
  vonmisesvariate(mu: number, kappa: number): number

  /**
   * The gamma distribution with shape `alpha` (`0 < alpha < 2 ** 1023`) and scale `beta > 0`.
   *
   * @example
   * rng.gammavariate(2, 1.5)
   */
  gammavariate(alpha: number, beta: number): number

  /**
   * The beta distribution on `[0, 1]`, for shapes `0 < alpha, beta < 2 ** 1023`.
   *
   * @example
   * rng.betavariate(2, 5)
   */
  betavariate(alpha: number, beta: number): number

  /**
   * The Pareto distribution with shape `alpha` (not 0).
   *
   * @example
   * rng.paretovariate(3)
   */
  paretovariate(alpha: number): number

  /**
   * The Weibull distribution with scale `alpha` and shape `beta` (not 0).
   *
   * @example
   * rng.weibullvariate(1, 1.5)
   */
  weibullvariate(alpha: number, beta: number): number

  /**
   * The number of successes in `n` independent trials (a safe integer `>= 0`) each of
   * probability `p` (in `[0, 1]`).
   *
   * @example
   * rng.binomialvariate(10, 0.3) // 4
   */
  binomialvariate(n?: number, p?: number): number
}
