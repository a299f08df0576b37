// The `js` backend: the Backend interface in TypeScript, drawing from the platform's CSPRNG
// (node:crypto, or WebCrypto where there is no Node.js API). Tokens and bigints are made from
// uniform random digits (digits.ts), encoded with arithmetic only (encode.ts); bigints from
// random words, compared and joined with arithmetic only (below.ts).

import type { Backend } from '../backend.js'
import { allocate, osRandom, osRandomAsync } from '../../platform.js'
import { below, randbits } from './below.js'
import { bytesEqual, stringsEqual } from './compare.js'
import { hexText, urlsafeRun, urlsafeText } from './digits.js'

export const js: Backend = {
  fillRandom: osRandom,
  tokenHex: (n) => hexText(2 * n),
  tokenUrlsafe: urlsafeText,
  // The hex of `count` tokens one after another is the hex of all their bytes.
  tokenHexBatch: (count, n) => hexText(2 * n * count),
  tokenUrlsafeBatch: (count, n) => (n === 0 ? '' : urlsafeRun(count, n)),
  randbits,
  randbelowBig: below,
  compareBytes: bytesEqual,
  compareStrings: stringsEqual,
  async randomBytesAsync(n) {
    const out = allocate(n)
    await osRandomAsync(out)
    return out
  },
}
