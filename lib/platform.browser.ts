// What differs between platforms, for browsers, web workers and edge runtimes: Uint8Array for
// bytes, WebCrypto's CSPRNG, and slices that yield to the event loop instead of a thread pool.
// No Node.js built-in and no Buffer: a bundler builds this with no polyfill.

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

/** The platform's `crypto`, looked up at the call: module scope must draw nothing and need nothing. */
function webCrypto(): Crypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto
  if (crypto === undefined || typeof crypto.getRandomValues !== 'function') {
    throw new Error('napi-secrets needs crypto.getRandomValues, which this platform does not have')
  }
  return crypto
}

const isShared = (bytes: Uint8Array) => Object.prototype.toString.call(bytes.buffer) === '[object SharedArrayBuffer]'

/** Fills `bytes` from the platform's CSPRNG, 65536 bytes a call, with `crypto` as `this`. */
export function osRandom(bytes: Uint8Array): void {
  const crypto = webCrypto()
  if (isShared(bytes)) {
    const scratch = new Uint8Array(Math.min(WEB_CHUNK, bytes.length))
    for (let offset = 0; offset < bytes.length; offset += WEB_CHUNK) {
      const part = scratch.subarray(0, Math.min(WEB_CHUNK, bytes.length - offset))
      crypto.getRandomValues(part)
      bytes.set(part, offset)
    }
    scratch.fill(0)
    return
  }
  for (let offset = 0; offset < bytes.length; offset += WEB_CHUNK) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(offset + WEB_CHUNK, bytes.length)))
  }
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

/** The ASCII text of `codes[start..end)`. */
export function ascii(codes: Uint8Array, start: number, end: number): string {
  if (end - start <= ARGS) return String.fromCharCode.apply(null, codes.subarray(start, end) as unknown as number[])
  const parts: string[] = []
  for (let i = start; i < end; i += ARGS) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(i + ARGS, end)) as unknown as number[]))
  }
  return parts.join('')
}
