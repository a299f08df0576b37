// The interface both backends implement. The facade validates every argument before calling any
// of these, so a backend sees only sizes in range, bounds >= 1n and Uint8Arrays.

import type { Bytes } from '../platform.js'

/** The random work behind the facade, done natively (`native`) or in TypeScript (`js`). */
export interface Backend {
  /** Fills every byte of `bytes` with random bytes. */
  fillRandom(bytes: Uint8Array): void
  /** `nbytes` random bytes as lowercase hex. */
  tokenHex(nbytes: number): string
  /** `nbytes` random bytes as unpadded base64url. */
  tokenUrlsafe(nbytes: number): string
  /** `count` hex tokens of `nbytes` bytes, one after another in one string. */
  tokenHexBatch(count: number, nbytes: number): string
  /** `count` base64url tokens of `nbytes` bytes, one after another in one string. */
  tokenUrlsafeBatch(count: number, nbytes: number): string
  /** A uniform bigint in `[0n, 2n ** k)`. */
  randbits(k: number): bigint
  /** A uniform bigint in `[0n, n)`, for `n >= 1n`. */
  randbelowBig(n: bigint): bigint
  /** Byte-wise equality in time that depends on the lengths only. */
  compareBytes(a: Uint8Array, b: Uint8Array): boolean
  /** UTF-16 code unit equality in time that depends on the lengths only. */
  compareStrings(a: string, b: string): boolean
  /** A Promise of `n` (at most 1 MiB) random bytes, made off the main thread where there is one. */
  randomBytesAsync(n: number): Promise<Bytes>
}

/** Which backend is loaded. */
export type BackendName = 'native' | 'js'
