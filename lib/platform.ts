// The declarations built from this file name Node.js's types themselves, so that a consumer whose
// tsconfig loads no global types (`types: []`, as `tsc --init` writes) still sees Buffer, not any.
/// <reference types="node" preserve="true" />

// What differs between platforms, for Node.js, Bun and Deno: Buffers, node:crypto's CSPRNG,
// libuv's thread pool and V8's heap census. The browser build swaps in `platform.browser.ts`,
// which exports the same names.

import { Buffer, constants } from 'node:buffer'
import * as crypto from 'node:crypto'
import { getHeapStatistics } from 'node:v8'
import { byteLengthOf, pin, subarray, uncurry } from './builtins.js'

/** What the functions that make bytes return: a Buffer under Node.js, Bun and Deno. */
export type Bytes = Buffer

/** The longest Buffer (`buffer.constants.MAX_LENGTH`) and string that can exist. */
export const MAX_LENGTH: number = constants.MAX_LENGTH
export const MAX_STRING_LENGTH: number = constants.MAX_STRING_LENGTH

/** Bytes of JavaScript heap still free. */
export const heapFree = (): number => getHeapStatistics().total_available_size

/**
 * A Buffer of `n` bytes with a memory block of its own, never a slice of Node's shared pool, so
 * no other Buffer's `.buffer` can reach the secret. Its contents are garbage: overwrite them all.
 */
export const allocate: (n: number) => Bytes = Buffer.allocUnsafeSlow

/** A zeroed Buffer of `n` bytes; small ones live on V8's heap, with no separate block. */
export const zeroed: (n: number) => Bytes = Buffer.alloc

// randomFillSync takes at most 2**31 - 1 bytes a call, and no offset past that: a Buffer of up
// to 4 GiB is filled a subarray at a time.
const OS_CHUNK = 2 ** 30

// Taken at load (see builtins.ts), as is everything the fills below call.
const { randomFill, randomFillSync } = crypto

/**
 * Fills `bytes` from the operating system's CSPRNG (through OpenSSL's, as node:crypto does).
 * node:crypto reads the view's `byteLength` through the prototype, where anyone can put a getter:
 * each view it gets has its own, pinned to the true length, so no code of ours or theirs runs.
 */
export function osRandom(bytes: Uint8Array): void {
  const n = byteLengthOf(bytes)
  for (let offset = 0; offset < n; offset += OS_CHUNK) {
    const length = n - offset < OS_CHUNK ? n - offset : OS_CHUNK
    randomFillSync(pin(subarray(bytes, offset, offset + length), 'byteLength', length))
  }
}

/** Fills `bytes` (at most 2**30 bytes) from the CSPRNG on libuv's thread pool. */
export function osRandomAsync(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    randomFill(bytes, (error) => (error ? reject(error) : resolve()))
  })
}

// Buffer's latin1 decoder copies bytes to a one-byte string with no lookup table: what the
// encoders need, since their output is ASCII computed without secret-dependent indexing.
const latin1Slice = uncurry(
  (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, start: number, end: number): string }).latin1Slice,
)

/** The ASCII text of `codes[start..end)`. */
export const ascii = (codes: Uint8Array, start: number, end: number): string => latin1Slice(codes, start, end)
