// The `js` backend: the Backend interface in TypeScript, drawing from the platform's CSPRNG
// (node:crypto, or WebCrypto where there is no Node.js API). Tokens and bigints are made from
// uniform random digits (digits.ts), encoded with arithmetic only (encode.ts).

import type { Backend } from '../backend.js'
import { allocate, osRandom, osRandomAsync } from '../../platform.js'
import { below } from './below.js'
import { bytesEqual, stringsEqual } from './compare.js'
import { hexBits, hexText, urlsafeRun, urlsafeText } from './digits.js'

/** A uniform bigint in `[0n, 2n ** k)`, read from hex digits, which BigInt parses in linear time. */
const randbits = (k: number): bigint => (k === 0 ? 0n : BigInt(`0x${hexBits(k)}`))

export const js: Backend = {
  fillRandom: osRandom,
  tokenHex: (n) => hexText(2 * n),
  tokenUrlsafe: urlsafeText,
  // The hex of `count` tokens one after another is the hex of all their bytes.
  tokenHexBatch: (count, n) => hexText(2 * n * count),
  tokenUrlsafeBatch: (count, n) => (n === 0 ? '' : urlsafeRun(count, n)),
  randbits,
  randbelowBig: (n) => below(n, randbits),
  compareBytes: bytesEqual,
  compareStrings: stringsEqual,
  async randomBytesAsync(n) {
    const out = allocate(n)
    await osRandomAsync(out)
    return out
  },
}
