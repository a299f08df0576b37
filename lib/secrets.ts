// Python's `secrets` module. Each function validates its arguments with Node's error codes and
// leaves the random work to the backend, or to the word pool where a call into the backend would
// cost more than the work.

import { invalidArgType, invalidSecretType, outOfRange } from './errors.js'
import { type Bytes, MAX_LENGTH, MAX_STRING_LENGTH, allocate as allocateBytes, zeroed } from './platform.js'
import { choose } from './sequence.js'
import { backend, pool } from './source.js'
import { allocate, ensureHeap, integer, size } from './validate.js'
import { byteLength, bytesOf } from './views.js'

/**
 * Bytes of randomness the token functions use when `nbytes` is `undefined` or `null`: 32.
 *
 * @example
 * tokenBytes().length === DEFAULT_ENTROPY // true
 */
export const DEFAULT_ENTROPY = 32

// Largest inputs whose results can exist: MAX_LENGTH bytes, MAX_STRING_LENGTH characters (two a
// byte in hex, four per three bytes in base64url), and V8's 2**30-bit bigints.
export const MAX_HEX_BYTES = Math.floor(MAX_STRING_LENGTH / 2)
export const MAX_URLSAFE_BYTES = Math.floor((MAX_STRING_LENGTH * 3) / 4)
const MAX_BITS = 2 ** 30

/** V8 keeps typed arrays of up to 64 bytes on its heap; up to this size, bytes come from the pool. */
export const SMALL_TOKEN = 64

export const hexLength = (n: number): number => 2 * n
export const urlsafeLength = (n: number): number => Math.ceil((4 * n) / 3)

/**
 * `n` (validated, from the argument `name`) random bytes in a buffer of their own, never a slice
 * of a shared pool, so no other view's `.buffer` reaches them.
 */
export function randomBytes(n: number, name: string): Bytes {
  // Small ones live on V8's heap and take their bytes from the word pool: handing them to native
  // code would make V8 move them off its heap first (about 250 ns).
  if (n <= SMALL_TOKEN) return pool.copyTo(zeroed(n), n)
  const bytes = allocate(() => allocateBytes(n), name, n)
  backend.fillRandom(bytes)
  return bytes
}

/**
 * `nbytes` random bytes (default {@link DEFAULT_ENTROPY}): a Buffer under Node.js, Bun and Deno,
 * a Uint8Array in the browser build.
 *
 * @param nbytes An integer in `[0, buffer.constants.MAX_LENGTH]`; `undefined` or `null` for 32.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `nbytes` is a number.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `nbytes` is an integer in range.
 * @example
 * const key = tokenBytes(16) // <Buffer 3f 9a ...>, 16 bytes
 */
export function tokenBytes(nbytes?: number | null): Bytes {
  return randomBytes(size(nbytes, 'nbytes', MAX_LENGTH, DEFAULT_ENTROPY), 'nbytes')
}

/**
 * `nbytes` random bytes (default {@link DEFAULT_ENTROPY}) as `2 * nbytes` lowercase hex digits.
 *
 * @param nbytes An integer in `[0, buffer.constants.MAX_STRING_LENGTH / 2]`.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `nbytes` is a number.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `nbytes` is an integer in range.
 * @example
 * tokenHex(16) // 'f9bf78b9a18ce6d46a0cd2b0b86df9da'
 */
export function tokenHex(nbytes?: number | null): string {
  const n = size(nbytes, 'nbytes', MAX_HEX_BYTES, DEFAULT_ENTROPY)
  ensureHeap(hexLength(n), 'nbytes', n)
  return backend.tokenHex(n)
}

/**
 * `nbytes` random bytes (default {@link DEFAULT_ENTROPY}) as base64url (RFC 4648 section 5)
 * without `=` padding: `ceil(4 * nbytes / 3)` characters, safe in URLs and file names.
 *
 * @param nbytes An integer in `[0, buffer.constants.MAX_STRING_LENGTH * 3 / 4]`.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `nbytes` is a number.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `nbytes` is an integer in range.
 * @example
 * const resetUrl = `https://example.com/reset?token=${tokenUrlsafe()}`
 */
export function tokenUrlsafe(nbytes?: number | null): string {
  const n = size(nbytes, 'nbytes', MAX_URLSAFE_BYTES, DEFAULT_ENTROPY)
  ensureHeap(urlsafeLength(n), 'nbytes', n)
  return backend.tokenUrlsafe(n)
}

/**
 * A uniform random integer in `[0, n)`, with no modulo bias for any `n`.
 *
 * @param n A safe integer `>= 1`; pass a bigint for larger bounds.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `n` is a number or a bigint.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` for `n < 1`, a non-integer, or a number above
 *   `Number.MAX_SAFE_INTEGER` (the message says to pass a bigint).
 * @example
 * randbelow(6) + 1 // a fair die roll
 */
export function randbelow(n: number): number
/**
 * A uniform random bigint in `[0n, n)`, for a bigint `n >= 1n` of any size.
 *
 * @throws {RangeError} `ERR_OUT_OF_RANGE` for `n < 1n`.
 * @example
 * const scalar = randbelow(2n ** 255n - 19n)
 */
export function randbelow(n: bigint): bigint
/**
 * A uniform random integer in `[0, n)`, of `n`'s type.
 *
 * @example
 * const bound: number | bigint = 6
 * randbelow(bound)
 */
export function randbelow(n: number | bigint): number | bigint
export function randbelow(n: unknown): number | bigint {
  if (typeof n === 'number' && n >= 1 && n <= Number.MAX_SAFE_INTEGER && Number.isInteger(n)) {
    return pool.below(n)
  }
  if (typeof n === 'bigint') {
    if (n < 1n) throw outOfRange('n', '>= 1n', n)
    return backend.randbelowBig(n)
  }
  if (typeof n !== 'number') throw invalidArgType('n', 'of type number or bigint', n)
  if (!Number.isInteger(n)) throw outOfRange('n', 'an integer', n)
  if (n > Number.MAX_SAFE_INTEGER) {
    throw outOfRange('n', `a safe integer; pass a bigint for bounds above ${Number.MAX_SAFE_INTEGER}`, n)
  }
  throw outOfRange('n', '>= 1', n)
}

/**
 * A bigint of `k` random bits: uniform in `[0n, 2n ** BigInt(k))`. `randbits(0)` is `0n`.
 *
 * @param k An integer in `[0, 2 ** 30]`.
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `k` is a number.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` unless `k` is an integer in range.
 * @example
 * randbits(128) // 263463049338457127357497813432366106361n
 */
export function randbits(k: number): bigint {
  return backend.randbits(integer(k, 'k', 0, MAX_BITS))
}

/** A TypedArray whose elements are numbers. */
export type NumberTypedArray =
  | Uint8Array
  | Uint8ClampedArray
  | Uint16Array
  | Uint32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array

/** A TypedArray whose elements are bigints. */
export type BigIntTypedArray = BigInt64Array | BigUint64Array

/**
 * A uniformly chosen code point of a non-empty string: a surrogate pair is never split, as
 * Python's `str` does not split one.
 *
 * @throws {RangeError} `ERR_OUT_OF_RANGE` "Cannot choose from an empty sequence".
 * @example
 * choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') // 'K'
 */
export function choice(seq: string): string
/**
 * A uniformly chosen element of a non-empty TypedArray of numbers.
 *
 * @example
 * choice(new Uint16Array([80, 443, 8080])) // 443
 */
export function choice(seq: NumberTypedArray): number
/**
 * A uniformly chosen element of a non-empty TypedArray of bigints.
 *
 * @example
 * choice(new BigUint64Array([1n, 2n])) // 2n
 */
export function choice(seq: BigIntTypedArray): bigint
/**
 * A uniformly chosen element of a non-empty Array or array-like object.
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `seq` is a sequence.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` "Cannot choose from an empty sequence".
 * @example
 * choice(['rock', 'paper', 'scissors']) // 'paper'
 */
export function choice<T>(seq: ArrayLike<T>): T
export function choice(seq: unknown): unknown {
  return choose(seq, pool.below)
}

/** Binary data {@link compareDigest} and {@link fillRandom} accept. */
export type BinaryLike = ArrayBufferView | ArrayBufferLike

const BINARY = 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView'

/** The length a secret's message may show: a string's, or a binary value's in bytes. */
function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string') return value.length
  const bytes = bytesOf(value)
  return bytes === undefined ? undefined : byteLength(bytes)
}

/**
 * `true` iff `a` and `b` are equal, in time that depends on their lengths only: never on their
 * contents or on where they differ. Unequal lengths give `false`. Error messages show the type and
 * length of an argument, never its contents.
 *
 * @param a Both strings (compared by UTF-16 code units) or both binary (compared by bytes).
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for other types, or a string with binary data.
 * @example
 * const valid = compareDigest(String(request.headers['x-signature'] ?? ''), expectedSignature)
 */
export function compareDigest(a: string, b: string): boolean
/**
 * `true` iff the bytes of `a` and `b` are equal, in time that depends on their lengths only.
 *
 * @example
 * compareDigest(hmac.digest(), Buffer.from(signature, 'hex'))
 */
export function compareDigest(a: BinaryLike, b: BinaryLike): boolean
export function compareDigest(a: unknown, b: unknown): boolean {
  if (typeof a === 'string') {
    if (typeof b !== 'string') throw invalidSecretType('b', 'of type string, as "a" is', b, lengthOf(b))
    return backend.compareStrings(a, b)
  }
  const left = bytesOf(a)
  if (left === undefined) throw invalidSecretType('a', `of type string or ${BINARY}`, a, lengthOf(a))
  const right = bytesOf(b)
  if (right === undefined) throw invalidSecretType('b', `${BINARY}, as "a" is`, b, lengthOf(b))
  return backend.compareBytes(left, right)
}
