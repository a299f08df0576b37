'use strict'

// Python's `secrets` module for Node.js. Each function validates its arguments here, with Node's
// error codes, and leaves the random work to the backend.

const { constants } = require('node:buffer')
const { load } = require('./lib/backend.js')
const { invalidArgType, outOfRange, rangeError } = require('./lib/errors.js')
const { integer, size, bytesOf } = require('./lib/validate.js')

const { name: backend, impl } = load()

const DEFAULT_ENTROPY = 32

// Largest inputs whose results can exist: a Buffer of MAX_LENGTH bytes, a string of
// MAX_STRING_LENGTH characters (two a byte in hex, four per three bytes in base64url), and V8's
// 2**30-bit bigints.
const MAX_BYTES = constants.MAX_LENGTH
const MAX_HEX_BYTES = Math.floor(constants.MAX_STRING_LENGTH / 2)
const MAX_URLSAFE_BYTES = Math.floor((constants.MAX_STRING_LENGTH * 3) / 4)
const MAX_BITS = 2 ** 30

/** Fills `view` (any ArrayBufferView or ArrayBuffer) with random bytes and returns it. */
function fillRandom(view) {
  const bytes = bytesOf(view)
  if (bytes === undefined) {
    throw invalidArgType('view', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', view)
  }
  impl.fillRandom(bytes)
  return view
}

/** `nbytes` random bytes in a Buffer. */
function tokenBytes(nbytes) {
  const n = size(nbytes, 'nbytes', MAX_BYTES, DEFAULT_ENTROPY)
  // allocUnsafeSlow: a Buffer of its own, never a slice of Node's shared pool, so no other Buffer's
  // `.buffer` can reach the secret. Every byte is overwritten before it is returned.
  const buf = Buffer.allocUnsafeSlow(n)
  impl.fillRandom(buf)
  return buf
}

/** `nbytes` random bytes as `2 * nbytes` lowercase hex digits. */
function tokenHex(nbytes) {
  return impl.tokenHex(size(nbytes, 'nbytes', MAX_HEX_BYTES, DEFAULT_ENTROPY))
}

/** `nbytes` random bytes as unpadded base64url. */
function tokenUrlsafe(nbytes) {
  return impl.tokenUrlsafe(size(nbytes, 'nbytes', MAX_URLSAFE_BYTES, DEFAULT_ENTROPY))
}

/** A uniform integer in `[0, n)`, of the same type as `n`. */
function randbelow(n) {
  if (typeof n === 'bigint') {
    if (n < 1n) throw outOfRange('n', '>= 1n', n)
    return impl.randbelowBig(n)
  }
  if (typeof n !== 'number') throw invalidArgType('n', 'of type number or bigint', n)
  if (!Number.isInteger(n)) throw outOfRange('n', 'an integer', n)
  if (n > Number.MAX_SAFE_INTEGER) {
    throw outOfRange('n', `a safe integer; pass a bigint for bounds above ${Number.MAX_SAFE_INTEGER}`, n)
  }
  if (n < 1) throw outOfRange('n', '>= 1', n)
  return impl.randbelow(n)
}

/** A bigint of `k` random bits: uniform in `[0n, 2n ** k)`. */
function randbits(k) {
  return impl.randbits(integer(k, 'k', 0, MAX_BITS))
}

/** A uniformly chosen element of a non-empty sequence; a string yields one code point. */
function choice(seq) {
  if (typeof seq === 'string') {
    // Code points, as Python's str: a surrogate pair is one element, never split.
    const points = /[\uD800-\uDFFF]/.test(seq) ? Array.from(seq) : seq
    return points[randbelow(nonEmpty(points.length))]
  }
  if (typeof seq !== 'object' || seq === null || typeof seq.length !== 'number') {
    throw invalidArgType('seq', 'an Array, TypedArray, string or array-like object', seq)
  }
  const length = integer(seq.length, 'seq.length', 0, Number.MAX_SAFE_INTEGER)
  return seq[randbelow(nonEmpty(length))]
}

function nonEmpty(length) {
  if (length === 0) throw rangeError('Cannot choose from an empty sequence')
  return length
}

/**
 * True iff `a` and `b` are equal, in time that depends on their lengths only. Both strings
 * (compared by UTF-16 code units) or both binary (compared by bytes).
 */
function compareDigest(a, b) {
  if (typeof a === 'string') {
    if (typeof b !== 'string') throw invalidArgType('b', 'of type string, as "a" is', b)
    return impl.compareStrings(a, b)
  }
  const left = bytesOf(a)
  if (left === undefined) {
    throw invalidArgType('a', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a)
  }
  const right = bytesOf(b)
  if (right === undefined) {
    throw invalidArgType('b', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView, as "a" is', b)
  }
  return impl.compareBytes(left, right)
}

module.exports = {
  backend,
  DEFAULT_ENTROPY,
  tokenBytes,
  tokenHex,
  tokenUrlsafe,
  randbelow,
  randbits,
  choice,
  compareDigest,
  fillRandom,
  token_bytes: tokenBytes,
  token_hex: tokenHex,
  token_urlsafe: tokenUrlsafe,
  compare_digest: compareDigest,
}
