// What differs between platforms, for browsers, web workers and edge runtimes: Uint8Array for
// bytes, WebCrypto's CSPRNG, and slices that yield to the event loop instead of a thread pool.
// No Node.js built-in and no Buffer: a bundler builds this with no polyfill.

import { arrayBufferLength, bufferOf, fill, lengthOf, pin, set, subarray, uncurry } from './builtins.js'

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

// String.fromCharCode takes its codes as arguments; engines cap the count of those.
const ARGS = 8192
const fromCharCode = String.fromCharCode
const { apply } = Reflect

/**
 * The codes of `codes[start..end)` as arguments to fromCharCode. `apply` reads the view's
 * `length` through the prototype, where anyone can put a getter: the view gets its own.
 */
const chars = (codes: Uint8Array, start: number, end: number): string =>
  apply(fromCharCode, null, pin(subarray(codes, start, end), 'length', end - start) as unknown as number[])

/** The ASCII text of `codes[start..end)`. */
export function ascii(codes: Uint8Array, start: number, end: number): string {
  if (end - start <= ARGS) return chars(codes, start, end)
  const parts: string[] = []
  for (let i = start; i < end; i += ARGS) parts.push(chars(codes, i, min(i + ARGS, end)))
  return parts.join('')
}
