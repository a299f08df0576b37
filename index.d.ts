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
 * if (!compareDigest(request.headers['x-signature'], expectedSignature)) reject()
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

/** Python's name for {@link tokenBytes}. */
export declare const token_bytes: typeof tokenBytes
/** Python's name for {@link tokenHex}. */
export declare const token_hex: typeof tokenHex
/** Python's name for {@link tokenUrlsafe}. */
export declare const token_urlsafe: typeof tokenUrlsafe
/** Python's name for {@link compareDigest}. */
export declare const compare_digest: typeof compareDigest
