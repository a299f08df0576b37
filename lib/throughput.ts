// Beyond Python: filling caller's buffers, async requests off the main thread, and batches of
// tokens made in one call.

import { arrayBytes, arrayOf } from './collections.js'
import { invalidArgType, outOfRange } from './errors.js'
import { type Bytes, MAX_LENGTH, allocate as allocateBytes } from './platform.js'
import {
  type BinaryLike,
  DEFAULT_ENTROPY,
  MAX_HEX_BYTES,
  MAX_URLSAFE_BYTES,
  SMALL_TOKEN,
  hexLength,
  urlsafeLength,
} from './secrets.js'
import { backend, pool } from './source.js'
import { allocate, elements, ensureHeap, size } from './validate.js'
import { byteLength, ownBytes } from './views.js'

// Large async requests go to the backend in slices of this size, one at a time: each slice is
// about half a millisecond of one thread, so other queued work (fs, dns, zlib) keeps moving, and
// in the browser the event loop runs between slices.
const ASYNC_SLICE = 2 ** 20

const BINARY = 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView'

function viewBytes(view: unknown): Uint8Array {
  const bytes = ownBytes(view)
  if (bytes === undefined) throw invalidArgType('view', BINARY, view)
  return bytes
}

/**
 * Fills `view` (any TypedArray, DataView, Buffer or ArrayBuffer) with random bytes in place and
 * returns it.
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` unless `view` is binary.
 * @example
 * const words = fillRandom(new Uint32Array(4))
 */
export function fillRandom<T extends BinaryLike>(view: T): T {
  const bytes = viewBytes(view)
  // Small views from the word pool: cheaper than a call into the backend, which for a small typed
  // array also makes V8 move it off its heap.
  const length = byteLength(bytes)
  if (length <= SMALL_TOKEN) pool.copyTo(bytes, length)
  else backend.fillRandom(bytes)
  return view
}

// Captured at load: a view's own `set` property must not be able to intercept the bytes.
const setBytes = Function.prototype.call.bind(Uint8Array.prototype.set) as (
  target: Uint8Array,
  source: Uint8Array,
  offset: number,
) => void

/** Fills `bytes` slice by slice off the main thread; a view detached meanwhile stays empty. */
async function fillAsync(bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < byteLength(bytes); offset += ASYNC_SLICE) {
    const part = await backend.randomBytesAsync(Math.min(ASYNC_SLICE, byteLength(bytes) - offset))
    try {
      if (byteLength(bytes) >= offset + part.length) setBytes(bytes, part, offset)
    } finally {
      part.fill(0)
    }
  }
}

/**
 * A Promise of {@link tokenBytes}`(nbytes)`, made off the main thread (libuv's pool under
 * Node.js; in the browser, slices between which the event loop runs). Bad arguments reject the
 * Promise; it never throws.
 *
 * @example
 * const key = await tokenBytesAsync(64 * 1024 * 1024)
 */
export async function tokenBytesAsync(nbytes?: number | null): Promise<Bytes> {
  const n = size(nbytes, 'nbytes', MAX_LENGTH, DEFAULT_ENTROPY)
  if (n <= ASYNC_SLICE) return backend.randomBytesAsync(n)
  const bytes = allocate(() => allocateBytes(n), 'nbytes', n)
  await fillAsync(bytes)
  return bytes
}

/**
 * A Promise of {@link fillRandom}`(view)`, filled off the main thread; resolves to `view`. A view
 * whose buffer is detached meanwhile stays empty. Bad arguments reject the Promise.
 *
 * @example
 * const words = await fillRandomAsync(new Uint32Array(1 << 20))
 */
export async function fillRandomAsync<T extends BinaryLike>(view: T): Promise<T> {
  await fillAsync(viewBytes(view))
  return view
}

// Batches come from the backend in runs of about 256 KiB of text, split here: one call per run,
// where adding each token to an Array from native code (napi_set_element) would cost more than
// making it. Where a run is a copy in V8's heap (the js backend; the addon on Bun and Deno), it is
// past V8's 128 KiB limit for objects its young-generation collector copies, so kept tokens cost
// the collector their own small string objects only, not their text twice over (measured: 106 ns
// a token kept, against 160 ns for runs of 64 KiB); on Node.js the addon's runs are external
// strings (src/external.rs). The tokens of a run share its string, so a token kept alive keeps at
// most 256 KiB of text alive with it.
const RUN_CHARS = 2 ** 18

type MakeRun = (count: number, nbytes: number) => string

/** An Array of `count` tokens of `nbytes` bytes, `width(nbytes)` characters each, by `makeRun`. */
function batch(makeRun: MakeRun, width: (n: number) => number, count: unknown, nbytes: unknown, maxBytes: number): string[] {
  const c = elements(count, 'count')
  const n = size(nbytes, 'nbytes', maxBytes, DEFAULT_ENTROPY)
  if (c * n > MAX_LENGTH) throw outOfRange('count * nbytes', `<= ${MAX_LENGTH}`, c * n)
  const w = width(n)
  // Each token is a string of its own in the result: about 40 bytes of V8 object on top of its
  // text, and the Array's slots.
  ensureHeap(c * (w + 40) + arrayBytes(c), 'count', c)
  if (w === 0) return arrayOf(c, () => '')
  const perRun = Math.max(1, Math.floor(RUN_CHARS / w))
  let text = ''
  return arrayOf(c, (i) => {
    const j = i % perRun
    if (j === 0) text = makeRun(Math.min(perRun, c - i), n)
    return text.slice(j * w, (j + 1) * w)
  })
}

/**
 * An Array of `count` tokens, each as {@link tokenHex}`(nbytes)` makes it, in one call: cheaper
 * per token than calling `tokenHex` in a loop. `count` 0 gives `[]`.
 *
 * @param count An integer in `[0, 2 ** 27 - 4096]` (V8's longest Array); `count * nbytes` at most
 *   `buffer.constants.MAX_LENGTH`, and the result must fit the JavaScript heap.
 * @example
 * const inviteCodes = tokenHexBatch(1000, 8)
 */
export function tokenHexBatch(count: number, nbytes?: number | null): string[] {
  return batch(backend.tokenHexBatch, hexLength, count, nbytes, MAX_HEX_BYTES)
}

/**
 * An Array of `count` tokens, each as {@link tokenUrlsafe}`(nbytes)` makes it, in one call.
 *
 * @param count An integer in `[0, 2 ** 27 - 4096]`; limits as {@link tokenHexBatch}.
 * @example
 * const sessionIds = tokenUrlsafeBatch(10000)
 */
export function tokenUrlsafeBatch(count: number, nbytes?: number | null): string[] {
  return batch(backend.tokenUrlsafeBatch, urlsafeLength, count, nbytes, MAX_URLSAFE_BYTES)
}
