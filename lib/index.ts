// napi-secrets: Python's `secrets` module, and `random.SystemRandom`, for JavaScript. The same
// facade runs over the native addon or the pure TypeScript backend; `backend` says which.

import type { BackendName } from './backends/backend.js'
import * as passwords from './password.js'
import * as recipes from './recipes.js'
import * as secrets from './secrets.js'
import * as systemRandom from './system-random/index.js'
import * as throughput from './throughput.js'
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

// Plain properties, not re-exports: the CommonJS build would make each a getter, paid on every
// `secrets.randbelow(...)` call (it doubled the cost of the fastest ones).
export import DEFAULT_ENTROPY = secrets.DEFAULT_ENTROPY
export import tokenBytes = secrets.tokenBytes
export import tokenHex = secrets.tokenHex
export import tokenUrlsafe = secrets.tokenUrlsafe
export import randbelow = secrets.randbelow
export import randbits = secrets.randbits
export import choice = secrets.choice
export import compareDigest = secrets.compareDigest
export import fillRandom = throughput.fillRandom
export import fillRandomAsync = throughput.fillRandomAsync
export import tokenBytesAsync = throughput.tokenBytesAsync
export import tokenHexBatch = throughput.tokenHexBatch
export import tokenUrlsafeBatch = throughput.tokenUrlsafeBatch
export import SystemRandom = systemRandom.SystemRandom
export import password = passwords.password
export import passphrase = recipes.passphrase
export type { BinaryLike, NumberTypedArray, BigIntTypedArray } from './secrets.js'
export type { ChoicesOptions, SampleOptions } from './system-random/index.js'
export type { PasswordOptions } from './password.js'
export type { PassphraseOptions } from './recipes.js'
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
