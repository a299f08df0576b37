// napi-secrets: Python's `secrets` module, and `random.SystemRandom`, for JavaScript. The same
// facade runs over the native addon or the pure TypeScript backend; `backend` says which.

import type { BackendName } from './backends/backend.js'
import { compareDigest, tokenBytes, tokenHex, tokenUrlsafe } from './secrets.js'
import { name } from './source.js'

/**
 * Which implementation is loaded: `'native'` (the prebuilt Rust addon) or `'js'` (TypeScript over
 * the platform's CSPRNG). `NAPI_SECRETS_BACKEND=js` or `=native` forces one under Node.js.
 *
 * @example
 * import { backend } from 'napi-secrets'
 * console.log(backend) // 'native'
 */
export const backend: BackendName = name

export {
  DEFAULT_ENTROPY,
  tokenBytes,
  tokenHex,
  tokenUrlsafe,
  randbelow,
  randbits,
  choice,
  compareDigest,
  type BinaryLike,
  type NumberTypedArray,
  type BigIntTypedArray,
} from './secrets.js'
export {
  fillRandom,
  fillRandomAsync,
  tokenBytesAsync,
  tokenHexBatch,
  tokenUrlsafeBatch,
} from './throughput.js'
export { SystemRandom, type ChoicesOptions, type SampleOptions } from './system-random/index.js'
export type { BackendName } from './backends/backend.js'
export type { Bytes } from './platform.js'

/**
 * Python's name for {@link tokenBytes}: the same function.
 *
 * @example
 * token_bytes(16)
 */
export const token_bytes: typeof tokenBytes = tokenBytes

/**
 * Python's name for {@link tokenHex}: the same function.
 *
 * @example
 * token_hex(16)
 */
export const token_hex: typeof tokenHex = tokenHex

/**
 * Python's name for {@link tokenUrlsafe}: the same function.
 *
 * @example
 * token_urlsafe(16)
 */
export const token_urlsafe: typeof tokenUrlsafe = tokenUrlsafe

/**
 * Python's name for {@link compareDigest}: the same function.
 *
 * @example
 * compare_digest(a, b)
 */
export const compare_digest: typeof compareDigest = compareDigest
