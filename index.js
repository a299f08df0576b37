'use strict'

// Python's `secrets` module for Node.js. Each function validates its arguments here, with Node's
// error codes, and leaves the random work to the backend.

const { constants } = require('node:buffer')
const { load } = require('./lib/backend.js')
const { invalidArgType, outOfRange } = require('./lib/errors.js')
const { createPool } = require('./lib/pool.js')
const { choose } = require('./lib/sequence.js')
const { createSystemRandom } = require('./lib/system-random.js')
const { integer, size, bytesOf, byteLength, elements, allocate, ensureHeap } = require('./lib/validate.js')

const { name: backend, impl } = load()
const pool = createPool(impl.fillRandom)
const SystemRandom = createSystemRandom({ pool, impl, randomBuffer, randbits })

const DEFAULT_ENTROPY = 32

// Largest inputs whose results can exist: a Buffer of MAX_LENGTH bytes, a string of
// MAX_STRING_LENGTH characters (two a byte in hex, four per three bytes in base64url), and V8's
// 2**30-bit bigints.
const MAX_BYTES = constants.MAX_LENGTH
const MAX_HEX_BYTES = Math.floor(constants.MAX_STRING_LENGTH / 2)
const MAX_URLSAFE_BYTES = Math.floor((constants.MAX_STRING_LENGTH * 3) / 4)
const MAX_BITS = 2 ** 30

// V8 keeps typed arrays of up to 64 bytes on its heap, with no separate ArrayBuffer to allocate;
// up to this size, bytes come from the JavaScript pool.
const SMALL_TOKEN = 64

// Large async requests go to libuv's pool in slices of this size, one at a time: each slice is
// about half a millisecond of one thread, so other queued work (fs, dns, zlib) keeps moving.
const ASYNC_SLICE = 2 ** 20

/** Fills `view` (any ArrayBufferView or ArrayBuffer) with random bytes and returns it. */
function fillRandom(view) {
  const bytes = bytesOf(view)
  if (bytes === undefined) {
    throw invalidArgType('view', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', view)
  }
  // Small views from the JavaScript pool: cheaper than an N-API call, which for a small typed
  // array also makes V8 move it off its heap.
  const length = byteLength(bytes)
  if (length <= SMALL_TOKEN) pool.copyTo(bytes, length)
  else impl.fillRandom(bytes)
  return view
}

/** `nbytes` random bytes in a Buffer. */
function tokenBytes(nbytes) {
  return randomBuffer(size(nbytes, 'nbytes', MAX_BYTES, DEFAULT_ENTROPY), 'nbytes')
}

/** A Buffer of `n` (validated, from the argument `name`) random bytes. */
function randomBuffer(n, name) {
  // A Buffer of its own, never a slice of Node's shared pool, so no other Buffer's `.buffer` can
  // reach the secret. Small ones live on V8's heap and take their bytes from the JavaScript pool:
  // handing them to native code would make V8 move them off its heap first (about 250 ns).
  // Every byte is overwritten before it is returned.
  if (n <= SMALL_TOKEN) return pool.copyTo(Buffer.alloc(n), n)
  const buf = allocate(() => Buffer.allocUnsafeSlow(n), name, n)
  impl.fillRandom(buf)
  return buf
}

/** `nbytes` random bytes as `2 * nbytes` lowercase hex digits. */
function tokenHex(nbytes) {
  const n = size(nbytes, 'nbytes', MAX_HEX_BYTES, DEFAULT_ENTROPY)
  ensureHeap(hexLength(n), 'nbytes', n)
  return impl.tokenHex(n)
}

/** `nbytes` random bytes as unpadded base64url. */
function tokenUrlsafe(nbytes) {
  const n = size(nbytes, 'nbytes', MAX_URLSAFE_BYTES, DEFAULT_ENTROPY)
  ensureHeap(urlsafeLength(n), 'nbytes', n)
  return impl.tokenUrlsafe(n)
}

/** A uniform integer in `[0, n)`, of the same type as `n`. */
function randbelow(n) {
  if (typeof n === 'number' && n >= 1 && n <= Number.MAX_SAFE_INTEGER && Number.isInteger(n)) {
    return pool.below(n)
  }
  if (typeof n === 'bigint') {
    if (n < 1n) throw outOfRange('n', '>= 1n', n)
    return impl.randbelowBig(n)
  }
  if (typeof n !== 'number') throw invalidArgType('n', 'of type number or bigint', n)
  if (!Number.isInteger(n)) throw outOfRange('n', 'an integer', n)
  if (n > Number.MAX_SAFE_INTEGER) {
    throw outOfRange('n', `a safe integer; pass a bigint for bounds above ${Number.MAX_SAFE_INTEGER}`, n)
  }
  throw outOfRange('n', '>= 1', n)
}

/** A bigint of `k` random bits: uniform in `[0n, 2n ** k)`. */
function randbits(k) {
  return impl.randbits(integer(k, 'k', 0, MAX_BITS))
}

/** A uniformly chosen element of a non-empty sequence; a string yields one code point. */
function choice(seq) {
  return choose(seq, pool.below)
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

// Batches come from native code in runs of about 64 KiB of text, split here: one N-API call per
// run, where adding each token to an Array from native code (napi_set_element) would cost more
// than making it. The tokens of a run share its string in V8, so a token kept alive keeps at
// most 64 KiB of text alive with it.
const RUN_CHARS = 2 ** 16

/** An Array of `count` tokens of `nbytes` bytes, `width(nbytes)` characters each, by `makeRun`. */
function batch(makeRun, width, count, nbytes, maxBytes) {
  const c = elements(count, 'count')
  const n = size(nbytes, 'nbytes', maxBytes, DEFAULT_ENTROPY)
  if (c * n > MAX_BYTES) throw outOfRange('count * nbytes', `<= ${MAX_BYTES}`, c * n)
  const w = width(n)
  // Each token is a string of its own in the result: about 40 bytes of V8 object on top of its text.
  ensureHeap(c * (w + 40), 'count', c)
  const tokens = new Array(c).fill('')
  if (w === 0) return tokens
  const perRun = Math.max(1, Math.floor(RUN_CHARS / w))
  for (let i = 0; i < c; i += perRun) {
    const k = Math.min(perRun, c - i)
    const text = makeRun(k, n)
    for (let j = 0; j < k; j++) tokens[i + j] = text.slice(j * w, (j + 1) * w)
  }
  return tokens
}

/** An Array of `count` tokens as `tokenHex(nbytes)` makes them, in one call. */
function tokenHexBatch(count, nbytes) {
  return batch(impl.tokenHexBatch, hexLength, count, nbytes, MAX_HEX_BYTES)
}

/** An Array of `count` tokens as `tokenUrlsafe(nbytes)` makes them, in one call. */
function tokenUrlsafeBatch(count, nbytes) {
  return batch(impl.tokenUrlsafeBatch, urlsafeLength, count, nbytes, MAX_URLSAFE_BYTES)
}

const hexLength = (n) => 2 * n
const urlsafeLength = (n) => Math.ceil((4 * n) / 3)

/** Fills `bytes` slice by slice on libuv's pool; a view detached meanwhile stays empty. */
// Captured at load: a view's own `set` property must not be able to intercept the bytes.
const setBytes = Function.prototype.call.bind(Uint8Array.prototype.set)

async function fillAsync(bytes) {
  for (let offset = 0; offset < byteLength(bytes); offset += ASYNC_SLICE) {
    const part = await impl.randomBytesAsync(Math.min(ASYNC_SLICE, byteLength(bytes) - offset))
    if (byteLength(bytes) >= offset + part.length) setBytes(bytes, part, offset)
    part.fill(0)
  }
}

/** A Promise of `tokenBytes(nbytes)`, made off the main thread. */
async function tokenBytesAsync(nbytes) {
  const n = size(nbytes, 'nbytes', MAX_BYTES, DEFAULT_ENTROPY)
  if (n <= ASYNC_SLICE) return impl.randomBytesAsync(n)
  const buf = allocate(() => Buffer.allocUnsafeSlow(n), 'nbytes', n)
  await fillAsync(buf)
  return buf
}

/** A Promise of `fillRandom(view)`, filled off the main thread; resolves to `view`. */
async function fillRandomAsync(view) {
  const bytes = bytesOf(view)
  if (bytes === undefined) {
    throw invalidArgType('view', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', view)
  }
  await fillAsync(bytes)
  return view
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
  fillRandomAsync,
  tokenBytesAsync,
  tokenHexBatch,
  tokenUrlsafeBatch,
  SystemRandom,
  token_bytes: tokenBytes,
  token_hex: tokenHex,
  token_urlsafe: tokenUrlsafe,
  compare_digest: compareDigest,
}
