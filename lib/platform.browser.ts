// What differs between platforms, for browsers, web workers and edge runtimes: Uint8Array for
// bytes, WebCrypto's CSPRNG, and slices that yield to the event loop instead of a thread pool.
// No Node.js built-in and no Buffer: a bundler builds this with no polyfill.

import { arrayBufferLength, bufferOf, fill, lengthOf, set, subarray, uncurry } from './builtins.js'

/** What the functions that make bytes return: a Uint8Array where no Buffer exists. */
export type Bytes = Uint8Array

/** The longest Uint8Array and string to allow: V8's limits, the smallest of the major engines'. */
export const MAX_LENGTH: number = 2 ** 32
export const MAX_STRING_LENGTH: number = 2 ** 29 - 24

/** Browsers give no heap census: every size is tried, and a failed allocation is a RangeError. */
export const heapFree = (): number => Infinity

/** A Uint8Array of `n` bytes with a buffer of its own. */
export const allocate = (n: number): Bytes => new Uint8Array(n)
export const zeroed = allocate

// getRandomValues takes at most 65536 bytes a call, and refuses views of a SharedArrayBuffer.
const WEB_CHUNK = 65536

type Fill = (view: Uint8Array) => void

/** The platform's `crypto.getRandomValues`, bound to `crypto`; `undefined` where there is none. */
function capture(): Fill | undefined {
  const crypto = (globalThis as { crypto?: Crypto }).crypto
  const getRandomValues = crypto?.getRandomValues
  if (typeof getRandomValues !== 'function') return undefined
  const call = uncurry(getRandomValues as (this: Crypto, view: Uint8Array) => Uint8Array)
  return (view) => {
    call(crypto as Crypto, view)
  }
}

// Taken at load, as every built-in the fills call (builtins.ts), so that code run later cannot
// replace what fills a pool; module scope only reads it, and draws nothing. Where there is none
// at load (a polyfill installed after this module), it is looked up at the first draw.
let webRandom = capture()

function source(): Fill {
  webRandom ??= capture()
  if (webRandom === undefined) {
    throw new Error('napi-secrets needs crypto.getRandomValues, which this platform does not have')
  }
  return webRandom
}

/** Whether `bytes` is a view of a SharedArrayBuffer: ArrayBuffer's own getter refuses those. */
function isShared(bytes: Uint8Array): boolean {
  try {
    arrayBufferLength(bufferOf(bytes))
    return false
  } catch {
    return true
  }
}

const min = (a: number, b: number) => (a < b ? a : b)

/** Fills `bytes` from the platform's CSPRNG, 65536 bytes a call, with `crypto` as `this`. */
export function osRandom(bytes: Uint8Array): void {
  const random = source()
  const n = lengthOf(bytes)
  if (isShared(bytes)) {
    const scratch = new Uint8Array(min(WEB_CHUNK, n))
    for (let offset = 0; offset < n; offset += WEB_CHUNK) {
      const part = subarray(scratch, 0, min(WEB_CHUNK, n - offset))
      random(part)
      set(bytes, part, offset)
    }
    fill(scratch, 0)
    return
  }
  for (let offset = 0; offset < n; offset += WEB_CHUNK) random(subarray(bytes, offset, min(offset + WEB_CHUNK, n)))
}

/** Resolves after other queued tasks ran: a message round trip, which setTimeout's 4 ms clamp does not slow. */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0))
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** Fills `bytes` after yielding to the event loop: there is no thread pool to hand it to. */
export async function osRandomAsync(bytes: Uint8Array): Promise<void> {
  await yieldToEventLoop()
  osRandom(bytes)
}

// Long texts are made in parts of this many codes, joined once.
const PART = 8192
const fromCharCode = String.fromCharCode
const { apply } = Reflect

/** Sixteen codes from `i` on, written out as arguments: no array-like for `apply` to walk. */
const sixteen = (c: Uint8Array, i: number): string =>
  fromCharCode(c[i], c[i + 1], c[i + 2], c[i + 3], c[i + 4], c[i + 5], c[i + 6], c[i + 7], c[i + 8], c[i + 9], c[i + 10], c[i + 11], c[i + 12], c[i + 13], c[i + 14], c[i + 15])

// Plain arrays for the codes after the last sixteen, one for each count: `apply` takes a packed
// array's elements as they are, where it walks a typed array (by its `length`, which anyone can
// give a getter) element by element, several times slower. Each is zeroed after use.
const tails = Array.from({ length: 18 }, (_, n) => new Array<number>(n).fill(0))

/**
 * The ASCII text of `codes[start..end)`, sixteen codes a call to fromCharCode and the rest
 * (at most 17) in one more. Sixteen are taken only while more than one, or none, would be left:
 * V8 answers a call with a single code from a table of one-character strings, indexed by the
 * code, so only a text of one code is made so (as before, by any means).
 */
export function ascii(codes: Uint8Array, start: number, end: number): string {
  if (end - start > PART) {
    const parts: string[] = []
    for (let i = start; i < end; i += PART) parts.push(ascii(codes, i, min(i + PART, end)))
    return parts.join('')
  }
  let out = ''
  let i = start
  for (; end - i >= 16 && end - i !== 17; i += 16) out += sixteen(codes, i)
  if (i === end) return out
  const tail = tails[end - i]
  for (let j = 0; j < end - i; j++) tail[j] = codes[i + j]
  out += apply(fromCharCode, null, tail)
  for (let j = 0; j < end - i; j++) tail[j] = 0
  return out
}
